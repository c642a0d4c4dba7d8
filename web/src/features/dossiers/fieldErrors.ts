// What is wrong with one answer of a dossier form, in words that say how to fix it. The
// check itself is the server's (validateFormData); this only chooses the message: a phone,
// a CCCD, an e-mail address or a date each get their own, instead of one "not right" for all.
import { validateFormData, type FormField, type FormSchema } from '@cds/contracts';

export interface FieldMessage {
  key: string;
  params?: Record<string, string | number>;
}

const PHONE_PATTERN = '^0[0-9]{9}$';
/** Số định danh cá nhân (CCCD): 12 digits. */
const PERSONAL_ID_PATTERN = '^[0-9]{12}$';

const digitsIn = (value: unknown) => String(value ?? '').replace(/\D/g, '').length;

export function fieldMessage(field: FormField, value: unknown, problem: { message: string; params?: Record<string, string | number> }): FieldMessage {
  if (problem.message === 'validation.required') return { key: 'dossiers.apply.required' };
  if (field.pattern === PHONE_PATTERN) return { key: 'dossiers.apply.errors.phone', params: { count: digitsIn(value) } };
  if (field.pattern === PERSONAL_ID_PATTERN) return { key: 'dossiers.apply.errors.personalId', params: { count: digitsIn(value) } };
  if (field.format === 'email') return { key: 'dossiers.apply.errors.email' };
  if (field.format === 'date') return { key: 'dossiers.apply.errors.date' };
  if (problem.message === 'validation.maxLength') return { key: 'dossiers.apply.errors.tooLong', params: { limit: problem.params?.limit ?? '' } };
  if (problem.message === 'validation.minLength') return { key: 'dossiers.apply.errors.tooShort', params: { limit: problem.params?.limit ?? '' } };
  if (problem.message === 'validation.minimum') return { key: 'dossiers.apply.errors.minimum', params: { limit: problem.params?.limit ?? '' } };
  if (problem.message === 'validation.maximum') return { key: 'dossiers.apply.errors.maximum', params: { limit: problem.params?.limit ?? '' } };
  if (problem.message === 'validation.enum') return { key: 'dossiers.apply.errors.choose' };
  if (field.type === 'integer' || field.type === 'number') return { key: 'dossiers.apply.errors.number' };
  if (field.pattern && /^\^\[0-9\]/.test(field.pattern)) return { key: 'dossiers.apply.errors.digits' };
  return { key: 'dossiers.apply.format' };
}

/** The message for every field of the form that has a problem, keyed by field name. */
export function formMessages(schema: FormSchema, data: Record<string, unknown>): Record<string, FieldMessage> {
  const out: Record<string, FieldMessage> = {};
  for (const p of validateFormData(schema, data)) {
    const field = schema.properties[p.field];
    if (field && !out[p.field]) out[p.field] = fieldMessage(field, data[p.field], p);
  }
  return out;
}
