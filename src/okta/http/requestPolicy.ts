// When and how often a request goes out: it waits for rate-limit quota and a connection slot of
// its org, retries after the org's 429 (any method: Okta did not act on it) and, for GET only,
// after 5xx, dropped connections and garbled bodies. Requests with side effects are never
// repeated otherwise. Every exchange is reported to the request log, every rate-limit reading to
// the status bar.
import { abortableDelay } from '../../util/abortableDelay';
import { prepareRequest, type ApiRequest, type PreparedRequest } from './apiRequest';
import { oktaErrorCode, RATE_LIMIT_CODE } from '../errorCodes';
import { cancelledError, OktaRateLimitError } from '../errors';
import type { OrgTraffic } from './orgTraffic';
import { backoffDelayMs, rateLimitBucket, RateLimitWaitTooLong, readRateLimitHeaders, type RateLimitStatus } from './rateLimits';
import type { RateLimitTicket } from './rateLimitTracker';
import type { Renewal, RequestAuthorizer } from '../auth/requestAuthorizer';
import type { RequestLogEntry } from './requestLogEntry';
import { describeBody, requestIdOf, responseError, type RawResponse } from './rawResponse';
import { anySignal } from '../../util/signals';
import type { ExchangeOutcome, HttpTransport } from './transport';
import { waitText } from '../../util/waitText';

export type { RequestLogEntry } from './requestLogEntry';

export interface RequestPolicyOptions {
  maxRetries: number;
  retryBaseDelayMs: number;
  maxRetryDelayMs: number;
  maxRateLimitWaitMs: number;
  redact: (text: string) => string;
  /** Ends all work of this client: calls on the wire, calls still waiting, and every later call. */
  workSignal?: AbortSignal;
  onRequest?: (entry: RequestLogEntry) => void;
  onRateLimit?: (status: RateLimitStatus) => void;
}


export class RequestPolicy {
  readonly #transport: HttpTransport;
  readonly #traffic: OrgTraffic;
  readonly #authorizer: RequestAuthorizer;
  readonly #options: RequestPolicyOptions;

  constructor(transport: HttpTransport, traffic: OrgTraffic, authorizer: RequestAuthorizer, options: RequestPolicyOptions) {
    this.#transport = transport;
    this.#traffic = traffic;
    this.#authorizer = authorizer;
    this.#options = options;
  }

  /** Sends one logical request and returns its answer (status < 300) or throws an OktaError. */
  async send(request: ApiRequest): Promise<RawResponse> {
    const prepared = prepareRequest(request, this.#options.redact);
    const signal = anySignal(request.signal, this.#options.workSignal);
    if (signal?.aborted) throw cancelledError(signal.reason, { method: prepared.method, path: prepared.shownPath });
    const { limits, slots } = this.#traffic;
    const bucket = rateLimitBucket(prepared.method, prepared.path);
    let retryFor: string | undefined;
    let rateLimitRetries = 0;
    /** Each kind at most once: a token refused again after its renewal, or a nonce after the new one, is the error. */
    const renewed = new Set<Renewal>();

    for (let attempt = 1; ; attempt++) {
      // Credentials first (a service app's token request), so no quota or slot is held meanwhile.
      await this.#authorizer.ready(signal, this.#options.onRequest);
      let ticket: RateLimitTicket;
      try {
        ticket = await limits.acquire(bucket, signal, this.#options.maxRateLimitWaitMs);
      } catch (error) {
        if (error instanceof RateLimitWaitTooLong) throw this.rateLimitError(error.resetAtMs, bucket, prepared);
        throw error;
      }
      let outcome: ExchangeOutcome | undefined;
      let retryDelay: number | undefined;
      try {
        await slots.acquire(signal);
        try {
          const retryHeaders: Record<string, string> = retryFor && rateLimitRetries > 0
            ? { 'X-Okta-Retry-For': retryFor, 'X-Okta-Retry-Count': String(rateLimitRetries) } : {};
          const credentials = await this.#authorizer.forAttempt(prepared);
          limits.sending(ticket);
          outcome = await this.#transport.exchange(prepared, { headers: { ...credentials.headers, ...retryHeaders }, body: credentials.body }, signal);
        } finally {
          slots.release();
        }
        this.log(prepared, attempt, outcome);
      } finally {
        const answer = outcome && 'response' in outcome
          ? { status: outcome.response.status, headers: readRateLimitHeaders(outcome.response.headers) } : undefined;
        const status = limits.finish(ticket, answer);
        if (status) this.notifyRateLimit(status);
      }

      const canRetry = attempt - renewed.size <= this.#options.maxRetries; // re-sends with renewed credentials are not retries
      if ('failure' in outcome) {
        if (outcome.failure.kind === 'connection' && prepared.repeatable && canRetry) {
          retryDelay = this.backoff(attempt);
        } else {
          throw outcome.failure;
        }
      } else {
        const response = outcome.response;
        const renewal = this.#authorizer.answered(response, prepared);
        if (renewal && !renewed.has(renewal)) {
          renewed.add(renewal);
          continue;
        }
        if (response.status === 429 && isBucketExhausted(response)) {
          // Judged, like any wait, against the earliest the reset can be.
          const reset = limits.resetEstimate(bucket);
          if (!canRetry || (reset && reset.earliestMs - Date.now() > this.#options.maxRateLimitWaitMs)) {
            throw this.rateLimitError(reset?.latestMs ?? Date.now(), bucket, prepared, response);
          }
          retryFor = requestIdOf(response.headers);
          rateLimitRetries++;
          if (reset) continue; // acquire() waits for the reset
          retryDelay = this.backoff(attempt); // no usable reset header: back off instead
        } else if (response.status >= 500 && prepared.repeatable && canRetry) {
          retryDelay = this.backoff(attempt);
        } else if (response.status >= 300) {
          const error = responseError(response, { method: prepared.method, path: prepared.shownPath }, this.#options.redact);
          throw this.#authorizer.explain(error, response, prepared, renewed);
        } else if (prepared.repeatable && canRetry && !response.json.ok && response.body !== '') {
          retryDelay = this.backoff(attempt); // a garbled body on GET: likely a broken hop, try again
        } else {
          return response;
        }
      }
      await abortableDelay(retryDelay, signal, cancelledError);
    }
  }

  /** Okta's 429 (or, without `response`, the one the last headers predict) with how long until the reset. */
  private rateLimitError(resetAtMs: number, bucket: string, request: PreparedRequest, response?: RawResponse): OktaRateLimitError {
    const context = { method: request.method, path: request.shownPath };
    const base = response ? responseError(response, context, this.#options.redact) : undefined;
    const summary = base?.errorSummary ?? 'API call exceeded rate limit due to too many requests.';
    const sent = response ? '' : ' No request was sent.';
    return new OktaRateLimitError(
      `Okta rate limit exceeded (E0000047, HTTP 429): the ${bucket} quota is used up; it resets ${waitText(resetAtMs - Date.now())}.${sent}`,
      { status: 429, errorCode: RATE_LIMIT_CODE, errorSummary: summary, errorId: base?.errorId },
      new Date(resetAtMs),
      { ...context, requestId: base?.requestId },
    );
  }

  private backoff(attempt: number): number {
    return backoffDelayMs(attempt, this.#options.retryBaseDelayMs, this.#options.maxRetryDelayMs);
  }

  private log(request: PreparedRequest, attempt: number, outcome: ExchangeOutcome): void {
    const { redact, onRequest } = this.#options;
    if (!onRequest) return;
    const base = { method: request.method, path: request.shownPath, durationMs: outcome.durationMs, attempt };
    let entry: RequestLogEntry;
    if ('failure' in outcome) {
      entry = { ...base, error: outcome.failure.message };
    } else {
      const { response } = outcome;
      const error = response.status >= 300 ? responseError(response, { method: request.method, path: request.shownPath }, redact).message
        : response.body !== '' && !response.json.ok ? `The body is ${describeBody(response)}.` : undefined;
      entry = { ...base, status: response.status, requestId: requestIdOf(response.headers), error };
    }
    try {
      onRequest({ ...entry, path: redact(entry.path), error: entry.error && redact(entry.error) });
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

/**
 * A 429 is retried only when it is the org's rate limit: `X-Rate-Limit-Remaining: 0` (0/0 for the
 * concurrent limit). Activation attempts (5 per 5 min, E0000047) leave the bucket's remaining above 0;
 * per-factor send throttles (one SMS per 30 s...) also answer 429, but the bucket's reset does not help them.
 */
function isBucketExhausted(response: RawResponse): boolean {
  if (readRateLimitHeaders(response.headers).remaining !== 0) return false;
  const body = response.json.ok ? response.json.value as { errorCode?: unknown } | null : undefined;
  return oktaErrorCode(String(body?.errorCode))?.kind !== 'send-throttle';
}
