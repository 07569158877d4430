// One error shape for the whole API: {error: {code, params, message}}. The code comes from the vocabulary
// (pipeline/vocabulary/errors.ts), which also gives the HTTP status: nothing here matches class names or texts.
// The dashboard renders the message from code and params in the user's language; `message` is the server's
// rendering in the language of Accept-Language (Chinese unless English is asked for). 5xx say only that something
// failed on the server, and the error is logged.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { storageFull } from '../../db/storage-full.ts';
import {
  CodedError,
  errorBody,
  errors,
  langOfAcceptLanguage,
  type ErrorCode,
  type Lang,
  type Params,
} from '../../vocabulary/index.ts';

export { CodedError };

/** Domain functions that do not yet throw a CodedError: their Error is the caller's mistake, a 400 with its text. */
export async function asBadRequest<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof CodedError || !(err instanceof Error) || err.name === 'SqlFileError') throw err;
    throw new CodedError('bad_request', { detail: err.message });
  }
}

/** A caller's mistake that has no code of its own yet: 400 with the detail as written. */
export const badRequest = (detail: string) => new CodedError('bad_request', { detail });

/** Something the caller asked for that has no code of its own yet: 404 with the detail as written. */
export const notFound = (detail: string) => new CodedError('not_found', { detail });

/** Codes for the errors Fastify and its plugins raise themselves: by their own code, else by their status. */
const CODE_OF_FASTIFY: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'body.invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'body.empty_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body.too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'body.bad_content_length',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_BAD_URL: 'bad_url',
  FST_ERR_NOT_FOUND: 'route_not_found',
};
const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request_line',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'route_not_found',
  406: 'not_acceptable',
  413: 'body.too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/** A framework's error as a vocabulary code with its parameters: never the framework's English text. */
export function frameworkCode(err: FastifyError, bodyLimit: number): CodedError {
  // a body that JSON.parse refused comes as its SyntaxError with status 400 and no code
  const code: ErrorCode =
    (err.code ? CODE_OF_FASTIFY[err.code] : undefined) ??
    (err instanceof SyntaxError ? 'body.invalid_json' : (CODE_OF_STATUS[err.statusCode ?? 400] ?? 'bad_request_line'));
  return new CodedError(code, code === 'body.too_large' ? { limit_kb: Math.round(bodyLimit / 1024) } : {});
}

interface ValidationItem {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A schema validation failure as a vocabulary code: the first problem, the field it concerns, its limit. */
export function validationError(items: ValidationItem[], context: string | undefined): CodedError {
  const v = items[0]!;
  const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const base = [context, path].filter(Boolean).join('.');
  const p = v.params ?? {};
  const field =
    v.keyword === 'required' ? [base, p.missingProperty].filter(Boolean).join('.') : base || context || 'request';
  const code = `validation.${v.keyword}`;
  const params: Params = {
    field,
    limit: p.limit,
    type: p.type,
    allowed: p.allowedValues ?? p.allowedValue,
    pattern: p.pattern,
    format: p.format,
    property: p.additionalProperty,
    keyword: v.keyword,
  };
  return new CodedError(code in errors ? (code as ErrorCode) : 'validation.other', params);
}

export function langOf(req: FastifyRequest): Lang {
  return langOfAcceptLanguage(req.headers['accept-language']);
}

/** Fastify's `frameworkErrors`: what the router refuses before any route or hook runs (a path that is not valid
 *  percent-encoding, a parameter longer than the router's limit) gets the one error shape as a 400, without the
 *  path echoed back. */
export function frameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const code: ErrorCode = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'path_too_long' : 'bad_url';
  void reply.status(errors[code].status).send(errorBody(code, {}, langOf(req)));
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before any request exists (raw UTF-8 bytes in the
 * URL, a header too large, a request too slow) gets the one error shape, in the language its Accept-Language header
 * asks for (read from the refused bytes; Chinese otherwise), instead of the framework's English body.
 */
export function clientError(err: Error & { code?: string; rawPacket?: unknown }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? 'request_timeout'
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? 'headers_too_large'
        : 'bad_request_line';
  const raw = Buffer.isBuffer(err.rawPacket) ? err.rawPacket.toString('latin1') : '';
  const lang: Lang = /\r\naccept-language:[ \t]*en/i.test(raw) ? 'en' : 'zh';
  const body = JSON.stringify(errorBody(code, {}, lang));
  const status = errors[code].status;
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}

/** A query or path value that reads as an infinite number ("1e400"): Ajv's type coercion turns it into Infinity,
 *  which passes `integer` and `maximum`, so it is refused here, before validation. */
function infiniteValue(values: unknown): string | null {
  if (!values || typeof values !== 'object') return null;
  for (const [key, v] of Object.entries(values as Record<string, unknown>)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (typeof item === 'string' && item.trim() !== '' && Math.abs(Number(item)) === Infinity) return key;
    }
  }
  return null;
}

export default fp(
  async function errorsPlugin(app: FastifyInstance) {
    app.addHook('preValidation', async (req) => {
      for (const [part, values] of [
        ['querystring', req.query],
        ['params', req.params],
      ] as const) {
        const key = infiniteValue(values);
        if (key !== null) throw new CodedError('validation.out_of_range', { field: `${part}.${key}` });
      }
    });

    app.setErrorHandler((err: FastifyError, req, reply) => {
      const coded =
        err instanceof CodedError
          ? err
          : err.validation
            ? validationError(err.validation as ValidationItem[], err.validationContext)
            : err.statusCode && err.statusCode < 500
              ? frameworkCode(err, app.initialConfig.bodyLimit ?? 1024 * 1024)
              : null;
      // JSON whatever the failed handler had set: a page streamed as text/html that fails (its file gone while the
      // dashboard is built again) would otherwise make Fastify refuse this object with its own raw 500
      reply.type('application/json; charset=utf-8');
      if (!coded && storageFull(err)) {
        // the administrator reads the file in the log; the caller is told what happened, not where
        req.log.error({ err }, 'request failed: the disk is full');
        return reply
          .status(errors['storage.full_server'].status)
          .send(errorBody('storage.full_server', {}, langOf(req)));
      }
      if (!coded || coded.status >= 500) {
        req.log.error({ err }, 'request failed');
        return reply.status(500).send(errorBody('internal', {}, langOf(req)));
      }
      return reply.status(coded.status).send(errorBody(coded.code, coded.params, langOf(req)));
    });
  },
  { name: 'shifan-errors' },
);
