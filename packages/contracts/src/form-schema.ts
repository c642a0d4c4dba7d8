// Application forms (tờ khai) are described in a small subset of JSON Schema draft
// 2020-12, so that the web can render them and the server can check what was sent:
//
//   { "type": "object", "title"?, "description"?, "properties": { <name>: Field }, "required"?: [<name>] }
//   Field = { "type": "string" | "integer" | "number" | "boolean", "title": string,
//             "description"?, "enum"? (strings; type string only), "format"? ("date" = YYYY-MM-DD | "email"),
//             "minLength"?, "maxLength"?, "pattern"? (string fields), "minimum"?, "maximum"? (numbers),
//             "x-personal-id"? (true on a personal ID number: the server encrypts it at rest and
//             shows it masked; the web app never keeps it in a local draft) }
//
// Forms are flat (no nested objects or arrays); property names are ASCII identifiers.
// Anything outside the subset is refused when an admin saves a procedure.
//
// Both sides run these rules: the server when a dossier is saved or submitted, the web
// app before it sends one, so a citizen sees the same verdict without the round trip.
// No TypeBox at runtime here (the types come from the procedures contract).
import type { Static } from 'typebox';
import type { FormField as FormFieldSchema, FormSchema as FormSchemaSchema } from './procedures.ts';

export type FormField = Static<typeof FormFieldSchema>;
export type FieldType = FormField['type'];
export type FieldFormat = NonNullable<FormField['format']>;
export type FormSchema = Static<typeof FormSchemaSchema>;

/** A problem with a field; `message` is a message key, `params` fill it in. */
export type FormProblem = { field: string; message: string; params?: Record<string, string | number> };

const FIELD_KEYS = new Set(['type', 'title', 'description', 'enum', 'format', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'x-personal-id']);
const ROOT_KEYS = new Set(['type', 'title', 'description', 'properties', 'required', '$schema']);
const TYPES = new Set<string>(['string', 'integer', 'number', 'boolean']);
const FORMATS = new Set<string>(['date', 'email']);
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MAX_FIELDS = 100;
/** Applied when a string field sets no maxLength, so no answer is unbounded. */
export const DEFAULT_MAX_LENGTH = 4000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Checks that a value is a form schema in the supported subset; fields are named from the schema root. */
export function checkFormSchema(schema: unknown, at = 'formSchema'): FormProblem[] {
  if (!isRecord(schema)) return [{ field: at, message: 'procedures.schema.not_object' }];
  const problems: FormProblem[] = [];
  for (const key of Object.keys(schema)) if (!ROOT_KEYS.has(key)) problems.push({ field: `${at}.${key}`, message: 'procedures.schema.unsupported' });
  if (schema.type !== 'object') problems.push({ field: `${at}.type`, message: 'procedures.schema.root_type' });
  if (schema.title !== undefined && typeof schema.title !== 'string') problems.push({ field: `${at}.title`, message: 'procedures.schema.text' });
  if (!isRecord(schema.properties)) return [...problems, { field: `${at}.properties`, message: 'procedures.schema.no_fields' }];
  const names = Object.keys(schema.properties);
  if (names.length === 0 || names.length > MAX_FIELDS) problems.push({ field: `${at}.properties`, message: 'procedures.schema.no_fields' });
  for (const name of names) problems.push(...checkField(name, schema.properties[name], `${at}.properties.${name}`));
  if (schema.required !== undefined) {
    if (!Array.isArray(schema.required)) problems.push({ field: `${at}.required`, message: 'procedures.schema.required_list' });
    else schema.required.forEach((r, i) => {
      if (typeof r !== 'string' || !names.includes(r)) problems.push({ field: `${at}.required.${i}`, message: 'procedures.schema.required_unknown' });
    });
  }
  return problems;
}

function checkField(name: string, field: unknown, at: string): FormProblem[] {
  if (!NAME.test(name)) return [{ field: at, message: 'procedures.schema.field_name' }];
  if (!isRecord(field)) return [{ field: at, message: 'procedures.schema.not_object' }];
  const problems: FormProblem[] = [];
  for (const key of Object.keys(field)) if (!FIELD_KEYS.has(key)) problems.push({ field: `${at}.${key}`, message: 'procedures.schema.unsupported' });
  if (typeof field.type !== 'string' || !TYPES.has(field.type)) problems.push({ field: `${at}.type`, message: 'procedures.schema.field_type' });
  if (typeof field.title !== 'string' || !field.title.trim()) problems.push({ field: `${at}.title`, message: 'procedures.schema.title' });
  if (field.description !== undefined && typeof field.description !== 'string') problems.push({ field: `${at}.description`, message: 'procedures.schema.text' });
  const isString = field.type === 'string';
  const isNumber = field.type === 'integer' || field.type === 'number';
  if (field.enum !== undefined && (!isString || !Array.isArray(field.enum) || field.enum.length === 0 || field.enum.some((v) => typeof v !== 'string'))) {
    problems.push({ field: `${at}.enum`, message: 'procedures.schema.enum' });
  }
  if (field.format !== undefined && (!isString || typeof field.format !== 'string' || !FORMATS.has(field.format))) problems.push({ field: `${at}.format`, message: 'procedures.schema.format' });
  for (const k of ['minLength', 'maxLength'] as const) {
    if (field[k] !== undefined && (!isString || !isCount(field[k]))) problems.push({ field: `${at}.${k}`, message: 'procedures.schema.length' });
  }
  if (isCount(field.minLength) && isCount(field.maxLength) && field.minLength > field.maxLength) problems.push({ field: `${at}.minLength`, message: 'procedures.schema.range' });
  for (const k of ['minimum', 'maximum'] as const) {
    if (field[k] !== undefined && (!isNumber || typeof field[k] !== 'number' || !Number.isFinite(field[k]))) problems.push({ field: `${at}.${k}`, message: 'procedures.schema.bound' });
  }
  if (typeof field.minimum === 'number' && typeof field.maximum === 'number' && field.minimum > field.maximum) problems.push({ field: `${at}.minimum`, message: 'procedures.schema.range' });
  if (field.pattern !== undefined) problems.push(...checkPattern(field.pattern, isString, `${at}.pattern`));
  if (field['x-personal-id'] !== undefined && (!isString || typeof field['x-personal-id'] !== 'boolean')) problems.push({ field: `${at}.x-personal-id`, message: 'procedures.schema.personal_id' });
  return problems;
}

function checkPattern(pattern: unknown, isString: boolean, at: string): FormProblem[] {
  if (!isString || typeof pattern !== 'string' || pattern.length > 200) return [{ field: at, message: 'procedures.schema.pattern' }];
  try {
    new RegExp(pattern, 'u');
    return [];
  } catch {
    return [{ field: at, message: 'procedures.schema.pattern' }];
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Checks a submitted form against its schema. Blank optional answers are allowed; unknown
 * fields are refused so nothing unexpected is stored. Messages are keys of the platform's
 * `validation.*` catalogue.
 */
export function validateFormData(schema: FormSchema, data: unknown): FormProblem[] {
  if (!isRecord(data)) return [{ field: 'form', message: 'validation.type', params: { type: 'object' } }];
  const problems: FormProblem[] = [];
  const required = new Set(schema.required ?? []);
  for (const key of Object.keys(data)) {
    if (!(key in schema.properties)) problems.push({ field: key, message: 'validation.additionalProperties' });
  }
  for (const [name, field] of Object.entries(schema.properties)) {
    const value = data[name];
    if (isBlank(value)) {
      if (required.has(name)) problems.push({ field: name, message: 'validation.required' });
      continue;
    }
    const problem = checkValue(field, value);
    if (problem) problems.push({ field: name, ...problem });
  }
  return problems;
}

function checkValue(field: FormField, value: unknown): Omit<FormProblem, 'field'> | null {
  switch (field.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : { message: 'validation.type', params: { type: 'boolean' } };
    case 'integer':
    case 'number':
      return checkNumber(field, value);
    default:
      return typeof value === 'string' ? checkString(field, value) : { message: 'validation.type', params: { type: 'string' } };
  }
}

function checkNumber(field: FormField, value: unknown): Omit<FormProblem, 'field'> | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || (field.type === 'integer' && !Number.isInteger(value))) {
    return { message: 'validation.type', params: { type: field.type } };
  }
  if (field.minimum !== undefined && value < field.minimum) return { message: 'validation.minimum', params: { limit: field.minimum } };
  if (field.maximum !== undefined && value > field.maximum) return { message: 'validation.maximum', params: { limit: field.maximum } };
  return null;
}

function checkString(field: FormField, raw: string): Omit<FormProblem, 'field'> | null {
  const value = raw.trim();
  const length = [...value].length;
  if (field.minLength !== undefined && length < field.minLength) return { message: 'validation.minLength', params: { limit: field.minLength } };
  const max = field.maxLength ?? DEFAULT_MAX_LENGTH;
  if (length > max) return { message: 'validation.maxLength', params: { limit: max } };
  if (field.enum && !field.enum.includes(value)) return { message: 'validation.enum' };
  if (field.format === 'date' && !isIsoDate(value)) return { message: 'validation.format', params: { format: 'YYYY-MM-DD' } };
  if (field.format === 'email' && !EMAIL.test(value)) return { message: 'validation.format', params: { format: 'email' } };
  if (field.pattern && !new RegExp(field.pattern, 'u').test(value)) return { message: 'validation.pattern' };
  return null;
}

/** The fields of a form that hold personal ID numbers (marked `x-personal-id`). */
export function personalIdFields(schema: FormSchema): string[] {
  return Object.entries(schema.properties).filter(([, f]) => f['x-personal-id'] === true).map(([name]) => name);
}
