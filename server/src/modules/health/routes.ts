// HTTP of the health book: status, consent, withdrawal, and the record (never cached).
import { HealthConsentBody, HealthRecord, HealthStatus } from '@cds/contracts/health';
import { errorReplies } from '@cds/contracts/common';
import { Type } from 'typebox';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import type { App } from '../../platform/module.ts';
import type { HealthService } from './service.ts';

const tags = ['health'];

export function healthRoutes(app: App, service: HealthService): void {
  app.get('/api/health-book/status', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Whether this session may read the health book: signed in with eID, consent given', response: { 200: HealthStatus, ...errorReplies(401) } },
  }, async (request) => service.status(requirePrincipal(request)));

  app.post('/api/health-book/consent', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Consent to reading my electronic health record (audited)', body: HealthConsentBody, response: { 200: HealthStatus, ...errorReplies(400, 401) } },
  }, async (request) => service.consent(requirePrincipal(request), request.body.version, request.ip));

  app.delete('/api/health-book/consent', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Withdraw the consent (audited)', response: { 204: Type.Null(), ...errorReplies(401) } },
  }, async (request, reply) => {
    await service.withdraw(requirePrincipal(request), request.ip);
    return reply.status(204).send(null);
  });

  app.get('/api/health-book/record', {
    config: { policy: policy.signedIn },
    schema: {
      tags, summary: 'My health record summary (vaccinations, visits), read now from the health system over FHIR R4; audited, never cached',
      response: { 200: HealthRecord, ...errorReplies(401, 403, 404, 502, 503) },
    },
  }, async (request, reply) => {
    const record = await service.record(requirePrincipal(request), request.ip);
    return reply.header('cache-control', 'no-store').send(record);
  });
}
