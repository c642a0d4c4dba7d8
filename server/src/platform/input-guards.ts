// One guard for every string a request carries (path, query, JSON body, keys included),
// run before schema validation: PostgreSQL refuses U+0000 in text and jsonb, so a NUL that
// reached SQL became a 500. Other C0 control characters have no place in a form field
// either; tab, line feed and carriage return stay (multi-line notes).
import type { FastifyInstance } from 'fastify';
import { AppError, type FieldProblem } from './errors.ts';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const MAX_PROBLEMS = 10;

/** The paths (dot-separated, as validation errors name fields) of strings or keys with a control character. */
export function controlCharacterFields(value: unknown, path = '', found: string[] = []): string[] {
  if (found.length >= MAX_PROBLEMS) return found;
  if (typeof value === 'string') {
    if (CONTROL.test(value)) found.push(path || 'body');
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => controlCharacterFields(item, path ? `${path}.${i}` : String(i), found));
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (CONTROL.test(key)) found.push(at.replace(CONTROLS, '?'));
      else controlCharacterFields(item, at, found);
    }
  }
  return found;
}

// parsed JSON, query strings and params (fast-querystring's objects have a prototype of
// their own without Object's); never Buffers, dates or streams
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof Date) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

export function installInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const fields = [
      ...controlCharacterFields(request.params),
      ...controlCharacterFields(request.query),
      ...controlCharacterFields(request.body),
    ];
    if (fields.length) {
      throw new AppError(400, 'validation', {}, [...new Set(fields)].map((field): FieldProblem => ({ field, message: 'validation.controlCharacter' })));
    }
  });
}
