// Rules of public cameras: the list citizens see, one camera, and cameras added by staff.
import type * as S from '@cds/contracts/cameras';
import type { CameraKind } from '@cds/contracts/cameras.rules';
import type { Principal } from '../../platform/auth.ts';
import { conflict, invalidField, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/module.ts';
import { bindPolicy, type Policy } from '../../platform/policy.ts';
import type { AreasApi } from '../areas/index.ts';
import { cameraRules, type CameraSubject } from './policy.ts';
import * as repo from './repo.ts';

const present = (r: repo.CameraRow): S.Camera => ({
  id: r.id, code: r.code, name: r.name, kind: r.kind, lat: Number(r.lat), lon: Number(r.lon), communeCode: r.commune_code,
  streamUrl: r.stream_url, snapshotUrl: r.snapshot_url,
});

export class CameraService {
  private readonly policy: Policy<CameraSubject, 'manage'>;

  constructor(private readonly platform: Platform, private readonly deps: { areas: AreasApi }) {
    this.policy = bindPolicy(cameraRules, { isWithin: (code, scope) => deps.areas.isWithin(code, scope) }, 'cameras.forbidden');
  }

  private get db() {
    return this.platform.db.kysely;
  }

  async list(kind?: CameraKind): Promise<S.CameraList> {
    return { items: (await repo.listActive(this.db, kind)).map(present) };
  }

  async camera(id: string): Promise<S.Camera> {
    const row = await repo.byId(this.db, id);
    if (!row) throw notFound('cameras.not_found');
    return present(row);
  }

  async create(p: Principal, input: S.CameraInput): Promise<S.Camera> {
    if (!this.deps.areas.getCommune(input.communeCode)) throw invalidField('communeCode', 'cameras.unknown_commune');
    this.policy.authorize(p, 'manage', { areaCode: input.communeCode });
    return this.db.transaction().execute(async (trx) => {
      const row = await repo.insert(trx, {
        code: input.code, name: input.name, kind: input.kind, lat: input.lat, lon: input.lon, commune_code: input.communeCode,
        stream_url: input.streamUrl, snapshot_url: input.snapshotUrl ?? null,
      });
      if (!row) throw conflict('cameras.code_taken');
      await this.platform.audit.record({ actorUserId: p.userId, action: 'cameras.created', subjectType: 'camera', subjectId: row.id, details: { code: row.code } }, trx);
      return present(row);
    });
  }
}
