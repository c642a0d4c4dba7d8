// Consent (sự đồng ý) to a stated purpose, as the personal data protection law asks:
// explicit, recorded with the version of the text shown, withdrawable, history kept.
import { CONSENT_PURPOSES, CONSENT_VERSION, type ConsentPurpose } from '@cds/contracts';
import type { Consent as ConsentView } from '@cds/contracts/identity';
import { translate, type Locale } from '../../platform/i18n.ts';
import type { Platform } from '../../platform/module.ts';
import type { ConsentRow, IdentityRepo } from './repo.ts';
import type { RequestMeta } from './types.ts';

export type { ConsentPurpose, ConsentView };

export function consentView(row: ConsentRow): ConsentView {
  return { purpose: row.purpose, version: row.version, grantedAt: row.granted_at.toISOString(), withdrawnAt: row.withdrawn_at?.toISOString() ?? null };
}

export function describePurposes(locale: Locale) {
  return CONSENT_PURPOSES.map((purpose) => ({
    purpose,
    version: CONSENT_VERSION,
    title: translate(locale, `identity.consent.${purpose}.title`),
    description: translate(locale, `identity.consent.${purpose}.description`),
  }));
}

export class ConsentService {
  constructor(private readonly platform: Platform, private readonly repo: IdentityRepo) {}

  /** Every grant and withdrawal, newest first; the current consent is the row without withdrawnAt. */
  async list(userId: string): Promise<ConsentView[]> {
    return (await this.repo.listConsents(userId)).map(consentView);
  }

  /** Granting the same version again changes nothing; a new version closes the old grant. */
  async grant(userId: string, purpose: ConsentPurpose, version: string, meta: RequestMeta): Promise<ConsentView> {
    return this.platform.db.kysely.transaction().execute(async (trx) => {
      await this.repo.lockUser(userId, trx);
      const active = await this.repo.activeConsent(userId, purpose, trx);
      if (active?.version === version) return consentView(active);
      if (active) await this.repo.withdrawConsents(userId, trx, purpose);
      const row = await this.repo.insertConsent({ user_id: userId, purpose, version }, trx);
      await this.platform.audit.record({ actorUserId: userId, action: 'consent.granted', subjectType: 'user', subjectId: userId, ip: meta.ip ?? undefined, details: { purpose, version } }, trx);
      return consentView(row);
    });
  }

  async withdraw(userId: string, purpose: ConsentPurpose, meta: RequestMeta): Promise<void> {
    await this.platform.db.kysely.transaction().execute(async (trx) => {
      const n = await this.repo.withdrawConsents(userId, trx, purpose);
      if (n > 0) {
        await this.platform.audit.record({ actorUserId: userId, action: 'consent.withdrawn', subjectType: 'user', subjectId: userId, ip: meta.ip ?? undefined, details: { purpose } }, trx);
        await this.platform.events.publish(trx, 'identity.consent_withdrawn', userId, { userId, purpose });
      }
    });
  }
}
