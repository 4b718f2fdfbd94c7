// The typed Okta client: one method per User Factor operation plus the Users calls the tree needs.
// Built on axios; retries, rate-limit throttling, the concurrency cap and error shaping live here so
// that nothing above this layer builds URLs or sees a raw HTTP error (which would carry the token).
import axios, { type AxiosInstance } from 'axios';
import {
  apiErrorFromResponse, OktaApiError, OktaInputError, OktaNetworkError, OktaRateLimitError, type RequestContext,
} from './errors';
import { isHref, parseLinkHeader } from './links';
import type {
  ActivateFactorRequest, EnrollFactorOptions, EnrollFactorRequest, ListUsersQuery, OktaUser,
  PushActivation, ResendFactorRequest, SecurityQuestion, SupportedFactor, TokenType, UserFactor,
  UsersPage, VerifyFactorOptions, VerifyFactorRequest, VerifyFactorResult,
} from './models';
import { normalizeOrgUrl } from './orgUrl';
import { pathSegment } from './pathIds';
import {
  backoffDelayMs, rateLimitBucket, rateLimitResetDelayMs, RateLimitWaitTooLong, readRateLimitHeaders,
  type RateLimitStatus, type RateLimitTracker,
} from './rateLimits';
import { redactor } from './redact';
import type { Semaphore } from './semaphore';
import { trafficFor } from './orgTraffic';
import { abortableDelay } from './abortableDelay';

export type { RateLimitStatus } from './rateLimits';

/** One HTTP exchange (each retry is its own entry). Never contains the token. */
export interface RequestLogEntry {
  method: string;
  /** Path and query, without the origin. */
  path: string;
  status?: number;
  durationMs: number;
  requestId?: string;
  /** User-facing error message when the exchange failed (HTTP error, network, timeout...). */
  error?: string;
  /** 1 for the first try, 2+ for retries. */
  attempt: number;
}

export interface OktaClientOptions {
  /** Org URL; normalised with normalizeOrgUrl (https only, http only for loopback). */
  orgUrl: string;
  token: string;
  /** `SSWS` API token (default) or `Bearer` OAuth access token. */
  tokenType?: TokenType;
  /** Per-attempt timeout (default 30 000 ms). */
  timeoutMs?: number;
  /** Prepended to the client's own User-Agent. */
  userAgent?: string;
  /** Retries per call after a 429, and for GETs after a 5xx, dropped connection or garbled body (default 3). */
  maxRetries?: number;
  /** Requests on the wire at once for this org, shared by all clients of the org (default 6). */
  maxConcurrent?: number;
  /** First backoff step for transient-failure retries (default 500 ms; doubles, with jitter). */
  retryBaseDelayMs?: number;
  /** Longest backoff step (default 8 000 ms). */
  maxRetryDelayMs?: number;
  /** A 429 whose reset is further away than this fails at once instead of waiting (default 60 000 ms). */
  maxRateLimitWaitMs?: number;
  onRequest?: (entry: RequestLogEntry) => void;
  onRateLimit?: (status: RateLimitStatus) => void;
}

/** Every method's last argument carries at least a cancellation signal. */
export interface CallOptions {
  signal?: AbortSignal;
}

const CLIENT_AGENT = 'okta-factors-vscode/0.1.0';
const JSON_TYPES = /^application\/(?:[\w.+-]+\+)?json/i;

interface ApiRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Absolute path on the org, without query. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string | undefined>;
  signal?: AbortSignal;
}

interface RawResponse {
  status: number;
  statusText: string;
  headers: Record<string, unknown>;
  body: string;
  /** The body parsed once on arrival; `ok: false` when empty or not JSON. */
  json: { ok: true; value: unknown } | { ok: false };
}

export class OktaClient {
  /** The normalised org origin, e.g. `https://acme.okta.com`. */
  readonly orgUrl: string;
  /** Set when normalisation changed the URL meaningfully (an Admin Console URL). */
  readonly orgUrlNotice?: string;
  readonly tokenType: TokenType;

  // Private (#) so neither the token nor the axios instance shows in inspection or JSON.
  readonly #authorization: string;
  readonly #redact: (text: string) => string;
  readonly #http: AxiosInstance;
  readonly #limits: RateLimitTracker;
  readonly #slots: Semaphore;
  readonly #options: Required<Pick<OktaClientOptions,
    'timeoutMs' | 'maxRetries' | 'retryBaseDelayMs' | 'maxRetryDelayMs' | 'maxRateLimitWaitMs'>>
    & Pick<OktaClientOptions, 'onRequest' | 'onRateLimit'>;
  readonly #userAgent: string;

  constructor(options: OktaClientOptions) {
    const { url, notice } = normalizeOrgUrl(options.orgUrl);
    const token = typeof options.token === 'string' ? options.token.trim() : '';
    if (!token) throw new OktaInputError('The API token is empty.');
    if (/[\s\u0000-\u001f\u007f]/.test(token)) throw new OktaInputError('The API token contains spaces or control characters; paste it again.');
    const tokenType = options.tokenType ?? 'SSWS';
    if (tokenType !== 'SSWS' && tokenType !== 'Bearer') throw new OktaInputError(`Unknown token type "${String(tokenType)}"; use SSWS or Bearer.`);
    this.orgUrl = url;
    this.orgUrlNotice = notice;
    this.tokenType = tokenType;
    this.#authorization = `${tokenType} ${token}`;
    this.#redact = redactor(token);
    this.#options = {
      timeoutMs: positive(options.timeoutMs, 30_000),
      maxRetries: nonNegativeInteger(options.maxRetries, 3),
      retryBaseDelayMs: positive(options.retryBaseDelayMs, 500),
      maxRetryDelayMs: positive(options.maxRetryDelayMs, 8_000),
      maxRateLimitWaitMs: nonNegativeInteger(options.maxRateLimitWaitMs, 60_000),
      onRequest: options.onRequest,
      onRateLimit: options.onRateLimit,
    };
    const maxConcurrent = options.maxConcurrent === undefined ? undefined : Math.max(1, Math.floor(options.maxConcurrent));
    ({ limits: this.#limits, slots: this.#slots } = trafficFor(url, maxConcurrent));
    this.#userAgent = options.userAgent ? `${options.userAgent} ${CLIENT_AGENT}` : CLIENT_AGENT;
    this.#http = axios.create({
      baseURL: url,
      allowAbsoluteUrls: false, // a path can never send the token to another host
      maxRedirects: 0, // nor can a redirect
      proxy: false, // VS Code's own proxy support patches Node's http; axios' env proxy would bypass it
      responseType: 'text',
      transformResponse: [(data: unknown) => data], // parsed here, so garbled JSON is detected
      validateStatus: () => true,
      maxContentLength: 50 * 1024 * 1024,
    });
  }

  // ---- User factors ----

  async listFactors(userId: string, options: CallOptions = {}): Promise<UserFactor[]> {
    return this.getJson(`${this.userPath(userId)}/factors`, 'array', options);
  }

  async getFactor(userId: string, factorId: string, options: CallOptions = {}): Promise<UserFactor> {
    return this.getJson(this.factorPath(userId, factorId), 'object', options);
  }

  async listSupportedFactors(userId: string, options: CallOptions = {}): Promise<SupportedFactor[]> {
    return this.getJson(`${this.userPath(userId)}/factors/catalog`, 'array', options);
  }

  async listSupportedSecurityQuestions(userId: string, options: CallOptions = {}): Promise<SecurityQuestion[]> {
    return this.getJson(`${this.userPath(userId)}/factors/questions`, 'array', options);
  }

  async enrollFactor(userId: string, factor: EnrollFactorRequest, options: EnrollFactorOptions & CallOptions = {}): Promise<UserFactor> {
    const path = `${this.userPath(userId)}/factors`;
    requireBody(factor, 'factor to enroll');
    const response = await this.send({
      method: 'POST', path, body: factor, signal: options.signal,
      query: {
        updatePhone: options.updatePhone, templateId: options.templateId,
        tokenLifetimeSeconds: options.tokenLifetimeSeconds, activate: options.activate,
      },
      headers: { 'Accept-Language': options.acceptLanguage },
    });
    return this.parseJson(response, 'object', 'POST', path);
  }

  /** Returns the activated factor, or (push) the activation status: WAITING with a poll link, TIMEOUT... */
  async activateFactor(userId: string, factorId: string, body?: ActivateFactorRequest, options: CallOptions = {}): Promise<UserFactor | PushActivation> {
    const path = `${this.factorPath(userId, factorId)}/lifecycle/activate`;
    const response = await this.send({ method: 'POST', path, body, signal: options.signal });
    return this.parseJson(response, 'object', 'POST', path);
  }

  /**
   * Polls a push activation by POSTing to the `poll` link Okta gave (validated to be on this org),
   * or to `lifecycle/activate/poll` when there is none.
   */
  async pollFactorActivation(userId: string, factorId: string, pollHref?: string, options: CallOptions = {}): Promise<UserFactor | PushActivation> {
    const path = pollHref ? this.sameOriginPath(pollHref).path : `${this.factorPath(userId, factorId)}/lifecycle/activate/poll`;
    const response = await this.send({ method: 'POST', path, signal: options.signal });
    return this.parseJson(response, 'object', 'POST', path);
  }

  async resendEnrollFactor(userId: string, factorId: string, factor: ResendFactorRequest, options: { templateId?: string } & CallOptions = {}): Promise<UserFactor> {
    const path = `${this.factorPath(userId, factorId)}/resend`;
    requireBody(factor, 'factor to resend');
    const response = await this.send({ method: 'POST', path, body: factor, query: { templateId: options.templateId }, signal: options.signal });
    return this.parseJson(response, 'object', 'POST', path);
  }

  /** Verify (or issue a challenge without a body). Push answers WAITING (HTTP 201, sometimes 200). */
  async verifyFactor(userId: string, factorId: string, body?: VerifyFactorRequest, options: VerifyFactorOptions & CallOptions = {}): Promise<VerifyFactorResult> {
    const path = `${this.factorPath(userId, factorId)}/verify`;
    const response = await this.send({
      method: 'POST', path, body, signal: options.signal,
      query: { templateId: options.templateId, tokenLifetimeSeconds: options.tokenLifetimeSeconds },
      headers: {
        'X-Forwarded-For': options.xForwardedFor, 'User-Agent': options.userAgent, 'Accept-Language': options.acceptLanguage,
      },
    });
    return this.parseJson(response, 'object', 'POST', path);
  }

  async getFactorTransactionStatus(userId: string, factorId: string, transactionId: string, options: CallOptions = {}): Promise<VerifyFactorResult> {
    return this.getJson(`${this.factorPath(userId, factorId)}/transactions/${pathSegment(transactionId, 'transaction id', this.#redact)}`, 'object', options);
  }

  /**
   * Cancels a WAITING push verification: DELETE on the result's `cancel` link (validated to be on
   * this org) or, given a transaction id, on `…/transactions/{id}`.
   */
  async cancelFactorTransaction(userId: string, factorId: string, transactionIdOrCancelHref: string, options: CallOptions = {}): Promise<void> {
    const path = isHref(transactionIdOrCancelHref)
      ? this.sameOriginPath(transactionIdOrCancelHref).path
      : `${this.factorPath(userId, factorId)}/transactions/${pathSegment(transactionIdOrCancelHref, 'transaction id', this.#redact)}`;
    await this.send({ method: 'DELETE', path, signal: options.signal });
  }

  /** GETs a link Okta returned (e.g. a push `poll` link) after checking it points at this org's API. */
  async followLink<T = unknown>(href: string, options: CallOptions = {}): Promise<T> {
    const { path, query } = this.sameOriginPath(href);
    return this.getJson(path, 'object', options, query);
  }

  async unenrollFactor(userId: string, factorId: string, options: { removeRecoveryEnrollment?: boolean } & CallOptions = {}): Promise<void> {
    await this.send({
      method: 'DELETE', path: this.factorPath(userId, factorId),
      query: { removeRecoveryEnrollment: options.removeRecoveryEnrollment }, signal: options.signal,
    });
  }

  // ---- Users ----

  /** By id, login (URL-encoded here; logins with `/` cannot be addressed), or `me`. */
  async getUser(idOrLogin: string, options: CallOptions = {}): Promise<OktaUser> {
    return this.getJson(`/api/v1/users/${pathSegment(idOrLogin, 'user id or login', this.#redact)}`, 'object', options);
  }

  /** One page of users; `after` is the cursor of the next page (from `Link rel="next"`), if any. */
  async listUsersPage(query: ListUsersQuery & CallOptions = {}): Promise<UsersPage> {
    const path = '/api/v1/users';
    const response = await this.send({
      method: 'GET', path, signal: query.signal,
      query: {
        q: query.q, filter: query.filter, search: query.search, limit: query.limit, after: query.after,
        sortBy: query.sortBy, sortOrder: query.sortOrder,
      },
    });
    const users = this.parseJson<OktaUser[]>(response, 'array', 'GET', path);
    const next = parseLinkHeader(response.headers['link'] as string | string[] | undefined).next;
    let after: string | undefined;
    if (next) {
      try {
        after = new URL(next, this.orgUrl).searchParams.get('after') ?? undefined;
      } catch {
        after = undefined;
      }
    }
    return after ? { users, after } : { users };
  }

  /** Every user matching the query, fetched page by page as the caller iterates. */
  async *listUsers(query: ListUsersQuery & CallOptions = {}): AsyncGenerator<OktaUser, void, undefined> {
    let after = query.after;
    const seen = new Set<string>();
    for (;;) {
      const page = await this.listUsersPage({ ...query, after });
      yield* page.users;
      if (!page.after || seen.has(page.after)) return; // a repeated cursor would loop forever
      seen.add(page.after);
      after = page.after;
    }
  }

  // ---- Plumbing ----

  private userPath(userId: string): string {
    return `/api/v1/users/${pathSegment(userId, 'user id', this.#redact)}`;
  }

  private factorPath(userId: string, factorId: string): string {
    return `${this.userPath(userId)}/factors/${pathSegment(factorId, 'factor id', this.#redact)}`;
  }

  /** Refuses links to another origin or outside the API before any request (token safety). */
  private sameOriginPath(href: string): { path: string; query: Record<string, string> } {
    let url: URL;
    try {
      url = new URL(href, this.orgUrl);
    } catch {
      throw new OktaInputError('Okta returned a link that is not a valid URL; it was not followed.');
    }
    if (url.origin !== this.orgUrl || !url.pathname.startsWith('/api/v1/') || url.pathname.includes('/../')) {
      throw new OktaInputError(`Okta returned a link outside ${this.orgUrl}/api/v1/ (${this.#redact(url.origin + url.pathname)}); it was not followed.`);
    }
    return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
  }

  private async getJson<T>(path: string, shape: 'array' | 'object', options: CallOptions, query?: ApiRequest['query']): Promise<T> {
    const response = await this.send({ method: 'GET', path, query, signal: options.signal });
    return this.parseJson<T>(response, shape, 'GET', path);
  }

  /** Parses a success body; on GET a garbled body was already retried by `send`. */
  private parseJson<T>(response: RawResponse, shape: 'array' | 'object', method: string, path: string): T {
    if (response.json.ok && hasShape(response.json.value, shape)) return response.json.value as T;
    const context: RequestContext = { method, path, requestId: requestIdOf(response.headers) };
    const sideEffect = method !== 'GET' ? ' The change may have been made anyway; refresh to check.' : '';
    throw new OktaNetworkError('invalid-response',
      `Okta answered HTTP ${response.status} but the body is ${describeBody(response)} instead of the expected JSON ${shape}.${sideEffect}`, context);
  }

  /**
   * Sends one logical request: waits for rate-limit quota and a concurrency slot, then retries
   * after the org's 429 (any method: Okta did not act on it) and, for GET only, after 5xx, dropped
   * connections and garbled bodies. Requests with side effects are never repeated otherwise.
   */
  private async send(request: ApiRequest): Promise<RawResponse> {
    if (!request.path.startsWith('/') || request.path.startsWith('//')) throw new OktaInputError('Invalid request path.');
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined && value !== null && value !== '') search.append(key, String(value));
    }
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      // CR/LF in a header value would otherwise surface as a confusing socket error.
      if (value !== undefined && /[\u0000-\u001f\u007f]/.test(value)) throw new OktaInputError(`The ${name} header value contains control characters.`);
    }
    // URLSearchParams writes spaces as "+"; Okta documents %20 (a literal "+" is already %2B here).
    const target = search.size ? `${request.path}?${search.toString().replace(/\+/g, '%20')}` : request.path;
    const shownPath = this.#redact(target);
    const idempotent = request.method === 'GET';
    const bucket = rateLimitBucket(request.method, request.path);
    const { maxRetries } = this.#options;
    let retryFor: string | undefined;
    let rateLimitRetries = 0;

    for (let attempt = 1; ; attempt++) {
      let outcome: { response: RawResponse } | { failure: OktaNetworkError };
      let retryDelay: number | undefined;
      try {
        await this.#limits.acquire(bucket, request.signal, this.#options.maxRateLimitWaitMs);
      } catch (error) {
        if (error instanceof RateLimitWaitTooLong) throw this.rateLimitError(error.resetAtMs, bucket, request.method, shownPath);
        throw error;
      }
      try {
        await this.#slots.acquire(request.signal);
        try {
          outcome = await this.exchange(request, target, shownPath, attempt, retryFor, rateLimitRetries);
        } finally {
          this.#slots.release();
        }
        if ('response' in outcome) {
          const status = this.#limits.update(bucket, readRateLimitHeaders(outcome.response.headers));
          if (status) this.notifyRateLimit(status);
        }
      } finally {
        this.#limits.release(bucket);
      }

      const canRetry = attempt <= maxRetries;
      if ('failure' in outcome) {
        if (outcome.failure.kind === 'connection' && idempotent && canRetry) {
          retryDelay = this.backoff(attempt);
        } else {
          throw outcome.failure;
        }
      } else {
        const response = outcome.response;
        const requestId = requestIdOf(response.headers);
        if (response.status === 429 && isBucketExhausted(response)) {
          const delay = rateLimitResetDelayMs(readRateLimitHeaders(response.headers), Date.now()) ?? this.backoff(attempt);
          this.#limits.exhaust(bucket, Date.now() + delay);
          if (canRetry && delay <= this.#options.maxRateLimitWaitMs) {
            retryFor = requestId;
            rateLimitRetries++;
            continue; // acquire() waits for the reset
          }
          throw this.rateLimitError(Date.now() + delay, bucket, request.method, shownPath, response);
        }
        if (response.status >= 500 && idempotent && canRetry) {
          retryDelay = this.backoff(attempt);
        } else if (response.status >= 300) {
          throw this.httpError(response, request.method, shownPath);
        } else if (idempotent && canRetry && !response.json.ok && response.body !== '') {
          retryDelay = this.backoff(attempt); // a garbled body on GET: likely a broken hop, try again
        } else {
          return response;
        }
      }
      await abortableDelay(retryDelay, request.signal);
    }
  }

  /** One HTTP exchange. Never throws an axios error: everything becomes an OktaError. */
  private async exchange(
    request: ApiRequest, target: string, shownPath: string, attempt: number, retryFor: string | undefined, rateLimitRetries: number,
  ): Promise<{ response: RawResponse } | { failure: OktaNetworkError }> {
    const headers: Record<string, string> = {
      Authorization: this.#authorization,
      Accept: 'application/json',
      'User-Agent': this.#userAgent,
    };
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      if (value !== undefined && value !== '') headers[name] = value;
    }
    // Okta's own examples send JSON on every POST, body or not (axios would say form-urlencoded).
    if (request.method === 'POST' || request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (retryFor && rateLimitRetries > 0) {
      headers['X-Okta-Retry-For'] = retryFor;
      headers['X-Okta-Retry-Count'] = String(rateLimitRetries);
    }

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#options.timeoutMs);
    const onAbort = () => controller.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const started = performance.now();
    const log = (entry: Omit<RequestLogEntry, 'method' | 'path' | 'durationMs' | 'attempt'>) => this.notifyRequest({
      method: request.method, path: shownPath, durationMs: Math.round(performance.now() - started), attempt, ...entry,
    });
    const context: RequestContext = { method: request.method, path: shownPath };
    try {
      if (request.signal?.aborted) throw new Error('aborted');
      const res = await this.#http.request<string>({
        method: request.method,
        url: target,
        headers,
        data: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      });
      // Whatever the server echoes back (a request id, a reason phrase...) is scrubbed on arrival.
      const body = typeof res.data === 'string' ? res.data : res.data == null ? '' : String(res.data);
      const response: RawResponse = {
        status: res.status,
        statusText: this.#redact(res.statusText ?? ''),
        headers: headerRecord(res.headers, this.#redact),
        body,
        json: parseJsonText(body),
      };
      const requestId = requestIdOf(response.headers);
      const error = response.status >= 300 ? this.httpError(response, request.method, shownPath).message
        : response.body !== '' && !response.json.ok ? `The body is ${describeBody(response)}.` : undefined;
      log({ status: response.status, requestId, error });
      return { response };
    } catch (error) {
      const kind = request.signal?.aborted ? 'aborted' : timedOut ? 'timeout' : 'connection';
      const failure = new OktaNetworkError(kind, this.networkMessage(kind, error, request.method), context);
      log({ error: failure.message });
      return { failure };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
  }

  private httpError(response: RawResponse, method: string, shownPath: string): OktaApiError {
    const contentType = typeof response.headers['content-type'] === 'string' ? response.headers['content-type'] : undefined;
    return apiErrorFromResponse(response.status, response.statusText, this.#redact(response.body), contentType,
      { method, path: shownPath, requestId: requestIdOf(response.headers) });
  }

  /** Okta's 429 (or, without `response`, the one the last headers predict) with when to retry. */
  private rateLimitError(resetAtMs: number, bucket: string, method: string, shownPath: string, response?: RawResponse): OktaRateLimitError {
    const resetAt = new Date(resetAtMs);
    const base = response ? this.httpError(response, method, shownPath) : undefined;
    const summary = base?.errorSummary ?? 'API call exceeded rate limit due to too many requests.';
    const sent = response ? '' : ' No request was sent.';
    return new OktaRateLimitError(
      `Okta rate limit exceeded (E0000047, HTTP 429): the ${bucket} quota is used up until ${resetAt.toLocaleTimeString()}.${sent}`,
      { status: 429, errorCode: 'E0000047', errorSummary: summary, errorId: base?.errorId },
      resetAt,
      { method, path: shownPath, requestId: base?.requestId },
    );
  }

  private networkMessage(kind: 'connection' | 'timeout' | 'aborted', error: unknown, method: string): string {
    const host = new URL(this.orgUrl).host;
    const maybe = method === 'GET' ? '' : ' The change may have been made anyway; refresh to check before retrying.';
    if (kind === 'aborted') return 'The request was cancelled.';
    if (kind === 'timeout') return `Okta (${host}) did not answer within ${Math.round(this.#options.timeoutMs / 100) / 10} s.${maybe}`;
    const code = axios.isAxiosError(error) ? error.code : undefined;
    switch (code) {
      case 'ECONNREFUSED': return `Could not connect to ${host}: the connection was refused.`;
      case 'ENOTFOUND': case 'EAI_AGAIN': return `Could not find the host ${host}. Check the org URL and your network.`;
      case 'ECONNRESET': case 'EPIPE': case 'ERR_BAD_RESPONSE': case undefined:
        return `The connection to ${host} was dropped before Okta answered.${maybe}`;
      default:
        if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) {
          return `The TLS certificate of ${host} could not be verified (${code}).`;
        }
        return `Could not reach ${host} (${this.#redact(code)}).${maybe}`;
    }
  }

  private backoff(attempt: number): number {
    return backoffDelayMs(attempt, this.#options.retryBaseDelayMs, this.#options.maxRetryDelayMs);
  }

  private notifyRequest(entry: RequestLogEntry): void {
    try {
      this.#options.onRequest?.({ ...entry, path: this.#redact(entry.path), error: entry.error && this.#redact(entry.error) });
    } catch {
      // A failing log hook must not break the request.
    }
  }

  private notifyRateLimit(status: RateLimitStatus): void {
    try {
      this.#options.onRateLimit?.(status);
    } catch {
      // Same as above.
    }
  }
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function nonNegativeInteger(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

function requireBody(value: unknown, what: string): void {
  if (!value || typeof value !== 'object') throw new OktaInputError(`The ${what} is missing.`);
}

function headerRecord(headers: unknown, redact: (text: string) => string): Record<string, unknown> {
  const plain = headers && typeof (headers as { toJSON?: unknown }).toJSON === 'function'
    ? (headers as { toJSON(): Record<string, unknown> }).toJSON()
    : (headers as Record<string, unknown> | undefined) ?? {};
  const clean = (v: unknown): unknown => (typeof v === 'string' ? redact(v) : Array.isArray(v) ? v.map(clean) : v);
  return Object.fromEntries(Object.entries(plain).map(([k, v]) => [k.toLowerCase(), clean(v)]));
}

/** Per-factor throttles (one SMS per 30 s...) also answer 429, but waiting for the org bucket's reset does not help them. */
const FACTOR_THROTTLES = new Set(['E0000109', 'E0000118', 'E0000133', 'E0000146', 'E0000147', 'E0000204', 'E0000205']);

/**
 * A 429 is retried only when it is the org's rate limit: `X-Rate-Limit-Remaining: 0` (0/0 for the
 * concurrent limit). Activation attempts (5 per 5 min, E0000047) leave the bucket's remaining above 0.
 */
function isBucketExhausted(response: RawResponse): boolean {
  if (readRateLimitHeaders(response.headers).remaining !== 0) return false;
  const body = response.json.ok ? response.json.value as { errorCode?: unknown } | null : undefined;
  return !FACTOR_THROTTLES.has(String(body?.errorCode));
}

function requestIdOf(headers: Record<string, unknown>): string | undefined {
  const value = headers['x-okta-request-id'];
  return typeof value === 'string' && value ? value : undefined;
}

function parseJsonText(body: string): RawResponse['json'] {
  if (body === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

function hasShape(value: unknown, shape: 'array' | 'object'): boolean {
  return shape === 'array' ? Array.isArray(value) : !!value && typeof value === 'object' && !Array.isArray(value);
}

function describeBody(response: RawResponse): string {
  if (!response.body.trim()) return 'empty';
  const type = response.headers['content-type'];
  if (typeof type === 'string' && !JSON_TYPES.test(type)) return `${type.split(';')[0].trim()} content`;
  return response.json.ok ? 'JSON of another shape' : 'malformed JSON';
}
