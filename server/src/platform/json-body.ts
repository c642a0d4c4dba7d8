// JSON request bodies, bounded in shape before they are parsed. Some routes accept tens of
// megabytes (base64 photos waiting in the offline outbox), which is a handful of long
// strings; millions of keys or deep nesting in that size is an attack on the parser, so a
// linear scan refuses it before JSON.parse builds a single object.
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

export const JSON_LIMITS = { maxDepth: 32, maxMembers: 20_000 } as const;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x7b, 0x5b]); // { [
const CLOSERS = new Set([0x7d, 0x5d]); // } ]
const COMMA = 0x2c;

/** The reason a JSON text is refused ('depth' | 'members'), or null when its shape is within the limits. */
export function jsonShapeProblem(text: string, limits: { maxDepth: number; maxMembers: number } = JSON_LIMITS): 'depth' | 'members' | null {
  let depth = 0;
  let members = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (OPENERS.has(c)) {
      if (++depth > limits.maxDepth) return 'depth';
    } else if (CLOSERS.has(c)) {
      depth--;
    } else if (c === COMMA && ++members > limits.maxMembers) {
      return 'members';
    }
  }
  return null;
}

/** Replaces the JSON parser with one that checks the shape first, then parses as Fastify does (prototype poisoning refused). */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    const problem = jsonShapeProblem(text);
    if (problem) {
      done(new AppError(400, 'request.json_too_complex', { maxDepth: JSON_LIMITS.maxDepth, maxMembers: JSON_LIMITS.maxMembers }), undefined);
      return;
    }
    parse(request, text, done);
  });
}
