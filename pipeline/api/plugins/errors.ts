// One error shape for the whole API: {error: {code, message}}. 4xx carry their message; 5xx say only that
// something failed on the server, and the error is logged.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, 'bad_request', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  406: 'not_acceptable',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/** Domain functions throw plain Errors for a caller's mistake (bad seed, wrong status move): these become 400. */
export async function asBadRequest<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof HttpError) throw err;
    const e = err as Error;
    if (e?.name === 'SqlFileError' || !(e instanceof Error)) throw err;
    if (/NotFound/.test(e.name)) throw new HttpError(404, 'not_found', e.message);
    throw badRequest(e.message);
  }
}

/** Fastify's `frameworkErrors`: what the router refuses before any route or hook runs (a path that is not valid
 *  percent-encoding, a parameter longer than the router's limit) gets the one error shape as a 400, without the
 *  path echoed back. */
export function frameworkError(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const message =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'a part of the path is too long'
      : 'the path is not a valid URL (bad percent-encoding)';
  void reply.status(400).send({ error: { code: 'bad_request', message } });
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
        if (key !== null) throw badRequest(`${part}/${key} is out of range`);
      }
    });

    app.setErrorHandler((err: FastifyError, req, reply) => {
      const status = err instanceof HttpError ? err.statusCode : err.validation ? 400 : (err.statusCode ?? 500);
      if (status >= 500) {
        req.log.error({ err }, 'request failed');
        return reply.status(500).send({
          error: {
            code: 'internal',
            message: 'the server could not complete this request; the error is in the server log',
          },
        });
      }
      const code = err instanceof HttpError ? err.code : (CODES[status] ?? 'error');
      return reply.status(status).send({ error: { code, message: err.message } });
    });
  },
  { name: 'shifan-errors' },
);
