// The one API client: every request goes through here. Fetch with the session cookie, the CSRF header on every
// POST, Arrow IPC for tabular endpoints (decoded to plain row objects), one error type.

import {
  isSessionEnded,
  renderError,
  type Lang,
  type Params,
  type SessionEndedCode,
} from '../../../pipeline/vocabulary/index.ts';
import type { ErrorBody } from '../../../pipeline/api/schemas/common.ts';

/** The language the user reads: the page's lang attribute, which the language toggle keeps current. */
function pageLang(): Lang {
  return typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'zh';
}

/** An error answer: its vocabulary code and parameters; the message is rendered from them in the user's language. */
export class ApiError extends Error {
  constructor(
    public status: number,
    message: string,
    public body?: unknown,
    /** The server's error code (`too_many_requests`, `watchlist.bad_move`…) and its parameters (pipeline/vocabulary). */
    public code?: string,
    public params?: Params,
    /** Seconds from a Retry-After header (a login lock-out says how long it lasts). */
    public retryAfter?: number,
  ) {
    super(message);
  }
}

/**
 * What a failed request says, in LANG: rendered again from the server's code and parameters, so an error still on
 * screen follows the language toggle (the message was rendered in the language of the moment it failed).
 */
export function errorText(error: unknown, lang: Lang): string {
  if (error instanceof ApiError && error.code) return renderError(error.code, error.params, lang);
  return error instanceof Error ? error.message : String(error);
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

let sessionEnded: ((code: SessionEndedCode) => void) | null = null;
/** Who is told when a request is refused because the session ended elsewhere (a password changed on another device,
 *  an admin's reset, expiry): the session, which goes back to the login page and says why. Decided by the answer's
 *  error code, whichever request met it first. */
export function onSessionEnded(listener: ((code: SessionEndedCode) => void) | null) {
  sessionEnded = listener;
}

const ARROW = 'application/vnd.apache.arrow.stream';

async function failure(res: Response): Promise<ApiError> {
  let body: unknown = null;
  let message = `${res.status} ${res.statusText}`;
  let code: string | undefined;
  let params: Params | undefined;
  try {
    body = await res.json();
    // The server's one error shape is { error: { code, params, message } }: the message is rendered here from code
    // and params, in the page's language (pipeline/vocabulary).
    // Partial: a proxy in between may answer an error of its own.
    const e = (body as Partial<ErrorBody> | null)?.error;
    code = e?.code;
    params = e?.params;
    message = e?.code ? renderError(e.code, e.params, pageLang()) : (e?.message ?? message);
  } catch {
    /* not JSON */
  }
  if (res.status === 401 && isSessionEnded(code)) sessionEnded?.(code);
  const retryAfter = Number(res.headers.get('retry-after') ?? Number.NaN);
  return new ApiError(res.status, message, body, code, params, Number.isFinite(retryAfter) ? retryAfter : undefined);
}

function qs(params?: Record<string, unknown>): string {
  if (!params) return '';
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

export async function getJson<T>(path: string, params?: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const res = await fetch(`/api${path}${qs(params)}`, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    signal,
  });
  if (!res.ok) throw await failure(res);
  return res.json() as Promise<T>;
}

/** Plain JS values from Arrow cells: bigint → number, Arrow vectors/structs → arrays/objects. */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (
    v &&
    typeof v === 'object' &&
    'toJSON' in v &&
    typeof (v as { toJSON: unknown }).toJSON === 'function' &&
    !(v instanceof Date)
  ) {
    const j = (v as { toJSON(): unknown }).toJSON();
    return Array.isArray(j) ? j.map(plain) : j && typeof j === 'object' ? plainObject(j as Record<string, unknown>) : j;
  }
  return v;
}
function plainObject(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = plain(v);
  return out;
}

export async function decodeArrow<T>(buf: ArrayBuffer): Promise<T[]> {
  const { tableFromIPC } = await import('apache-arrow');
  const table = tableFromIPC(new Uint8Array(buf));
  const names = table.schema.fields.map((f) => f.name);
  const cols = names.map((n) => table.getChild(n)!);
  const rows: T[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const r: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) r[names[c]!] = plain(cols[c]!.get(i));
    rows[i] = r as T;
  }
  return rows;
}

/** A tabular endpoint: asks for Arrow IPC, accepts the JSON array of rows if the server answers with JSON. */
export async function getRows<T>(path: string, params?: Record<string, unknown>, signal?: AbortSignal): Promise<T[]> {
  return (await getPage<T>(path, params, signal)).rows;
}

/** A page of a tabular endpoint with the total the server counted (x-total-count; the rows' length without it). */
export async function getPage<T>(
  path: string,
  params?: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<{ rows: T[]; total: number }> {
  const res = await fetch(`/api${path}${qs(params)}`, {
    credentials: 'same-origin',
    headers: { accept: `${ARROW}, application/json;q=0.5` },
    signal,
  });
  if (!res.ok) throw await failure(res);
  const header = res.headers.get('x-total-count');
  const type = res.headers.get('content-type') ?? '';
  let rows: T[] = [];
  if (type.includes('arrow')) rows = await decodeArrow<T>(await res.arrayBuffer());
  // A tabular route answers its rows as a JSON array when it does not send Arrow (its schema's 200: T[]).
  else rows = (await res.json()) as T[];
  return { rows, total: header === null ? rows.length : Number(header) };
}

export async function post<T>(path: string, body?: unknown): Promise<T> {
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  if (!isForm && body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`/api${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers,
    body: isForm ? (body as FormData) : body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw await failure(res);
  const text = await res.text();
  return (text ? JSON.parse(text) : {}) as T;
}
