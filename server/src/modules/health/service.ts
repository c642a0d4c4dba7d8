// The health book's rules: the owner only, signed in with the national eID in this session,
// after a recorded consent; every read audited (outcome included); the record passes through
// to the reply and is never stored or cached.
import { HEALTH_CONSENT_VERSION } from '@cds/contracts';
import type { HealthRecord, HealthStatus } from '@cds/contracts/health';
import type { Principal } from '../../platform/auth.ts';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/module.ts';
import type { IdentityApi } from '../identity/index.ts';
import { FhirError, type FhirHealthRecords } from './fhir.ts';
import * as repo from './repo.ts';

export class HealthService {
  constructor(
    private readonly platform: Platform,
    private readonly identity: Pick<IdentityApi, 'eidPersonalId'>,
    private readonly records: FhirHealthRecords | null,
    private readonly sourceName: string,
  ) {}

  async status(principal: Principal): Promise<HealthStatus> {
    const [personalId, consent] = await Promise.all([this.identity.eidPersonalId(principal), repo.activeConsent(this.platform.db.kysely, principal.userId)]);
    const current = consent?.version === HEALTH_CONSENT_VERSION ? consent : undefined;
    return { eid: personalId !== null, consented: !!current, consentVersion: HEALTH_CONSENT_VERSION, consentedAt: current?.granted_at.toISOString() ?? null };
  }

  /** Records consent to the text of this version; the same version again changes nothing. */
  async consent(principal: Principal, version: string, ip: string | undefined): Promise<HealthStatus> {
    if (version !== HEALTH_CONSENT_VERSION) throw invalidField('version', 'health.consent_version');
    await this.platform.db.kysely.transaction().execute(async (trx) => {
      const active = await repo.activeConsent(trx, principal.userId);
      if (active?.version === version) return;
      if (active) await repo.withdraw(trx, principal.userId);
      await repo.grant(trx, principal.userId, version);
      await this.platform.audit.record({ actorUserId: principal.userId, action: 'health.consent_granted', subjectType: 'user', subjectId: principal.userId, ip, details: { version } }, trx);
    });
    return this.status(principal);
  }

  async withdraw(principal: Principal, ip: string | undefined): Promise<void> {
    await this.platform.db.kysely.transaction().execute(async (trx) => {
      if ((await repo.withdraw(trx, principal.userId)) > 0) {
        await this.platform.audit.record({ actorUserId: principal.userId, action: 'health.consent_withdrawn', subjectType: 'user', subjectId: principal.userId, ip }, trx);
      }
    });
  }

  /** The person's consents for their data export (the record itself is never held here). */
  async exportFor(userId: string): Promise<{ consents: { version: string; grantedAt: string; withdrawnAt: string | null }[] }> {
    const rows = await repo.consentsOf(this.platform.db.kysely, userId);
    return { consents: rows.map((r) => ({ version: r.version, grantedAt: r.granted_at.toISOString(), withdrawnAt: r.withdrawn_at?.toISOString() ?? null })) };
  }

  /** The person's record summary, read now from the health system. */
  async record(principal: Principal, ip: string | undefined): Promise<HealthRecord> {
    if (!this.records) throw new AppError(503, 'health.off');
    const personalId = await this.identity.eidPersonalId(principal);
    if (!personalId) throw forbidden('health.eid_required');
    const consent = await repo.activeConsent(this.platform.db.kysely, principal.userId);
    if (consent?.version !== HEALTH_CONSENT_VERSION) throw forbidden('health.consent_required');
    const audit = (outcome: string, counts: Record<string, number> = {}) => this.platform.audit.record({
      actorUserId: principal.userId, action: 'health.record_read', subjectType: 'user', subjectId: principal.userId, ip,
      details: { outcome, resources: ['Patient', 'Immunization', 'Encounter'], ...counts },
    });
    let summary;
    try {
      summary = await this.records.summary(personalId);
    } catch (err) {
      if (!(err instanceof FhirError)) throw err;
      this.platform.log.warn({ err }, 'health: the FHIR server failed');
      await audit('upstream_error');
      throw new AppError(502, 'health.upstream');
    }
    if (!summary) {
      await audit('not_found');
      throw notFound('health.patient_not_found');
    }
    await audit('read', { immunizations: summary.vaccinations.length, encounters: summary.visits.length });
    return { ...summary, source: this.sourceName };
  }
}
