// One API call as the factor and user APIs describe it, and what goes on the wire for it. Anything
// that cannot be sent (a bad path, a header HTTP cannot carry, a body JSON cannot represent) is
// refused here as an OktaInputError, before a quota unit or a connection slot is taken.
import { OktaInputError } from '../errors';
import { hasLoneSurrogate } from '../../util/unicode';

export type ApiMethod = 'GET' | 'POST' | 'DELETE';

export interface ApiRequest {
  method: ApiMethod;
  /** Absolute path on the org, without query. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string | undefined>;
  signal?: AbortSignal;
  /** The answer is binary (an image): read as bytes, not text. */
  binary?: boolean;
  /** Safe to send again after a 5xx or dropped connection although not a GET (a token request). */
  repeatable?: boolean;
}

export interface PreparedRequest {
  method: ApiMethod;
  /** The path without query (names the rate-limit bucket). */
  path: string;
  /** Path and query as sent. */
  target: string;
  /** `target` with the token scrubbed: what logs and errors show. */
  shownPath: string;
  /** The caller's headers that have a value. */
  headers: Record<string, string>;
  /** The body as JSON text, when there is one. */
  body?: string;
  binary?: boolean;
  /** A GET, or `ApiRequest.repeatable`: sending it changes nothing in the org, so a lost answer leaves nothing in doubt. */
  repeatable: boolean;
}

/** What Node's HTTP client accepts in a header value (Latin-1; controls are refused before this). */
const HEADER_VALUE = /^[\u0020-\u007e\u0080-\u00ff]*$/;

export function prepareRequest(request: ApiRequest, redact: (text: string) => string): PreparedRequest {
  if (!request.path.startsWith('/') || request.path.startsWith('//')) throw new OktaInputError('Invalid request path.');
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (hasLoneSurrogate(String(value))) throw new OktaInputError(`The ${key} parameter contains a broken Unicode character.`);
    search.append(key, String(value));
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value === undefined || value === '') continue;
    // Either would otherwise surface as a confusing socket error ("connection dropped").
    if (/[\u0000-\u001f\u007f]/.test(value)) throw new OktaInputError(`The ${name} header value contains control characters.`);
    if (!HEADER_VALUE.test(value)) throw new OktaInputError(`The ${name} header value contains characters that cannot be sent in an HTTP header.`);
    headers[name] = value;
  }
  // URLSearchParams writes spaces as "+"; Okta documents %20 (a literal "+" is already %2B here).
  const target = search.size ? `${request.path}?${search.toString().replace(/\+/g, '%20')}` : request.path;
  return {
    method: request.method, path: request.path, target, shownPath: redact(target), headers, body: jsonBody(request.body),
    repeatable: request.method === 'GET' || request.repeatable === true,
    ...(request.binary ? { binary: true } : {}),
  };
}

function jsonBody(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    throw new OktaInputError('The request body cannot be sent as JSON: it refers to itself or holds a value JSON cannot represent (such as a BigInt).',
      {}, { cause: error });
  }
  if (text === undefined) throw new OktaInputError('The request body cannot be sent as JSON.');
  return text;
}
