// Checks a reply of the tests' fake server against the real server's OpenAPI document:
// the route must exist, and a JSON success body must match the schema the server declares,
// with no field the server would never send (its serialiser drops unknown fields, so a
// fixture carrying one tests a page against data it can never get).
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { inject } from 'vitest';

type Schema = Record<string, unknown>;
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  operation: Operation;
}

const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
const validators = new WeakMap<Schema, ValidateFunction>();
let routes: Route[] | null = null;

function loadRoutes(): Route[] {
  const doc = JSON.parse(inject('openapi')) as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(doc.paths).flatMap(([template, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      params: (template.match(/\{/g) ?? []).length,
      operation,
    })),
  );
}

function routeOf(method: string, pathname: string): Route | undefined {
  routes ??= loadRoutes();
  // a literal segment wins over a parameter, as in the server's router (/api/reports/map vs /api/reports/{id})
  return routes.filter((r) => r.method === method && r.pattern.test(pathname)).sort((a, b) => a.params - b.params)[0];
}

function validatorOf(schema: Schema): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

function matches(schema: Schema, value: unknown): boolean {
  return validatorOf(schema)(value) === true;
}

/** Fields of `value` that `schema` does not declare, as JSON paths. */
function unknownFields(schema: Schema, value: unknown, at: string): string[] {
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (branches) {
    const branch = branches.find((b) => matches(b, value));
    return branch ? unknownFields(branch, value, at) : [];
  }
  if (Array.isArray(value) && schema.items) return value.flatMap((item, i) => unknownFields(schema.items as Schema, item, `${at}/${i}`));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const properties = schema.properties as Record<string, Schema> | undefined;
  const patterns = Object.entries((schema.patternProperties ?? {}) as Record<string, Schema>);
  const extra = schema.additionalProperties;
  return Object.entries(value).flatMap(([key, v]) => {
    const declared = properties?.[key] ?? patterns.find(([pattern]) => new RegExp(pattern).test(key))?.[1];
    if (declared) return unknownFields(declared, v, `${at}/${key}`);
    if (extra && typeof extra === 'object') return unknownFields(extra as Schema, v, `${at}/${key}`);
    return extra === true || (!properties && !patterns.length && extra === undefined) ? [] : [`${at}/${key}`];
  });
}

/** What is wrong with this reply of the fake server, measured against the real server's API. */
export function contractProblems(method: string, pathname: string, status: number, body: unknown): string[] {
  const route = routeOf(method, pathname);
  if (!route) return [`${method} ${pathname}: the server has no such route`];
  if (status < 200 || status >= 300 || body === undefined || body === null) return [];
  const schema = route.operation.responses?.[String(status)]?.content?.['application/json']?.schema;
  if (!schema) return [];
  const where = `${method} ${route.template} ${status}`;
  const validate = validatorOf(schema);
  if (!validate(body)) return (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  return unknownFields(schema, body, '').map((field) => `${where}: ${field} is a field the server never sends`);
}
