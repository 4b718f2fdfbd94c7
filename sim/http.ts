// The request/response values handlers see, and the small helpers that read and write them.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { oktaErrors } from './errors';

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
  /** Parsed JSON body, or undefined when the request had none. */
  body: unknown;
}

export interface ApiResponse {
  status: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (e.g. the QR code PNG). */
  raw?: { data: Buffer; contentType: string };
  headers?: Record<string, string | string[]>;
}

export const json = (body: unknown, status = 200, headers?: ApiResponse['headers']): ApiResponse => ({
  status,
  body,
  headers,
});
export const noContent = (): ApiResponse => ({ status: 204 });

/** Bodies above this are not JSON the API would accept; answered like malformed JSON. */
const MAX_BODY_BYTES = 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
      else reject(oktaErrors.malformedJson());
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Empty body -> undefined; anything that is not JSON -> E0000003 like Okta. */
export function parseJsonBody(raw: Buffer): unknown {
  const text = raw.toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw oktaErrors.malformedJson();
  }
}

/** Current real orgs send no charset (api-reference §8.1); JSON is UTF-8 by definition (RFC 8259). */
export const JSON_CONTENT_TYPE = 'application/json';

export function writeResponse(res: ServerResponse, response: ApiResponse): void {
  for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
  if (response.raw) {
    res.writeHead(response.status, { 'Content-Type': response.raw.contentType, 'Content-Length': response.raw.data.length });
    res.end(response.raw.data);
    return;
  }
  if (response.body === undefined || response.status === 204) {
    res.writeHead(response.status);
    res.end();
    return;
  }
  const payload = JSON.stringify(response.body);
  res.writeHead(response.status, {
    'Content-Type': JSON_CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

/** Query booleans as Okta reads them: only "true" is true. */
export const queryFlag = (query: URLSearchParams, name: string): boolean => query.get(name) === 'true';

/** A plain object view of a JSON body (arrays and scalars count as empty). */
export function bodyObject(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

export const stringField = (obj: Record<string, unknown>, name: string): string | undefined =>
  typeof obj[name] === 'string' ? obj[name] : undefined;

export function header(req: ApiRequest, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The caller's language for sms templates; fetch's default `*` means none. */
export function acceptLanguage(req: ApiRequest): string | undefined {
  const value = header(req, 'accept-language');
  return value && value !== '*' ? value : undefined;
}
