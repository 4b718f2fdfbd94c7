// Okta rate limits: which bucket a request counts against, how long a 429 asks us to wait, and a
// per-bucket tracker that holds requests back before the quota runs out (so bulk work never hits 429).
import { cancelledError, type OktaNetworkError } from './errors';

/** What the client reports after each response carrying rate-limit headers. */
export interface RateLimitStatus {
  limit: number;
  remaining: number;
  resetAt: Date;
  bucket?: string;
}

/**
 * The bucket a request counts against, named like Okta's rate-limit table: all factor paths share
 * `/api/v1/users` with the user list, verify has its own, and GET of one user has its own.
 */
export function rateLimitBucket(method: string, path: string): string {
  const p = path.split('?')[0];
  if (method === 'POST' && /^\/api\/v1\/users\/[^/]+\/factors\/[^/]+\/verify$/.test(p)) {
    return '/api/v1/users/{userId}/factors/{factorId}/verify';
  }
  if (method === 'GET' && /^\/api\/v1\/users\/[^/]+$/.test(p)) return '/api/v1/users/{id}';
  if (p === '/api/v1/users' || p.startsWith('/api/v1/users/')) return '/api/v1/users';
  return p;
}

export interface RateLimitHeaders {
  limit?: number;
  remaining?: number;
  /** Epoch seconds. */
  reset?: number;
  /** The response's `Date`, epoch ms. */
  dateMs?: number;
}

type HeaderBag = Record<string, unknown>;

function singleInteger(value: unknown): number | undefined {
  // Several values (duplicate headers joined with commas) are ambiguous: ignore them, like the SDKs.
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

export function readRateLimitHeaders(headers: HeaderBag): RateLimitHeaders {
  const date = typeof headers['date'] === 'string' ? Date.parse(headers['date']) : NaN;
  return {
    limit: singleInteger(headers['x-rate-limit-limit']),
    remaining: singleInteger(headers['x-rate-limit-remaining']),
    reset: singleInteger(headers['x-rate-limit-reset']),
    dateMs: Number.isFinite(date) ? date : undefined,
  };
}

/** Clock-skew allowance added to every reset wait, as Okta's SDKs do. */
export const RESET_SKEW_MS = 1000;

/**
 * The longest a reset is believed: Okta's windows are at most a minute, so a reset further away
 * (a far-future `X-Rate-Limit-Reset`, a `Date` skewed by a broken hop) is not a window but a fault,
 * and must not hold the bucket for hours.
 */
export const MAX_RESET_DELAY_MS = 60_000 + RESET_SKEW_MS;

/**
 * How long to wait until the window resets: `reset - Date + 1 s`, measured against the response's
 * own `Date` so a skewed local clock does not matter (local clock only when `Date` is missing),
 * and never more than MAX_RESET_DELAY_MS. Undefined when there is no usable reset header.
 */
export function rateLimitResetDelayMs(h: RateLimitHeaders, nowMs: number): number | undefined {
  if (h.reset === undefined) return undefined;
  const reference = h.dateMs ?? nowMs;
  return Math.min(MAX_RESET_DELAY_MS, Math.max(0, h.reset * 1000 - reference) + RESET_SKEW_MS);
}

/**
 * Exponential backoff with equal jitter for retrying transient failures: attempt 1 waits between
 * base/2 and base, each further attempt doubles that, capped at `maxMs`.
 */
export function backoffDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The bucket is spent until `resetAtMs` (local clock), longer than the caller is willing to wait. */
export class RateLimitWaitTooLong extends Error {
  constructor(readonly resetAtMs: number) {
    super('Rate limit reset too far away.');
  }
}

interface BucketState {
  limit: number;
  /** Requests we may still start before the reset (server's count minus what we started since). */
  remaining: number;
  /** Local clock, ms; Infinity while a new window's reset is not known yet. */
  resetAtMs: number;
  /** The bucket answers without rate-limit headers (not Okta, or a proxy strips them): no throttling. */
  untracked?: boolean;
}

/**
 * Throttling rule, per bucket:
 * - first contact: one request goes out alone; its headers tell the others what is left;
 * - then each request takes one unit of `remaining`; when none is left it waits for the reset
 *   (plus skew) instead of earning a 429;
 * - when a window ends the new one is assumed full (`limit`), until a response says otherwise;
 * - a 429 (`exhaust`) or a concurrent-limit answer (0/0) holds the bucket until the reset.
 * Waiters wake on every response and every finished request, so nobody waits longer than needed.
 */
export class RateLimitTracker {
  private readonly buckets = new Map<string, BucketState>();
  private readonly pending = new Map<string, number>();
  private readonly waiters = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Waits until `bucket` has quota, then takes one unit of it. Returns the ms spent waiting. Throws
   * RateLimitWaitTooLong, without waiting, when the reset is further away than `maxWaitMs`.
   */
  async acquire(bucket: string, signal?: AbortSignal, maxWaitMs = Infinity): Promise<number> {
    const started = this.now();
    for (;;) {
      let state = this.buckets.get(bucket);
      if (state && !state.untracked && this.now() >= state.resetAtMs) {
        state = { limit: state.limit, remaining: Math.max(1, state.limit), resetAtMs: Infinity };
        this.buckets.set(bucket, state);
      }
      const inFlight = this.pending.get(bucket) ?? 0;
      // Without news, one request at a time finds out the bucket's state.
      const probe = inFlight === 0 && (!state || state.resetAtMs === Infinity);
      if (state?.untracked || (state && state.remaining > 0) || probe) {
        if (state && !state.untracked && state.remaining > 0) state.remaining--;
        this.pending.set(bucket, inFlight + 1);
        return this.now() - started;
      }
      const wait = state ? state.resetAtMs - this.now() : Infinity;
      if (state && Number.isFinite(wait) && wait > maxWaitMs) throw new RateLimitWaitTooLong(state.resetAtMs);
      await this.nextChange(wait, signal);
    }
  }

  /** Called when a request of `bucket` finished (any outcome). */
  release(bucket: string): void {
    const next = (this.pending.get(bucket) ?? 0) - 1;
    if (next <= 0) this.pending.delete(bucket);
    else this.pending.set(bucket, next);
    this.wakeAll();
  }

  /** Records a response's headers; returns the status to report, if the headers were complete. */
  update(bucket: string, h: RateLimitHeaders): RateLimitStatus | undefined {
    const state = this.buckets.get(bucket);
    const delay = rateLimitResetDelayMs(h, this.now());
    if (h.limit === undefined || h.remaining === undefined || delay === undefined) {
      if (!state) this.set(bucket, { limit: 0, remaining: 0, resetAtMs: Infinity, untracked: true });
      return undefined;
    }
    const resetAtMs = this.now() + delay;
    // Requests still in flight (other than this one) will also count at the server.
    const remaining = Math.max(0, h.remaining - Math.max(0, (this.pending.get(bucket) ?? 0) - 1));
    if (h.limit === 0 && h.remaining === 0) {
      // Concurrent-limit violation: Okta reports 0/0 and the reset is only an estimate.
      this.set(bucket, { limit: state?.limit ?? 0, remaining: 0, resetAtMs });
    } else if (!state || state.untracked || state.resetAtMs === Infinity
      || resetAtMs > state.resetAtMs + RESET_SKEW_MS || remaining < state.remaining) {
      // Unknown, a new window, or the server counts fewer left than we assumed: trust the server.
      this.set(bucket, { limit: h.limit, remaining, resetAtMs });
    }
    return { limit: h.limit, remaining: h.remaining, resetAt: new Date(resetAtMs), bucket };
  }

  /** Marks a bucket exhausted until `resetAtMs` (after a 429). */
  exhaust(bucket: string, resetAtMs: number): void {
    const state = this.buckets.get(bucket);
    this.set(bucket, { limit: state?.untracked ? 0 : state?.limit ?? 0, remaining: 0, resetAtMs });
  }

  private set(bucket: string, state: BucketState): void {
    this.buckets.set(bucket, state);
    this.wakeAll();
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** Sleeps until `ms` passed or a bucket changed (response, finished request), whichever is first. */
  private nextChange(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const finish = (error?: OktaNetworkError) => {
        if (timer) clearTimeout(timer);
        this.waiters.delete(wake);
        signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve();
      };
      const wake = () => finish();
      const onAbort = () => finish(cancelledError(signal?.reason));
      const timer = Number.isFinite(ms) ? setTimeout(wake, Math.max(0, ms)) : undefined;
      this.waiters.add(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) onAbort();
    });
  }
}
