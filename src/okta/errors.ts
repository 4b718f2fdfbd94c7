// Errors thrown by the Okta client. Every message is written for the person using the extension and
// is built only from text that went through the client's redactor, so it never carries the token.
// A wrapped error is kept as `cause` (never an axios error: its config carries the token).
import { errorLead } from './errorCodes';

export interface OktaErrorCause {
  errorSummary: string;
}

/** Where a failed request went; set by the client so logs and reports can name the call. */
export interface RequestContext {
  method?: string;
  /** Path and query without the origin. */
  path?: string;
  requestId?: string;
}

/** Base class of everything the client throws. */
export class OktaError extends Error {
  readonly method?: string;
  readonly path?: string;
  readonly requestId?: string;

  constructor(message: string, context: RequestContext = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.method = context.method;
    this.path = context.path;
    this.requestId = context.requestId;
  }
}

/** Okta answered with an HTTP error status (JSON error object or not). */
export class OktaApiError extends OktaError {
  readonly status: number;
  /** `E00000xx`; undefined when the body was not an Okta error object (e.g. a proxy's HTML page). */
  readonly errorCode?: string;
  readonly errorSummary: string;
  readonly errorCauses: OktaErrorCause[];
  readonly errorId?: string;
  readonly errorLink?: string;

  constructor(
    message: string,
    fields: {
      status: number; errorCode?: string; errorSummary: string; errorCauses?: OktaErrorCause[];
      errorId?: string; errorLink?: string;
    },
    context: RequestContext = {},
    options?: ErrorOptions,
  ) {
    super(message, context, options);
    this.status = fields.status;
    this.errorCode = fields.errorCode;
    this.errorSummary = fields.errorSummary;
    this.errorCauses = fields.errorCauses ?? [];
    this.errorId = fields.errorId;
    this.errorLink = fields.errorLink;
  }

  /** The same answer told in other words (a fix added): status, codes, causes and request context kept. */
  retold(message: string): OktaApiError {
    return new OktaApiError(message, apiErrorFields(this), requestContextOf(this));
  }
}

/** Where an error's request went, to build another error about the same request. */
export function requestContextOf(error: OktaError): RequestContext {
  return { method: error.method, path: error.path, requestId: error.requestId };
}

/** An answer's fields, to build another error about the same answer. */
export function apiErrorFields(error: OktaApiError): ConstructorParameters<typeof OktaApiError>[1] {
  return {
    status: error.status, errorCode: error.errorCode, errorSummary: error.errorSummary, errorCauses: error.errorCauses,
    errorId: error.errorId, errorLink: error.errorLink,
  };
}

/**
 * The org's rate limit is used up (HTTP 429, E0000047) and its reset is further away than the
 * client waits: either Okta's own 429 after the retries, or predicted from the last answer's
 * headers (then no request was sent). `resetAt` says when to try again.
 */
export class OktaRateLimitError extends OktaApiError {
  readonly resetAt: Date;

  constructor(
    message: string, fields: ConstructorParameters<typeof OktaApiError>[1], resetAt: Date, context: RequestContext = {}, options?: ErrorOptions,
  ) {
    super(message, fields, context, options);
    this.resetAt = resetAt;
  }
}

/**
 * The request did not produce a usable answer: connection refused or dropped, no answer in time,
 * cancelled by the caller, or a success status whose body is not the JSON Okta sends.
 */
export type NetworkFailureKind = 'connection' | 'timeout' | 'aborted' | 'invalid-response';

export class OktaNetworkError extends OktaError {
  readonly kind: NetworkFailureKind;

  constructor(kind: NetworkFailureKind, message: string, context: RequestContext = {}, options?: ErrorOptions) {
    super(message, context, options);
    this.kind = kind;
  }
}

/** Refused before any request was sent (an empty id, an id with `/`, a link to another origin...). */
export class OktaInputError extends OktaError {}

/** What every cancelled wait or request rejects with; `reason` is the AbortSignal's (who cancelled, and why). */
export function cancelledError(reason?: unknown, context: RequestContext = {}): OktaNetworkError {
  return new OktaNetworkError('aborted', 'The request was cancelled.', context, reason === undefined ? undefined : { cause: reason });
}

/** Names of cancellation errors: the DOM's AbortError, vscode.CancellationError ("Canceled"), ours. */
const CANCELLATION_NAMES = new Set(['AbortError', 'Canceled', 'CancellationError']);

/**
 * True when the work was cancelled (an AbortSignal, a Cancel button), wherever in the `cause`
 * chain that shows; commands should then stay silent.
 */
export function isCancellation(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current instanceof Error && !seen.has(current); current = current.cause) {
    seen.add(current);
    if (current instanceof OktaNetworkError && current.kind === 'aborted') return true;
    if (CANCELLATION_NAMES.has(current.name)) return true;
  }
  return false;
}

/**
 * Builds the error for an HTTP error status from the raw body text. `redact` scrubs the raw text and
 * then every decoded field: JSON escapes (`\u0041`) could otherwise spell the token past a raw scrub.
 */
export function apiErrorFromResponse(
  status: number,
  statusText: string,
  body: string,
  contentType: string | undefined,
  context: RequestContext,
  redact: (text: string) => string = (text) => text,
): OktaApiError {
  const parsed = redactFields(parseErrorObject(redact(body)), redact);
  if (parsed) {
    const lead = errorLead(parsed.errorCode, parsed.errorSummary, parsed.errorCauses);
    const details = parsed.errorCauses.map((c) => c.errorSummary).filter(Boolean).join(' ');
    const tag = parsed.errorCode ? `${parsed.errorCode}, HTTP ${status}` : `HTTP ${status}`;
    return new OktaApiError(`${lead} (${tag})${details ? `: ${details}` : ''}`, { status, ...parsed }, context);
  }
  const reason = redact(statusText) || httpReason(status);
  const what = contentType ? redact(contentType.split(';')[0].trim()) : 'a non-JSON body';
  const hint = status >= 500
    ? ' A proxy or gateway between you and Okta may be failing; try again shortly.'
    : status >= 300 && status < 400 ? ' The server redirects elsewhere: check the org URL.' : '';
  const message = `Okta answered HTTP ${status}${reason ? ` ${reason}` : ''} with ${body.trim() ? what : 'an empty body'} instead of an Okta error.${hint}`;
  return new OktaApiError(message, { status, errorSummary: reason || `HTTP ${status}` }, context);
}

function parseErrorObject(body: string):
  { errorCode?: string; errorSummary: string; errorCauses: OktaErrorCause[]; errorId?: string; errorLink?: string } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  const summary = typeof o.errorSummary === 'string' ? o.errorSummary
    : typeof o.error_description === 'string' ? o.error_description // OAuth-style errors (Bearer tokens)
      : undefined;
  if (summary === undefined) return undefined;
  const causes = Array.isArray(o.errorCauses)
    ? o.errorCauses
      .map((c) => (c && typeof c === 'object' && typeof (c as OktaErrorCause).errorSummary === 'string'
        ? { errorSummary: (c as OktaErrorCause).errorSummary } : undefined))
      .filter((c): c is OktaErrorCause => c !== undefined)
    : [];
  return {
    errorCode: typeof o.errorCode === 'string' ? o.errorCode : typeof o.error === 'string' ? o.error : undefined,
    errorSummary: summary,
    errorCauses: causes,
    errorId: typeof o.errorId === 'string' ? o.errorId : undefined,
    errorLink: typeof o.errorLink === 'string' ? o.errorLink : undefined,
  };
}

function redactFields<T extends ReturnType<typeof parseErrorObject>>(parsed: T, redact: (text: string) => string): T {
  if (!parsed) return parsed;
  const optional = (text: string | undefined) => (text === undefined ? undefined : redact(text));
  return {
    ...parsed,
    errorCode: optional(parsed.errorCode),
    errorSummary: redact(parsed.errorSummary),
    errorCauses: parsed.errorCauses.map((c) => ({ errorSummary: redact(c.errorSummary) })),
    errorId: optional(parsed.errorId),
    errorLink: optional(parsed.errorLink),
  };
}

const REASONS: Record<number, string> = {
  301: 'Moved Permanently', 302: 'Found', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout',
};

function httpReason(status: number): string {
  return REASONS[status] ?? '';
}
