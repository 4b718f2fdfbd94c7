// An HTTP answer as the client keeps it: status, scrubbed headers and reason phrase, the body text
// and its JSON parsed once on arrival; and the words that describe a body that is not what Okta sends.
import { apiErrorFromResponse, type OktaApiError, type RequestContext } from '../errors';

export interface RawResponse {
  status: number;
  statusText: string;
  headers: Record<string, unknown>;
  body: string;
  /** The body's bytes, for a binary request (then `body` is empty). */
  bytes?: Uint8Array;
  /** The body parsed once on arrival; `ok: false` when empty or not JSON. */
  json: { ok: true; value: unknown } | { ok: false };
}

const JSON_TYPES = /^application\/(?:[\w.+-]+\+)?json/i;

/** Whatever the server echoes back (a request id, a reason phrase...) is scrubbed on arrival. */
export function decodeResponse(
  res: { status: number; statusText?: string; headers: unknown; data: unknown }, redact: (text: string) => string,
): RawResponse {
  if (res.data instanceof ArrayBuffer || Buffer.isBuffer(res.data)) {
    const bytes = new Uint8Array(res.data instanceof ArrayBuffer ? res.data : res.data.buffer.slice(res.data.byteOffset, res.data.byteOffset + res.data.byteLength));
    return { status: res.status, statusText: redact(res.statusText ?? ''), headers: headerRecord(res.headers, redact), body: '', bytes, json: { ok: false } };
  }
  const body = typeof res.data === 'string' ? res.data : res.data == null ? '' : String(res.data);
  return {
    status: res.status,
    statusText: redact(res.statusText ?? ''),
    headers: headerRecord(res.headers, redact),
    body,
    json: parseJsonText(body),
  };
}

export function requestIdOf(headers: Record<string, unknown>): string | undefined {
  const value = headers['x-okta-request-id'];
  return typeof value === 'string' && value ? value : undefined;
}

/** The error for an HTTP error status; `context.path` must already be scrubbed. */
export function responseError(response: RawResponse, context: RequestContext, redact: (text: string) => string): OktaApiError {
  const contentType = typeof response.headers['content-type'] === 'string' ? response.headers['content-type'] : undefined;
  return apiErrorFromResponse(response.status, response.statusText, response.body, contentType,
    { ...context, requestId: requestIdOf(response.headers) }, redact);
}

/** "empty", "text/html content", "malformed JSON", "JSON of another shape". */
export function describeBody(response: RawResponse): string {
  if (!response.body.trim()) return 'empty';
  const type = response.headers['content-type'];
  if (typeof type === 'string' && !JSON_TYPES.test(type)) return `${type.split(';')[0].trim()} content`;
  return response.json.ok ? 'JSON of another shape' : 'malformed JSON';
}

function headerRecord(headers: unknown, redact: (text: string) => string): Record<string, unknown> {
  const plain = headers && typeof (headers as { toJSON?: unknown }).toJSON === 'function'
    ? (headers as { toJSON(): Record<string, unknown> }).toJSON()
    : (headers as Record<string, unknown> | undefined) ?? {};
  const clean = (v: unknown): unknown => (typeof v === 'string' ? redact(v) : Array.isArray(v) ? v.map(clean) : v);
  return Object.fromEntries(Object.entries(plain).map(([k, v]) => [k.toLowerCase(), clean(v)]));
}

function parseJsonText(body: string): RawResponse['json'] {
  if (body === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}
