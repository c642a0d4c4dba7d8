// For tests of modules that need a national eID session: runs the sign-in through the
// embedded demo provider in-process (start → provider → pick a person → callback) and
// returns the session token.
import type { FastifyInstance } from 'fastify';

/** Signs in with the demo eID as `person` (e.g. 'demo-vneid-cuc'); returns the cds_session token. */
export async function signInWithEid(app: Pick<FastifyInstance, 'inject'>, person: string): Promise<string> {
  const jar = new Map<string, string>();
  const go = async (method: 'GET' | 'POST', url: string, form?: string) => {
    const target = new URL(url, 'http://localhost');
    const res = await app.inject({
      method, url: `${target.pathname}${target.search}`, cookies: Object.fromEntries(jar), payload: form,
      headers: form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    });
    for (const c of res.cookies) {
      if (c.value === '' || c.maxAge === 0) jar.delete(c.name);
      else jar.set(c.name, c.value);
    }
    if (res.statusCode >= 400) throw new Error(`eID sign-in: ${method} ${url} answered ${res.statusCode} ${res.body}`);
    return String(res.headers.location ?? '');
  };
  const authorize = await go('GET', await go('GET', '/api/auth/eid/start?returnTo=%2F'));
  const chosen = await go('POST', authorize, `person=${encodeURIComponent(person)}`);
  await go('GET', await go('GET', chosen));
  const token = jar.get('cds_session');
  if (!token) throw new Error('eID sign-in: no session cookie');
  return token;
}
