// One error shape for every reply: { error: { code, message, details } }. Services throw
// AppError with a message key; the HTTP layer translates it for the caller's language.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localeFrom, registerMessages, translate, type Locale } from './i18n.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly details: FieldProblem[] | Record<string, unknown> | undefined = undefined,
  ) {
    super(code);
  }
}

export const badRequest = (code: string, params?: Record<string, string | number>, details?: AppError['details']) =>
  new AppError(400, code, params, details);
export const unauthorized = (code = 'auth.required') => new AppError(401, code);
export const forbidden = (code = 'auth.forbidden') => new AppError(403, code);
export const notFound = (code = 'not_found') => new AppError(404, code);
export const conflict = (code: string, params?: Record<string, string | number>) => new AppError(409, code, params);
export const tooMany = (code: string, retryAfterSeconds: number) =>
  new AppError(429, code, { seconds: retryAfterSeconds }, { retryAfterSeconds });

/** A field-level validation problem raised by service rules (not by the schema). */
export const invalidField = (field: string, code: string, params: Record<string, string | number> = {}) =>
  new AppError(400, 'validation', {}, [{ field, message: code, ...(Object.keys(params).length ? { params } : {}) }] as FieldProblem[]);

registerMessages({
  vi: {
    not_found: 'Không tìm thấy',
    route_not_found: 'Không có địa chỉ {method} {url}',
    internal: 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau.',
    validation: 'Thông tin chưa hợp lệ',
    'validation.required': 'Bắt buộc phải có',
    'validation.type': 'Sai kiểu dữ liệu (cần {type})',
    'validation.format': 'Không đúng định dạng ({format})',
    'validation.minLength': 'Quá ngắn (ít nhất {limit} ký tự)',
    'validation.maxLength': 'Quá dài (nhiều nhất {limit} ký tự)',
    'validation.pattern': 'Không đúng định dạng',
    'validation.enum': 'Giá trị không nằm trong danh sách cho phép',
    'validation.minimum': 'Phải từ {limit} trở lên',
    'validation.maximum': 'Phải từ {limit} trở xuống',
    'validation.additionalProperties': 'Trường không được hỗ trợ',
    'validation.invalid': 'Giá trị không hợp lệ',
    'request.body_too_large': 'Dữ liệu gửi lên quá lớn',
    'request.bad_json': 'Dữ liệu gửi lên không đúng định dạng JSON',
    'request.unsupported_media_type': 'Kiểu dữ liệu gửi lên không được hỗ trợ',
    'request.json_too_complex': 'Dữ liệu gửi lên quá phức tạp (lồng nhau quá {maxDepth} tầng hoặc quá {maxMembers} phần tử)',
    'request.cross_origin': 'Yêu cầu không đến từ trang của hệ thống nên bị từ chối',
    'idempotency.key_reused': 'Mã chống gửi trùng (Idempotency-Key) này đã dùng cho một yêu cầu khác',
    'validation.controlCharacter': 'Có ký tự điều khiển không hợp lệ',
    'auth.required': 'Bạn cần đăng nhập',
    'auth.forbidden': 'Bạn không có quyền thực hiện việc này',
    rate_limited: 'Bạn thao tác quá nhiều lần. Vui lòng thử lại sau {seconds} giây.',
  },
  en: {
    not_found: 'Not found',
    route_not_found: 'No route {method} {url}',
    internal: 'Something went wrong on our side. Please try again later.',
    validation: 'Some information is not valid',
    'validation.required': 'Is required',
    'validation.type': 'Wrong type (expected {type})',
    'validation.format': 'Wrong format ({format})',
    'validation.minLength': 'Too short (at least {limit} characters)',
    'validation.maxLength': 'Too long (at most {limit} characters)',
    'validation.pattern': 'Wrong format',
    'validation.enum': 'Not one of the allowed values',
    'validation.minimum': 'Must be {limit} or more',
    'validation.maximum': 'Must be {limit} or less',
    'validation.additionalProperties': 'Field is not supported',
    'validation.invalid': 'Invalid value',
    'request.body_too_large': 'The request body is too large',
    'request.bad_json': 'The request body is not valid JSON',
    'request.unsupported_media_type': 'This content type is not supported',
    'request.json_too_complex': 'The request body is too complex (nested deeper than {maxDepth} or more than {maxMembers} members)',
    'request.cross_origin': 'The request did not come from this site and was refused',
    'idempotency.key_reused': 'This Idempotency-Key was already used for a different request',
    'validation.controlCharacter': 'Contains a control character that is not allowed',
    'auth.required': 'Please sign in',
    'auth.forbidden': 'You are not allowed to do this',
    rate_limited: 'Too many attempts. Please try again in {seconds} seconds.',
  },
});

interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** Turns ajv issues into named fields with translated messages. */
export function fieldProblems(issues: AjvIssue[], context: string | undefined, locale: Locale): FieldProblem[] {
  // TypeBox reports every missing (or unknown) property in one issue; name each one
  const split = issues.flatMap((issue) => issue.keyword === 'required' && Array.isArray(issue.params.requiredProperties)
    ? (issue.params.requiredProperties as unknown[]).map((p) => ({ ...issue, params: { ...issue.params, missingProperty: p } }))
    : issue.keyword === 'additionalProperties' && Array.isArray(issue.params.additionalProperties)
      ? (issue.params.additionalProperties as unknown[]).map((p) => ({ ...issue, params: { ...issue.params, additionalProperty: p } }))
      : [issue]);
  return split.map((issue) => {
    let field = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (issue.keyword === 'required') field = [field, String(issue.params.missingProperty)].filter(Boolean).join('.');
    if (issue.keyword === 'additionalProperties') field = [field, String(issue.params.additionalProperty)].filter(Boolean).join('.');
    if (!field) field = context ?? 'body';
    const key = `validation.${issue.keyword}`;
    const params = { type: String(issue.params.type ?? ''), format: String(issue.params.format ?? ''), limit: String(issue.params.limit ?? '') };
    const message = translate(locale, key) === key ? translate(locale, 'validation.invalid') : translate(locale, key, params);
    return { field, message };
  });
}

function translateDetails(details: AppError['details'], locale: Locale): AppError['details'] {
  if (!Array.isArray(details)) return details;
  return details.map((d) => {
    const p = (d as FieldProblem & { params?: Record<string, string | number> }).params;
    return { field: d.field, message: translate(locale, d.message, p) };
  });
}

export function sendError(reply: FastifyReply, locale: Locale, err: AppError): FastifyReply {
  if (err.status === 429 && err.details && !Array.isArray(err.details)) {
    reply.header('retry-after', String(err.details.retryAfterSeconds));
  }
  return reply.status(err.status).send({
    error: { code: err.code, message: translate(locale, err.code, err.params), details: translateDetails(err.details, locale) ?? null },
  });
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = localeFrom(request.headers['accept-language']);
    if (error instanceof AppError) return sendError(reply, locale, error);
    if (error.validation) {
      return sendError(reply, locale, new AppError(400, 'validation', {}, fieldProblems(error.validation as AjvIssue[], error.validationContext, locale).map((p) => ({ ...p }))));
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return sendError(reply, locale, new AppError(413, 'request.body_too_large'));
    if (status === 415) return sendError(reply, locale, new AppError(415, 'request.unsupported_media_type'));
    if (status === 400 && /JSON/i.test(error.message)) return sendError(reply, locale, new AppError(400, 'request.bad_json'));
    if (status === 429) return sendError(reply, locale, new AppError(429, 'rate_limited', { seconds: 60 }, { retryAfterSeconds: 60 }));
    if (status >= 400 && status < 500) return sendError(reply, locale, new AppError(status, 'validation.invalid'));
    // the route's pattern, not its URL (which may hold a phone number or a code); reqId comes with request.log
    request.log.error({ err: error, method: request.method, route: request.routeOptions.url }, 'unhandled error');
    // the id in the reply lets a person (or the help desk) point at this log line
    reply.header('x-request-id', request.id);
    return sendError(reply, locale, new AppError(500, 'internal'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, localeFrom(request.headers['accept-language']), new AppError(404, 'route_not_found', { method: request.method, url: request.url.split('?')[0] ?? '' })),
  );
}
