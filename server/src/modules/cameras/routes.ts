// HTTP of public cameras: the list and one camera for anyone, adding one for staff, and in
// demo mode the local HLS stand-in (/demo/cameras/…).
import fs from 'node:fs/promises';
import { ErrorReply, errorReplies } from '@cds/contracts/common';
import * as S from '@cds/contracts/cameras';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/module.ts';
import { DEMO_FILE, DEMO_TYPES, demoFilePath } from './demo-stream.ts';
import type { CameraService } from './service.ts';

const tags = ['cameras'];

export function cameraRoutes(app: App, service: CameraService, demoDir: string | null): void {
  app.get('/api/cameras', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Public cameras (traffic, river, border-gate approach) with their HLS stream', querystring: S.CameraListQuery, response: { 200: S.CameraList, 400: ErrorReply } },
  }, async (request) => service.list(request.query.kind));

  app.get('/api/cameras/:id', {
    config: { policy: policy.public },
    schema: { tags, summary: 'One camera', params: S.CameraParams, response: { 200: S.Camera, ...errorReplies(400, 404) } },
  }, async (request) => service.camera(request.params.id));

  app.post('/api/cameras', {
    config: { policy: policy.signedIn },
    schema: { tags: [...tags, 'staff'], summary: 'Add a camera', body: S.CameraInput, response: { 201: S.Camera, ...errorReplies(400, 401, 403, 409) } },
  }, async (request, reply) => reply.status(201).send(await service.create(requirePrincipal(request), request.body)));

  if (!demoDir) return;
  app.get('/demo/cameras/:file', { config: { policy: policy.public }, schema: { hide: true } }, async (request, reply) => {
    const { file } = request.params as { file: string };
    if (!DEMO_FILE.test(file)) throw notFound('cameras.not_found');
    const bytes = await fs.readFile(demoFilePath(demoDir, file)).catch(() => null);
    if (!bytes) throw notFound('cameras.not_found');
    return reply
      .type(DEMO_TYPES[file.slice(file.lastIndexOf('.') + 1)]!)
      // the playlist is a VOD that never changes; a real live camera's would be no-cache
      .header('cache-control', 'public, max-age=60')
      .send(bytes);
  });
}
