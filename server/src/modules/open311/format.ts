// Open311 replies in JSON or XML (the spec requires XML; JSON is the common extension).
// The format comes from the URL suffix, `.json` or `.xml`.
import { XMLBuilder } from 'fast-xml-parser';
import { w3cVietnam } from '@cds/contracts';

export type Format = 'json' | 'xml';

export type Scalar = string | number | boolean | null;
export type Row = { [key: string]: Scalar | Scalar[] | Row | Row[] };

const builder = new XMLBuilder({ ignoreAttributes: true, format: false, suppressEmptyNode: false, processEntities: true });

/** XML cannot say null; the spec's consumers expect empty elements. */
function forXml(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.map(forXml);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, forXml(v)]));
  return value;
}

/**
 * `root` and `item` name the XML wrapper and the element of each row, e.g.
 * service_requests / request. In JSON the rows are a plain array.
 */
export function render(format: Format, rows: Row[], root: string, item: string): { type: string; body: string } {
  if (format === 'json') return { type: 'application/json; charset=utf-8', body: JSON.stringify(rows) };
  const xml = builder.build({ [root]: { [item]: forXml(rows) } }) as string;
  return { type: 'text/xml; charset=utf-8', body: `<?xml version="1.0" encoding="utf-8"?>${xml}` };
}

/** A single object document (discovery, service definition). */
export function renderOne(format: Format, doc: Row, root: string): { type: string; body: string } {
  if (format === 'json') return { type: 'application/json; charset=utf-8', body: JSON.stringify(doc) };
  const xml = builder.build({ [root]: forXml(doc) }) as string;
  return { type: 'text/xml; charset=utf-8', body: `<?xml version="1.0" encoding="utf-8"?>${xml}` };
}

/** Splits `name.json` / `name.xml`; null when the suffix is missing or unknown. */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const m = /^(.+)\.(json|xml)$/i.exec(file);
  return m ? { name: m[1]!, format: m[2]!.toLowerCase() as Format } : null;
}

/** W3C datetime with the Vietnam offset (+07:00), no milliseconds. */
export function w3c(date: Date | string | null): string | null {
  if (date === null) return null;
  return w3cVietnam(new Date(date));
}
