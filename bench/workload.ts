// The mixed citizen workload: what the citizen app asks the API for during a busy hour,
// with weights. Signed-in citizens are many distinct people, each with their own session
// token, who come in visits: a visit is VISIT_REQUESTS requests of one person in a row on a
// connection, then a random other citizen's visit begins. So per-person caches see what a
// busy hour gives them (the first request of a visit misses, the rest of it can hit) rather
// than one hot token, or a different person on every request (bench/suites/session.ts
// measures that worst case on its own).
import type autocannon from 'autocannon';
import { SEARCH_CASES } from '../server/src/modules/procedures/search-cases.ts';
import { citizenToken, reportCode } from './volume.ts';
import { seededRandom } from '../server/src/platform/random.ts';

export type Kind = 'home' | 'me' | 'inbox' | 'search' | 'publicList' | 'reportDetail' | 'categories' | 'myReports' | 'myDossiers' | 'tile';

interface Endpoint {
  kind: Kind;
  label: string;
  /** Share of requests, in percent. */
  weight: number;
  /** 'always': the route needs a session; 'mostly': the app sends the session cookie if the person is signed in. */
  session: 'always' | 'mostly';
}

/**
 * The mix. Opening the app costs /api/features (home) and /api/me; the bell polls the
 * inbox; then people look up procedures, browse and open reports, check their own reports
 * and dossiers, and look at the map (vector tiles).
 */
export const MIX: readonly Endpoint[] = [
  { kind: 'home', label: 'home (GET /api/features)', weight: 14, session: 'mostly' },
  { kind: 'me', label: 'me (GET /api/me)', weight: 14, session: 'always' },
  { kind: 'inbox', label: 'inbox (GET /api/me/notifications?limit=50)', weight: 10, session: 'always' },
  { kind: 'search', label: 'search (GET /api/procedures?q=…)', weight: 10, session: 'mostly' },
  { kind: 'publicList', label: 'public list (GET /api/reports?limit=50, filters)', weight: 10, session: 'mostly' },
  { kind: 'reportDetail', label: 'report detail (GET /api/reports/:code)', weight: 10, session: 'mostly' },
  { kind: 'categories', label: 'categories (GET /api/reports/categories)', weight: 6, session: 'mostly' },
  { kind: 'myReports', label: 'my reports (GET /api/reports/mine?limit=50)', weight: 8, session: 'always' },
  { kind: 'myDossiers', label: 'my dossiers (GET /api/dossiers/mine?limit=50)', weight: 8, session: 'always' },
  { kind: 'tile', label: 'a map tile (GET /api/tiles/z/x/y.mvt)', weight: 10, session: 'mostly' },
];

/** API requests of one visit (bench/results/capacity.md: opening the app, then searches, lists, details, a few tiles). */
export const VISIT_REQUESTS = 15;

/** Share of requests to public routes that carry a session (the rest are visitors who never signed in). */
const SIGNED_IN_SHARE = 0.7;

export { seededRandom as random };

const CITY = { lat: 21.85, lon: 106.76 };
const BBOX = { south: 21.3, north: 22.5, west: 106.1, east: 107.4 };
// communes that hold many generated reports (Lạng Sơn city and around)
const COMMUNES = ['05983', '05977', '05986', '06040', '06001', '06004'];
const CATEGORIES = ['moi-truong', 'giao-thong', 'ha-tang.den-duong', 'trat-tu-do-thi.lan-chiem', 'ha-tang'];

function tileOf(lat: number, lon: number, z: number): [number, number] {
  const x = Math.floor(((lon + 180) / 360) * 2 ** z);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
  return [x, y];
}

export interface Population {
  citizens: number;
  reports: number;
}

/** One request of `kind` as a path, drawn with `rnd`. */
export function pathFor(kind: Kind, pop: Population, rnd: () => number): string {
  switch (kind) {
    case 'home':
      return '/api/features';
    case 'me':
      return '/api/me';
    case 'inbox':
      return '/api/me/notifications?limit=50';
    case 'search':
      return `/api/procedures?q=${encodeURIComponent(SEARCH_CASES[Math.floor(rnd() * SEARCH_CASES.length)]![0])}&limit=20`;
    case 'publicList': {
      // what the public page loads first (limit=50), then filters and the next page
      const r = rnd();
      if (r < 0.6) return '/api/reports?limit=50';
      if (r < 0.75) return `/api/reports?limit=50&commune=${COMMUNES[Math.floor(rnd() * COMMUNES.length)]}`;
      if (r < 0.9) return `/api/reports?limit=50&category=${CATEGORIES[Math.floor(rnd() * CATEGORIES.length)]}&status=new,accepted,in_progress`;
      return '/api/reports?limit=50&offset=50';
    }
    case 'reportDetail':
      // recent reports are opened far more often than old ones
      return `/api/reports/${reportCode(1 + Math.floor(pop.reports * rnd() ** 3))}`;
    case 'categories':
      return '/api/reports/categories';
    case 'myReports':
      return '/api/reports/mine?limit=50';
    case 'myDossiers':
      return '/api/dossiers/mine?limit=50';
    case 'tile': {
      // half look around the city, half anywhere in the province; zoom 10–14
      const z = 10 + Math.floor(rnd() * 5);
      const near = rnd() < 0.5;
      const lat = near ? CITY.lat + (rnd() - 0.5) * 0.1 : BBOX.south + rnd() * (BBOX.north - BBOX.south);
      const lon = near ? CITY.lon + (rnd() - 0.5) * 0.1 : BBOX.west + rnd() * (BBOX.east - BBOX.west);
      const [x, y] = tileOf(lat, lon, z);
      return `/api/tiles/${z}/${x}/${y}.mvt`;
    }
  }
}

export function endpoint(kind: Kind): Endpoint {
  return MIX.find((e) => e.kind === kind)!;
}

/**
 * autocannon requests drawing from the mix (or only `only`): each request picks an endpoint
 * by weight, a path, and the visit's citizen's token (or none, for a visitor). autocannon
 * gives each connection a context that lives until the connection has sent every request of
 * the list, so a list of VISIT_REQUESTS steps is one visit per context.
 */
export function mixedRequests(pop: Population, opts: { only?: Kind; seed?: number } = {}): autocannon.Request[] {
  const rnd = seededRandom(opts.seed ?? 20_261_122);
  const mix = opts.only ? [endpoint(opts.only)] : MIX;
  const total = mix.reduce((s, e) => s + e.weight, 0);
  const draw = (): Endpoint => {
    let r = rnd() * total;
    for (const e of mix) if ((r -= e.weight) < 0) return e;
    return mix[mix.length - 1]!;
  };
  const step: autocannon.Request = {
    method: 'GET',
    setupRequest: (req, context) => {
      const visit = context as { citizen?: number };
      visit.citizen ??= 1 + Math.floor(rnd() * pop.citizens);
      const e = draw();
      const signedIn = e.session === 'always' || rnd() < SIGNED_IN_SHARE;
      // what a browser sends: the platform may compress (and pay for it) as it would for people
      const headers: Record<string, string> = { 'accept-language': 'vi', 'accept-encoding': 'gzip, deflate, br' };
      if (signedIn) headers.authorization = `Bearer ${citizenToken(visit.citizen)}`;
      return { ...req, path: pathFor(e.kind, pop, rnd), headers };
    },
  };
  return Array.from({ length: VISIT_REQUESTS }, () => step);
}

/** Sends each kind once as a signed-in citizen and fails unless every answer is 2xx. */
export async function preflight(url: string, pop: Population): Promise<void> {
  const rnd = seededRandom(1);
  for (const e of MIX) {
    const p = pathFor(e.kind, pop, rnd);
    const res = await fetch(`${url}${p}`, { headers: { authorization: `Bearer ${citizenToken(1)}` } });
    if (!res.ok) throw new Error(`preflight ${p}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    await res.arrayBuffer();
  }
}
