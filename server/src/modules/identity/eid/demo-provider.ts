// Demo mode's stand-in for the national eID: an OpenID provider (oidc-provider) mounted
// at /oidc in the same server, issuing the claims VNeID issues for a few made-up people.
// Its only page lets a tester pick one of them; consent is given automatically.
import { generateKeyPairSync } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Adapter, AdapterPayload, Configuration, Grant, OidcContext } from 'oidc-provider';
import type Provider from 'oidc-provider';
import { Type } from 'typebox';
import { policy } from '../../../platform/auth.ts';
import { randomToken } from '../../../platform/crypto.ts';
import { localeFrom } from '../../../platform/i18n.ts';
import { lazily } from '../../../platform/lazy.ts';
import type { App } from '../../../platform/module.ts';
import { EID_CLAIMS } from './claims.ts';
import { errorPage, loginPage } from './pages.ts';

export const DEMO_EID_MOUNT = '/oidc';

export interface DemoPerson {
  sub: string;
  SoDinhDanh: string;
  HoVaTen: string;
  NgayThangNamSinh: string;
  LoaiTaiKhoan: string;
}

/** Made-up people; Nguyễn Văn An has the personal ID of the demo account 0900000001. */
export const DEMO_EID_PEOPLE: readonly DemoPerson[] = [
  { sub: 'demo-vneid-an', SoDinhDanh: '020085001234', HoVaTen: 'Nguyễn Văn An', NgayThangNamSinh: '12/03/1985', LoaiTaiKhoan: '2' },
  { sub: 'demo-vneid-cuc', SoDinhDanh: '020192004567', HoVaTen: 'Trần Thị Cúc', NgayThangNamSinh: '21/07/1992', LoaiTaiKhoan: '2' },
  { sub: 'demo-vneid-dung', SoDinhDanh: '020201007890', HoVaTen: 'Lý Văn Dũng', NgayThangNamSinh: '02/11/2001', LoaiTaiKhoan: '1' },
];

type Entry = { payload: AdapterPayload; expiresAt: number };

/** In-memory storage for one demo process (the demo provider keeps nothing worth persisting). */
function memoryAdapter(): new (name: string) => Adapter {
  const store = new Map<string, Entry>();
  const live = (key: string): AdapterPayload | undefined => {
    const e = store.get(key);
    if (e && e.expiresAt <= Date.now()) store.delete(key);
    return e && e.expiresAt > Date.now() ? e.payload : undefined;
  };
  return class DemoAdapter implements Adapter {
    constructor(private readonly model: string) {}
    private key(id: string) {
      return `${this.model}:${id}`;
    }
    private findBy(field: 'uid' | 'userCode', value: string): AdapterPayload | undefined {
      for (const [key, e] of store) if (key.startsWith(`${this.model}:`) && e.payload[field] === value) return live(key);
      return undefined;
    }
    async upsert(id: string, payload: AdapterPayload, expiresIn: number) {
      for (const [key, e] of store) if (e.expiresAt <= Date.now()) store.delete(key);
      store.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Number.MAX_SAFE_INTEGER });
    }
    async find(id: string) {
      return live(this.key(id));
    }
    async findByUid(uid: string) {
      return this.findBy('uid', uid);
    }
    async findByUserCode(userCode: string) {
      return this.findBy('userCode', userCode);
    }
    async consume(id: string) {
      const e = store.get(this.key(id));
      if (e) e.payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [key, e] of store) if (e.payload.grantId === grantId) store.delete(key);
    }
  };
}

/** First-party client: consent is implied, so a grant for the eID claims is made on first use. */
async function autoGrant(ctx: OidcContext): Promise<Grant | undefined> {
  const { client, session, result, provider } = ctx.oidc;
  if (!client || !session?.accountId) return undefined;
  const existing = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const found = existing ? await provider.Grant.find(existing) : undefined;
  if (found) return found;
  const grant = new provider.Grant({ accountId: session.accountId, clientId: client.clientId });
  grant.addOIDCScope('openid');
  grant.addOIDCClaims(['sub', ...EID_CLAIMS]);
  await grant.save();
  return grant;
}

export interface DemoProviderOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export async function createDemoProvider(opts: DemoProviderOptions): Promise<Provider> {
  const { default: OidcProvider } = await import('oidc-provider');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const configuration: Configuration = {
    adapter: memoryAdapter(),
    clients: [{
      client_id: opts.clientId,
      client_secret: opts.clientSecret,
      redirect_uris: [opts.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    claims: { openid: ['sub', ...EID_CLAIMS] },
    cookies: { keys: [randomToken(32)] },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: randomToken(8), alg: 'RS256', use: 'sig' }] },
    features: { devInteractions: { enabled: false } },
    findAccount: async (_ctx, sub) => {
      const person = DEMO_EID_PEOPLE.find((p) => p.sub === sub);
      return person ? { accountId: sub, claims: () => ({ ...person }) } : undefined;
    },
    interactions: { url: (_ctx, interaction) => `${DEMO_EID_MOUNT}/interaction/${interaction.uid}` },
    loadExistingGrant: autoGrant,
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage('vi', out.error_description ?? out.error ?? 'error');
    },
    responseTypes: ['code'],
    scopes: ['openid'],
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 900, Session: 3600, Grant: 3600 },
  };
  const provider = new OidcProvider(opts.issuer, configuration);
  // URLs it builds follow X-Forwarded-Host/Proto, which the mount below sets from PUBLIC_URL
  provider.proxy = true;
  return provider;
}

/**
 * Serves the provider under /oidc, plus its login page at /oidc/interaction/:uid. The
 * provider is made by the first request that needs it: oidc-provider and a fresh RSA key cost
 * a start more than half a second, for a sign-in few demo runs use.
 */
export async function mountDemoProvider(app: App, makeProvider: () => Promise<Provider>, publicUrl: string): Promise<void> {
  const base = new URL(publicUrl);
  const provider = lazily(makeProvider);
  const handle = lazily(async () => (await provider()).callback());
  await app.register(async (scope) => {
    // the provider reads request bodies itself
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    scope.route({
      method: ['GET', 'POST', 'OPTIONS'],
      url: `${DEMO_EID_MOUNT}/*`,
      config: { policy: policy.public },
      schema: { hide: true },
      handler: async (request, reply) => {
        const raw = request.raw as IncomingMessage & { originalUrl?: string };
        const original = raw.url ?? '/';
        raw.originalUrl = original;
        raw.url = original.slice(DEMO_EID_MOUNT.length) || '/';
        raw.headers['x-forwarded-host'] = base.host;
        raw.headers['x-forwarded-proto'] = base.protocol.replace(':', '');
        const callback = await handle();
        reply.hijack();
        try {
          await callback(raw, reply.raw);
        } finally {
          raw.url = original;
        }
      },
    });
  });
  await app.register(async (scope) => interactionRoutes(scope, provider));
}

const Uid = Type.Object({ uid: Type.String({ maxLength: 100 }) });

async function interactionRoutes(app: App, provider: () => Promise<Provider>): Promise<void> {
  const details = async (raw: IncomingMessage, res: Parameters<Provider['interactionDetails']>[1], uid: string) => {
    const d = await (await provider()).interactionDetails(raw, res).catch(() => undefined);
    return d?.uid === uid ? d : undefined;
  };
  const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

  app.get(`${DEMO_EID_MOUNT}/interaction/:uid`, { config: { policy: policy.public }, schema: { hide: true, params: Uid } }, async (request, reply) => {
    const locale = localeFrom(request.headers['accept-language']);
    const d = await details(request.raw, reply.raw, request.params.uid);
    if (!d) return reply.status(400).headers(html).send(errorPage(locale, null));
    return reply.headers(html).send(loginPage(locale, d.uid, DEMO_EID_PEOPLE, null));
  });

  app.post(`${DEMO_EID_MOUNT}/interaction/:uid`, {
    config: { policy: policy.public },
    schema: { hide: true, params: Uid, body: Type.Object({ person: Type.Optional(Type.String({ maxLength: 100 })) }) },
  }, async (request, reply) => {
    const locale = localeFrom(request.headers['accept-language']);
    const d = await details(request.raw, reply.raw, request.params.uid);
    if (!d) return reply.status(400).headers(html).send(errorPage(locale, null));
    const person = DEMO_EID_PEOPLE.find((p) => p.sub === request.body.person);
    if (!person) return reply.status(400).headers(html).send(loginPage(locale, d.uid, DEMO_EID_PEOPLE, 'identity.eid_demo.choose'));
    const to = await (await provider()).interactionResult(request.raw, reply.raw, { login: { accountId: person.sub } }, { mergeWithLastSubmission: false });
    return reply.redirect(to, 303);
  });

  app.post(`${DEMO_EID_MOUNT}/interaction/:uid/abort`, { config: { policy: policy.public }, schema: { hide: true, params: Uid } }, async (request, reply) => {
    const d = await details(request.raw, reply.raw, request.params.uid);
    if (!d) return reply.status(400).headers(html).send(errorPage(localeFrom(request.headers['accept-language']), null));
    const to = await (await provider()).interactionResult(request.raw, reply.raw, { error: 'access_denied', error_description: 'The person cancelled the sign-in' }, { mergeWithLastSubmission: false });
    return reply.redirect(to, 303);
  });
}
