// The citizen's rights over their data: a copy of everything we hold (export), and
// deletion: after a grace period the account is anonymised unless the person cancels.
import type { DataExport, DeletionRequested as DeletionView } from '@cds/contracts/identity';
import { notFound } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n.ts';
import type { Platform } from '../../platform/module.ts';
import type { ConsentService } from './consents.ts';
import type { ProfileService } from './profile.ts';
import type { DeletionRow, IdentityRepo } from './repo.ts';
import type { SessionService } from './sessions.ts';
import type { AreasPort, RequestMeta } from './types.ts';

export const DELETION_GRACE_DAYS = 30;
export const DELETION_JOB = 'identity-anonymise';

export type Exporter = (userId: string) => Promise<unknown>;

/** A message key of the describing module, with its parameters. */
export type MessageRef = { key: string; params?: Record<string, string | number> };

/**
 * What a module will do with a person's data when their account is deleted: what it erases,
 * and which records the law makes it keep (unlinked from the account), each with its basis.
 * The module does the erasing itself, on the `identity.user_anonymised` event.
 */
export interface PersonalDataPlan {
  erased: MessageRef[];
  kept: { reference: string; kept: MessageRef; basis: MessageRef }[];
}
export type PersonalDataDescriber = (userId: string) => Promise<PersonalDataPlan>;

/** The event every module holding personal data handles: payload `{ userId }`. */
export const USER_ANONYMISED = 'identity.user_anonymised';

export type { DataExport, DeletionView };

const IDENTITY_ERASED: MessageRef[] = [
  { key: 'identity.erased.profile' }, { key: 'identity.erased.sign_in' }, { key: 'identity.erased.consents' },
];

export class PrivacyService {
  private readonly exporters = new Map<string, Exporter>();
  private readonly describers = new Map<string, PersonalDataDescriber>();

  constructor(
    private readonly platform: Platform,
    private readonly repo: IdentityRepo,
    private readonly profile: ProfileService,
    private readonly consents: ConsentService,
    private readonly areas: AreasPort,
    private readonly sessions: Pick<SessionService, 'cache'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Other modules add their part of a person's data export under their own name. */
  registerExporter(name: string, exporter: Exporter): void {
    if (this.exporters.has(name)) throw new Error(`an exporter named ${name} is already registered`);
    this.exporters.set(name, exporter);
  }

  /** Other modules say what deletion does to their part of a person's data (the receipt). */
  registerPersonalData(name: string, describer: PersonalDataDescriber): void {
    if (this.describers.has(name)) throw new Error(`a personal-data describer named ${name} is already registered`);
    this.describers.set(name, describer);
  }

  /** The receipt of a pending request: what will be erased, and what the law keeps and why. */
  private async receipt(r: DeletionRow, locale: Locale): Promise<DeletionView> {
    const say = (m: MessageRef) => translate(locale, m.key, m.params);
    const erased = IDENTITY_ERASED.map(say);
    // the audit log stays: who did what and from where is the platform's security record
    const kept: DeletionView['kept'] = [{ module: 'identity', reference: say({ key: 'identity.kept.audit_ref' }), kept: say({ key: 'identity.kept.audit' }), basis: say({ key: 'identity.kept.audit_basis' }) }];
    for (const [module, describe] of this.describers) {
      const plan = await describe(r.user_id);
      erased.push(...plan.erased.map(say));
      kept.push(...plan.kept.map((k) => ({ module, reference: k.reference, kept: say(k.kept), basis: say(k.basis) })));
    }
    return { requestedAt: r.requested_at.toISOString(), dueAt: r.due_at.toISOString(), erased, kept };
  }

  /** The pending request's receipt; 404 when there is none. */
  async pendingDeletion(userId: string, locale: Locale): Promise<DeletionView> {
    const open = await this.repo.openDeletion(userId);
    if (!open) throw notFound('identity.no_deletion_request');
    return this.receipt(open, locale);
  }

  async export(userId: string, meta: RequestMeta): Promise<DataExport> {
    const user = await this.profile.activeUser(userId);
    const [view, consents, sessions, memberships, deletions, about, by] = await Promise.all([
      this.profile.toView(user),
      this.consents.list(userId),
      this.repo.listSessions(userId),
      this.areas.membershipsOf(userId),
      this.repo.listDeletions(userId),
      this.platform.audit.list({ subjectType: 'user', subjectId: userId, limit: 500 }),
      this.platform.audit.list({ actorUserId: userId, limit: 500 }),
    ]);
    const { personalIdMasked: _masked, ...profile } = view;
    await this.platform.audit.record({ actorUserId: userId, action: 'user.exported', subjectType: 'user', subjectId: userId, ip: meta.ip ?? undefined });
    return {
      exportedAt: this.now().toISOString(),
      profile: { ...profile, personalId: this.profile.personalIdOf(user), eidLevel: user.eid_level },
      consents,
      sessions: sessions.map((s) => ({
        createdAt: s.created_at.toISOString(), lastSeenAt: s.last_seen_at.toISOString(), expiresAt: s.expires_at.toISOString(),
        method: s.method, ip: s.ip, userAgent: s.user_agent,
      })),
      memberships,
      deletionRequests: deletions.map((d) => ({ requestedAt: d.requested_at.toISOString(), dueAt: d.due_at.toISOString(), cancelledAt: d.cancelled_at?.toISOString() ?? null, completedAt: d.completed_at?.toISOString() ?? null })),
      auditAboutMe: about.map((a) => ({ at: a.at.toISOString(), action: a.action, actorUserId: a.actor_user_id, ip: a.ip, details: a.details })),
      auditByMe: by.map((a) => ({ at: a.at.toISOString(), action: a.action, subjectType: a.subject_type, subjectId: a.subject_id, ip: a.ip, details: a.details })),
      modules: await this.runExporters(userId),
    };
  }

  private async runExporters(userId: string): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [name, exporter] of this.exporters) {
      try {
        out[name] = await exporter(userId);
      } catch (err) {
        // one broken module must not withhold the rest of the person's data; say what is missing
        this.platform.log.error({ err, exporter: name }, 'data export part failed');
        out[name] = { error: 'export_failed' };
      }
    }
    return out;
  }

  async requestDeletion(userId: string, meta: RequestMeta, locale: Locale): Promise<DeletionView> {
    await this.profile.activeUser(userId);
    const row = await this.platform.db.kysely.transaction().execute(async (trx) => {
      await this.repo.lockUser(userId, trx);
      const open = await this.repo.openDeletion(userId, trx);
      if (open) return open;
      const requestedAt = this.now();
      const created = await this.repo.insertDeletion({ user_id: userId, requested_at: requestedAt, due_at: new Date(requestedAt.getTime() + DELETION_GRACE_DAYS * 86400 * 1000) }, trx);
      await this.platform.audit.record({ actorUserId: userId, action: 'user.deletion_requested', subjectType: 'user', subjectId: userId, ip: meta.ip ?? undefined, details: { dueAt: created.due_at.toISOString() } }, trx);
      return created;
    });
    try {
      // outside the transaction: pg-boss has its own connection use; the daily sweep catches a lost job
      await this.platform.jobs.send(DELETION_JOB, { requestId: row.id }, { startAfter: row.due_at, singletonKey: row.id, retentionDays: DELETION_GRACE_DAYS + 30 });
    } catch (err) {
      this.platform.log.error({ err }, 'scheduling account anonymisation failed; the daily sweep will do it');
    }
    return this.receipt(row, locale);
  }

  async cancelDeletion(userId: string, meta: RequestMeta): Promise<void> {
    await this.platform.db.kysely.transaction().execute(async (trx) => {
      const open = await this.repo.openDeletion(userId, trx);
      if (!open) throw notFound('identity.no_deletion_request');
      await this.repo.closeDeletion(open.id, 'cancelled_at', this.now(), trx);
      await this.platform.audit.record({ actorUserId: userId, action: 'user.deletion_cancelled', subjectType: 'user', subjectId: userId, ip: meta.ip ?? undefined }, trx);
    });
  }

  /** The job handler: anonymises one due request, or every due request when none is named. Returns how many. */
  async runDeletionJob(data: { requestId?: string }): Promise<number> {
    const now = this.now();
    const due = data.requestId ? [await this.repo.findDeletion(data.requestId)] : await this.repo.dueDeletions(now);
    let done = 0;
    for (const request of due) {
      if (!request || request.cancelled_at || request.completed_at || request.due_at > now) continue;
      if (await this.anonymise(request.id, now)) done++;
    }
    return done;
  }

  /** Wipes name, ID, contact and address; the account can no longer sign in. Audit rows stay. */
  private async anonymise(requestId: string, now: Date): Promise<boolean> {
    const userId = await this.platform.db.kysely.transaction().execute(async (trx) => {
      const request = await this.repo.findDeletion(requestId, trx, true);
      if (!request || request.cancelled_at || request.completed_at) return null;
      const userId = request.user_id;
      await this.repo.updateUser(userId, {
        phone: null, password_hash: null, full_name: '', date_of_birth: null, sex: null, personal_id_enc: null, personal_id_hash: null,
        commune_code: null, address: null, eid_sub: null, eid_level: null, eid_linked_at: null, search_text: '',
        status: 'anonymised', anonymised_at: now,
      }, trx);
      await this.repo.deleteUserSessions(userId, trx);
      await this.repo.withdrawConsents(userId, trx);
      await this.repo.closeDeletion(request.id, 'completed_at', now, trx);
      await this.platform.audit.record({ actorUserId: null, action: 'user.anonymised', subjectType: 'user', subjectId: userId, details: { requestId } }, trx);
      await this.platform.events.publish(trx, USER_ANONYMISED, userId, { userId });
      return userId;
    });
    if (!userId) return false;
    // the database trigger tells every process, a moment after the commit; this one forgets the
    // ended sessions at once, so its next request cannot pass as the anonymised person
    this.sessions.cache.forgetUser(userId);
    return true;
  }
}
