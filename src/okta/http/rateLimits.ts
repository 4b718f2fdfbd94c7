// Okta rate limits: which bucket a request counts against, what the rate-limit headers say, and
// the bounds every wait respects. The throttle itself is RateLimitTracker (rateLimitTracker.ts).

/** What the client reports after each response carrying rate-limit headers. */
export interface RateLimitStatus {
  limit: number;
  remaining: number;
  resetAt: Date;
  bucket?: string;
}

/**
 * The bucket a request counts against, named like Okta's rate-limit table: all factor paths share
 * `/api/v1/users` with the user list, verify has its own, GET of one user has its own, and so has
 * the System Log (so polling it is paced apart from the users calls).
 */
export function rateLimitBucket(method: string, path: string): string {
  const p = path.split('?')[0];
  if (p === '/api/v1/logs') return '/api/v1/logs';
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

/**
 * The longest a reset is believed: Okta's windows are at most a minute (plus the second the reset
 * header's resolution adds), so a reset further away (a far-future `X-Rate-Limit-Reset`, a `Date`
 * skewed by a broken hop) is not a window but a fault, and must not hold the bucket for hours.
 */
export const MAX_RESET_DELAY_MS = 61_000;

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
