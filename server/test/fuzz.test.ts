// A fuzzer driven by the OpenAPI document: every operation gets a bounded, seeded number of
// hostile requests (wrong types, missing and extra fields, control characters, huge and
// negative numbers, long strings, malformed JSON, wrong content types), as anonymous, a
// citizen, an officer and an administrator. Nothing may answer 500, and the server must
// still answer its health check. The seed is printed on failure; FUZZ_SEED replays a run.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './helpers.ts';
import { signIn, type TestSession } from './identity.ts';
import { seededRandom } from '../src/platform/random.ts';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
};
type Parameter = { in: 'path' | 'query' | 'header'; name: string; schema?: Schema; required?: boolean };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 10);
// signing out would end the fuzzer's own sessions; the SMS outbox and docs are not the API's
const SKIPPED = [/^\/api\/auth\/logout$/, /^\/api\/docs/, /^\/oidc/];


const HOSTILE_STRINGS = ['', '\u0000', 'a\u0000b', '\u0007\u001b[31m', ' ', '../../etc/passwd', '%00', "' OR 1=1 --", '<script>alert(1)</script>',
  '𝕏😀\u202e', 'null', '-1', '1e308', '9'.repeat(30), 'NaN', '{"a":1}', '\\', '\ud800'];
const HOSTILE_NUMBERS = [-1, 0, 1e308, -1e308, 100000000000000000000, 2 ** 31, 2 ** 63, 0.5, -0.0];

/** Characters one generated body may hold: nested lists of long strings would otherwise grow past what JSON can hold. */
const BODY_BUDGET = 4 * 1024 * 1024;

class Fuzzer {
  private budget = BODY_BUDGET;

  constructor(private readonly random: () => number) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  /** A value that fits the schema's type, mostly, with hostile content. */
  valueFor(schema: Schema | undefined, depth = 0): unknown {
    if (!schema || depth > 4) return this.hostile();
    if (this.chance(0.15)) return this.hostile();
    const options = schema.anyOf ?? schema.oneOf;
    if (options) return this.valueFor(this.pick(options), depth + 1);
    if (schema.enum) return this.chance(0.7) ? this.pick(schema.enum) : this.hostile();
    if (schema.const !== undefined) return schema.const;
    const type = Array.isArray(schema.type) ? this.pick(schema.type) : schema.type;
    switch (type) {
      case 'object': return this.objectFor(schema, depth);
      case 'array': return Array.from({ length: this.pick([0, 1, 3, 200]) }, () => this.valueFor(schema.items, depth + 1)).filter((_, i) => i < 3 || this.spend(16));
      case 'integer': case 'number': return this.pick([...HOSTILE_NUMBERS, schema.minimum ?? 0, schema.maximum ?? 1, (schema.maximum ?? 0) + 1]);
      case 'boolean': return this.pick([true, false, 'true', 0]);
      case 'null': return null;
      default: return this.stringFor(schema);
    }
  }

  private stringFor(schema: Schema): string {
    if (this.chance(0.05) && this.spend(1024 * 1024)) return 'x'.repeat(1024 * 1024);
    if (schema.format === 'uuid' && this.chance(0.5)) return this.pick(['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', crypto.randomUUID()]);
    if (schema.format === 'date' && this.chance(0.5)) return this.pick(['2026-02-30', '0000-01-01', '9999-12-31', '2026-13-01']);
    if (schema.maxLength !== undefined && this.chance(0.3) && this.spend(schema.maxLength + 1)) return 'á'.repeat(schema.maxLength + 1);
    return this.pick(HOSTILE_STRINGS);
  }

  private objectFor(schema: Schema, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(schema.properties ?? {})) {
      const required = schema.required?.includes(key);
      if (required ? this.chance(0.9) : this.chance(0.5)) out[key] = this.valueFor(prop, depth + 1);
    }
    if (this.chance(0.2)) out[this.pick(['extra', '__proto__x', 'constructor', '\u0000key'])] = this.hostile();
    return out;
  }

  /** Takes `chars` from the body's budget; false (and nothing taken) when it would run out. */
  private spend(chars: number): boolean {
    if (chars > this.budget) return false;
    this.budget -= chars;
    return true;
  }

  hostile(): unknown {
    return this.pick<unknown>([...HOSTILE_STRINGS, ...HOSTILE_NUMBERS, null, true, [], {}, [[[]]], { a: { b: { c: null } } }]);
  }

  /** The raw body of a request: JSON of a generated value, or something that is not JSON at all. */
  body(schema: Schema | undefined): { payload: string; contentType: string } {
    const roll = this.random();
    this.budget = BODY_BUDGET;
    if (roll < 0.1) return { payload: this.pick(['{', '{"a":', '[1,2', 'null', '"\\u0000"', '{"a":1}{"b":2}', '\u0000']), contentType: 'application/json' };
    if (roll < 0.15) return { payload: 'a=1&b=2', contentType: this.pick(['application/x-www-form-urlencoded', 'text/plain', 'application/xml']) };
    if (roll < 0.18) return { payload: `${'['.repeat(100)}${']'.repeat(100)}`, contentType: 'application/json' };
    return { payload: JSON.stringify(this.valueFor(schema)) ?? 'null', contentType: 'application/json' };
  }

  scalar(schema: Schema | undefined): string {
    this.budget = BODY_BUDGET;
    const v = this.valueFor(schema);
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

/** Percent-encodes a path segment; a lone surrogate becomes bytes that are not UTF-8 at all, which is a case too. */
function encodePathSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

describe('fuzzing every operation of the OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApi;
  const sessions: (TestSession | null)[] = [null];
  before(async () => {
    t = await createTestApp();
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
    for (const phone of ['0900000001', '0900000101', '0900000901']) sessions.push(await signIn(t.app, phone));
  });
  after(() => t.teardown());

  it(`answers no hostile request with a 5xx (seed ${SEED}, ${RUNS_PER_OPERATION} runs per operation)`, async () => {
    const fuzz = new Fuzzer(seededRandom(SEED));
    const failures: string[] = [];
    let sent = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (SKIPPED.some((re) => re.test(path))) continue;
      for (const [method, op] of Object.entries(methods)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const params = op.parameters ?? [];
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        for (let run = 0; run < RUNS_PER_OPERATION; run++) {
          const url = path.replace(/\{([^}]+)\}/g, (_, name: string) =>
            encodePathSegment(fuzz.scalar(params.find((p) => p.in === 'path' && p.name === name)?.schema)));
          const query = new URLSearchParams();
          for (const p of params.filter((x) => x.in === 'query')) if (p.required || fuzz.chance(0.6)) query.set(p.name, fuzz.scalar(p.schema));
          if (fuzz.chance(0.1)) query.set('unexpected', fuzz.scalar(undefined));
          const session = fuzz.pick(sessions);
          const headers: Record<string, string> = session ? { ...session.headers } : {};
          let payload: string | undefined;
          if (method !== 'get' && method !== 'delete' && (bodySchema || fuzz.chance(0.3))) {
            const body = fuzz.body(bodySchema);
            payload = body.payload;
            headers['content-type'] = body.contentType;
          }
          if (params.some((p) => p.in === 'header' && p.name === 'idempotency-key') && fuzz.chance(0.5)) headers['idempotency-key'] = fuzz.scalar(undefined).replace(/[^\x20-\x7e]/g, '') || 'k';
          const target = query.size ? `${url}?${query}` : url;
          const res = await t.app.inject({ method: method.toUpperCase() as 'GET', url: target, headers, payload });
          sent++;
          if (res.statusCode >= 500) failures.push(`${method.toUpperCase()} ${target.slice(0, 200)} ${payload?.slice(0, 200) ?? ''} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    assert.ok(sent > 200, `only ${sent} requests were sent: is the OpenAPI document complete?`);
    assert.deepEqual(failures, [], `seed ${SEED}: ${failures.length} of ${sent} requests answered 5xx`);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(health.statusCode, 200);
  });
});
