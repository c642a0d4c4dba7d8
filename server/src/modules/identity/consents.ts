// Consent (sự đồng ý) to a stated purpose, as the personal data protection law asks:
// explicit, recorded with the version of the text shown, withdrawable, history kept.
import { translate, type Locale } from '../../platform/i18n.ts';
import type { Platform } from '../../platform/module.ts';
import type { ConsentRow, IdentityRepo } from './repo.ts';
import type { RequestMeta } from './types.ts';

/** The purposes a citizen can consent to, with the version of the text currently shown. */
export const CONSENT_PURPOSES = {
  terms: { version: '1.0' },
  personal_data_processing: { version: '1.0' },
  notifications: { version: '1.0' },
  location: { version: '1.0' },
} as const;

export type ConsentPurpose = keyof typeof CONSENT_PURPOSES;
export const CONSENT_PURPOSE_KEYS = Object.keys(CONSENT_PURPOSES) as ConsentPurpose[];

export interface ConsentView {
  purpose: string;
  version: string;
  grantedAt: string;
  withdrawnAt: string | null;
}

export function consentView(row: ConsentRow): ConsentView {
  return { purpose: row.purpose, version: row.version, grantedAt: row.granted_at.toISOString(), withdrawnAt: row.withdrawn_at?.toISOString() ?? null };
}

export function describePurposes(locale: Locale) {
  return CONSENT_PURPOSE_KEYS.map((purpose) => ({
    purpose,
    version: CONSENT_PURPOSES[purpose].version,
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
