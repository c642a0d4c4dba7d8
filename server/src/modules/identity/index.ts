// Identity: accounts (phone + password with SMS codes, or the national eID), sessions,
// the citizen's profile, consents and data rights, and staff views of citizens.
import type Provider from 'oidc-provider';
import { DataCipher, loadDataKey } from '../../platform/crypto.ts';
import type { App, ModuleDefinition, Platform } from '../../platform/module.ts';
import { RateLimiter } from '../../platform/rate-limit.ts';
import { createSmsChannel, OutboxSmsChannel } from '../../platform/sms.ts';
import { areasModule, type DemoMembership } from '../areas/index.ts';
import { AuthService } from './auth.ts';
import { ConsentService } from './consents.ts';
import { createDemoProvider, DEMO_EID_MOUNT, mountDemoProvider } from './eid/demo-provider.ts';
import { EidRelyingParty } from './eid/relying-party.ts';
import { eidRoutes, inProcessFetch } from './eid/routes.ts';
import { EidService } from './eid/service.ts';
import { messages } from './messages.ts';
import { normalizePhone } from '@cds/contracts';
import { DELETION_JOB, PrivacyService, USER_ANONYMISED, type Exporter, type PersonalDataDescriber, type PersonalDataPlan } from './privacy.ts';
import { ProfileService } from './profile.ts';
import { OtpService } from './otp.ts';
import { IdentityRepo } from './repo.ts';
import { identityRoutes } from './routes.ts';
import { seedDemoUsers, type DemoUserInput } from './seed.ts';
import { SessionService } from './sessions.ts';
import { identitySettings } from './settings.ts';
import { identityAbilities } from './policy.ts';
import { StaffService } from './staff.ts';
import type { AreasPort } from './types.ts';

export type { Exporter, PersonalDataDescriber, PersonalDataPlan };
export { USER_ANONYMISED };

/** A demo account and the staff roles it holds (none for a demo citizen). */
export interface DemoAccount extends DemoUserInput {
  memberships?: readonly Omit<DemoMembership, 'phone'>[];
}
/** The module's settings (sessions, one-time codes, eID), read with `identitySettings.of(config)`. */
export { identitySettings };

export interface IdentityApi {
  /** The account with this phone number (any accepted form), or null. */
  findUserIdByPhone(phone: string): Promise<string | null>;
  /** Name and contact for other modules' screens; null when unknown or deleted. */
  getUserSummary(userId: string): Promise<{ id: string; fullName: string; phone: string | null; communeCode: string | null } | null>;
  /** Demo seeding: runs after the demo accounts exist (in registration order; at once if they already do). */
  afterDemoUsersSeeded(fn: () => Promise<void>): void;
  /**
   * Demo mode only: creates these demo accounts when missing (password Demo@2026) and
   * grants their staff roles; idempotent. A module seeds its own demo staff with this
   * from its `seed`, instead of editing the identity module's list.
   */
  seedDemoAccounts(accounts: readonly DemoAccount[]): Promise<void>;
  /** Adds a module's part to GET /api/me/export, under `name`. */
  registerExporter(name: string, exporter: Exporter): void;
  /**
   * Says what deleting an account does to a module's data, for the receipt the citizen gets.
   * The module erases on USER_ANONYMISED; what the law makes it keep it unlinks and lists here.
   */
  registerPersonalData(name: string, describer: PersonalDataDescriber): void;
  /** Active accounts per commune within a scope (province, commune, or null = all). */
  citizensByCommune(scope: string | null): Promise<{ communeCode: string; count: number }[]>;
  /** New accounts per Vietnam calendar day for the last `days` days, oldest first, zero days included. */
  signupsPerDay(scope: string | null, days: number): Promise<{ date: string; count: number }[]>;
  /** Active accounts living in these communes: id, phone, home commune (alerts to an area). */
  residentsOf(communeCodes: readonly string[]): Promise<{ userId: string; phone: string | null; communeCode: string | null }[]>;
  /** Phones of active accounts (null when the account has none or is not active). */
  phonesOf(userIds: readonly string[]): Promise<Map<string, string>>;
  /**
   * The personal ID number (CCCD) of a person whose current session was started with the
   * national eID, else null: records such as health data need that level of assurance.
   */
  eidPersonalId(principal: { userId: string; sessionId: string }): Promise<string | null>;
  /** The anonymisation job's handler (also run by a daily sweep); returns how many accounts it anonymised. */
  runDeletionJob(data: { requestId?: string }): Promise<number>;
}

interface EidSetup {
  service: EidService | null;
  provider: (() => Promise<Provider>) | null;
}

/** Which eID provider to trust: EID_ISSUER, or in demo mode the embedded one at /oidc. */
function setUpEid(platform: Platform, repo: IdentityRepo, cipher: DataCipher, sessions: SessionService, appRef: { app?: App }): EidSetup {
  const config = platform.config;
  const { eid } = identitySettings.of(config);
  const embeddedIssuer = `${config.publicUrl}${DEMO_EID_MOUNT}`;
  const issuer = eid.issuer ?? (config.demoMode ? embeddedIssuer : undefined);
  if (!issuer) return { service: null, provider: null };
  const embedded = config.demoMode && issuer === embeddedIssuer;
  const clientSecret = eid.clientSecret ?? (embedded ? EidService.demoClientSecret(undefined) : undefined);
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(new URL(issuer).hostname);
  const rp = new EidRelyingParty({
    issuer,
    clientId: eid.clientId,
    clientSecret,
    redirectUri: eid.redirectUri,
    scope: eid.scope,
    allowHttp: config.demoMode || local,
    // an explicitly configured issuer is always reached over the network, like a real one
    fetch: embedded && !eid.issuer ? inProcessFetch(() => appRef.app) : undefined,
  });
  const provider = embedded
    ? () => createDemoProvider({ issuer, clientId: eid.clientId, clientSecret: clientSecret ?? '', redirectUri: eid.redirectUri })
    : null;
  return { service: new EidService(platform, repo, cipher, sessions, rp), provider };
}

export const identityModule: ModuleDefinition<IdentityApi> = {
  name: 'identity',
  migrations: new URL('./migrations/', import.meta.url),
  settings: identitySettings,
  abilities: identityAbilities,
  async create(platform) {
    // the areas module is referenced only here, after both modules are loaded
    const areas = platform.use(areasModule);
    const port: AreasPort = areas;
    const repo = new IdentityRepo(platform.db);
    const cipher = new DataCipher(loadDataKey(platform.config));
    const sms = createSmsChannel(platform.config, platform.db);
    const settings = identitySettings.of(platform.config);
    const sessions = new SessionService(repo, settings, port);
    // what a session resolves to changed (sign-out elsewhere, a membership, an account's status)
    const stopListening = await sessions.watch(platform.db);
    areas.onMembershipsChanged((userId) => sessions.cache.forgetUser(userId));
    const otp = new OtpService(repo, cipher, settings.otp);
    const auth = new AuthService(platform, repo, otp, sessions, new RateLimiter(platform.db), sms);
    const profile = new ProfileService(platform, repo, cipher, port);
    const consents = new ConsentService(platform, repo);
    const privacy = new PrivacyService(platform, repo, profile, consents, port, sessions);
    const staff = new StaffService(platform, repo, profile, port);
    const appRef: { app?: App } = {};
    const eid = setUpEid(platform, repo, cipher, sessions, appRef);
    const afterSeed: (() => Promise<void>)[] = [];
    let seeded = false;

    const findUserIdByPhone = async (phone: string) => {
      const normal = normalizePhone(phone);
      return normal ? ((await repo.findUserByPhone(normal))?.id ?? null) : null;
    };
    /** Account ids of these phones (as written), in one query. */
    const findUserIds = async (phones: readonly string[]) => {
      const normal = new Map(phones.flatMap((p) => {
        const n = normalizePhone(p);
        return n ? [[p, n] as const] : [];
      }));
      const ids = await repo.userIdsByPhones([...new Set(normal.values())]);
      return new Map([...normal].flatMap(([p, n]) => (ids.has(n) ? [[p, ids.get(n)!] as const] : [])));
    };

    const api: IdentityApi = {
      findUserIdByPhone,
      getUserSummary: async (userId) => {
        const u = await repo.findUser(userId);
        return u && u.status !== 'anonymised' ? { id: u.id, fullName: u.full_name, phone: u.phone, communeCode: u.commune_code } : null;
      },
      afterDemoUsersSeeded: (fn) => {
        if (seeded) void fn().catch((err: unknown) => platform.log.error({ err }, 'demo seeding step failed'));
        else afterSeed.push(fn);
      },
      seedDemoAccounts: async (accounts) => {
        if (!platform.config.demoMode) throw new Error('demo accounts are seeded only in demo mode');
        await seedDemoUsers(platform, repo, cipher, accounts);
        const memberships = accounts.flatMap((a) => (a.memberships ?? []).map((m) => ({ ...m, phone: a.phone })));
        await areas.grantDemoMemberships(memberships, findUserIds);
      },
      registerExporter: (name, exporter) => privacy.registerExporter(name, exporter),
      registerPersonalData: (name, describer) => privacy.registerPersonalData(name, describer),
      citizensByCommune: (scope) => staff.citizensByCommune(scope),
      signupsPerDay: (scope, days) => staff.signupsPerDay(scope, days),
      runDeletionJob: (data) => privacy.runDeletionJob(data),
      eidPersonalId: async ({ userId, sessionId }) => {
        if ((await repo.sessionMethod(sessionId, userId)) !== 'eid') return null;
        const user = await repo.findUser(userId);
        return user && user.status === 'active' ? profile.personalIdOf(user) : null;
      },
      residentsOf: async (codes) => (await repo.activeResidentsOf(codes)).map((r) => ({ userId: r.id, phone: r.phone, communeCode: r.commune_code })),
      phonesOf: async (ids) => new Map((await repo.activePhones(ids)).flatMap((r) => (r.phone ? [[r.id, r.phone] as const] : []))),
    };

    return {
      api,
      messages,
      sessionResolver: sessions.resolve,
      jobs: [
        { name: DELETION_JOB, cron: '17 3 * * *', handler: async (data: { requestId?: string }) => void (await privacy.runDeletionJob(data)) },
        { name: 'identity-cleanup', cron: '37 3 * * *', handler: () => repo.sweep(new Date()) },
      ],
      features: eid.service ? [{ key: 'eid', face: 'citizen' }] : [],
      routes: async (app) => {
        appRef.app = app;
        await identityRoutes(app, platform, { auth, profile, consents, privacy, staff, outbox: sms instanceof OutboxSmsChannel ? sms : null });
        await eidRoutes(app, platform, eid.service);
        if (eid.provider) await mountDemoProvider(app, eid.provider, platform.config.publicUrl);
      },
      seed: async ({ demo }) => {
        if (!demo) return;
        await seedDemoUsers(platform, repo, cipher);
        await areas.seedDemoMemberships(findUserIds);
        seeded = true;
        for (const fn of afterSeed.splice(0)) await fn();
      },
      stop: async () => {
        await sessions.flushSeen();
        await stopListening();
      },
    };
  },
};
