// One fetch wrapper for the whole app: cookies ride along (the session is an HttpOnly
// cookie), the server answers in the user's language, and every failure becomes an ApiError.
import i18n from 'i18next';

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** No answer at all: no network, or the server is down. */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export function currentLanguage(): 'vi' | 'en' {
  return i18n.language === 'en' ? 'en' : 'vi';
}

/** Parses `{error:{code,message,details}}`; anything else becomes a generic error for the status. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  const retryHeader = Number(res.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : null;
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    payload = null;
  }
  const error = isRecord(payload) && isRecord(payload.error) ? payload.error : null;
  if (!error) return new ApiError(res.status, `http_${res.status}`, i18n.t('errors.generic'), [], retryAfter);
  const code = typeof error.code === 'string' ? error.code : `http_${res.status}`;
  const message = typeof error.message === 'string' && error.message ? error.message : i18n.t('errors.generic');
  const details = error.details;
  const fields = Array.isArray(details) ? details.filter(isFieldError) : [];
  const detailRetry = isRecord(details) && typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : null;
  return new ApiError(res.status, code, message, fields, retryAfter ?? detailRetry);
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage(), ...opts.headers };
  const init: RequestInit = { method: opts.method ?? 'GET', credentials: 'same-origin', headers, signal: opts.signal };
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  if (!res.ok) throw await errorFromResponse(res);
  if (res.status === 204 || res.headers.get('content-length') === '0') return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await res.json()) as T;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldError(value: unknown): value is FieldError {
  return isRecord(value) && typeof value.field === 'string' && typeof value.message === 'string';
}

/** Server field errors keyed by field name; `body.phone` and `phone` both land on `phone`. */
export function fieldErrorMap(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const map: Record<string, string> = {};
  for (const f of err.fieldErrors) {
    const key = f.field.replace(/^body\./, '');
    map[key] ??= f.message;
  }
  return map;
}
