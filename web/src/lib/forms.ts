// Field errors for a form: those found before sending and those the server names.
import { useCallback, useState } from 'react';
import { ApiError, fieldErrorMap } from './api.ts';

export type FieldErrors = Record<string, string>;

export interface FormErrors {
  fields: FieldErrors;
  /** A message about the whole form (the server's summary, or a field this form has no input for). */
  form: string | null;
}

/** Splits a server error into inline messages for known fields and one message for the rest. */
export function errorsFromServer(err: unknown, knownFields: readonly string[]): FormErrors {
  const map = fieldErrorMap(err);
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const [field, message] of Object.entries(map)) {
    if (knownFields.includes(field)) fields[field] = message;
    else other.push(message);
  }
  const summary = err instanceof Error ? err.message : null;
  const form = Object.keys(fields).length > 0 && other.length === 0 ? summary : [summary, ...other].filter(Boolean).join(' ');
  return { fields, form: form || null };
}

export function useFormErrors(knownFields: readonly string[], idPrefix: string) {
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });

  /** Shows client-side problems and moves focus to the first one. Returns true when there are none. */
  const check = useCallback(
    (found: FieldErrors) => {
      setErrors({ fields: found, form: null });
      const first = knownFields.find((f) => found[f]);
      if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
      return !first;
    },
    [knownFields, idPrefix],
  );

  const fromServer = useCallback(
    (err: unknown) => {
      const next = errorsFromServer(err, knownFields);
      setErrors(next);
      const first = knownFields.find((f) => next.fields[f]);
      if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
    },
    [knownFields, idPrefix],
  );

  const clear = useCallback(() => setErrors({ fields: {}, form: null }), []);
  return { errors, check, fromServer, clear, id: (field: string) => `${idPrefix}-${field}` };
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}
