// One line of the request log and the rate-limit headroom text. Free of `vscode` for unit tests.
// The entries come from OktaClient's hooks, which carry the path only: never the origin or the token.
import type { RequestLogEntry } from '../okta/client';
import type { RateLimitStatus } from '../okta/http/rateLimits';

/** `GET /api/v1/users?limit=25 -> 200 (41 ms) [req abc]` */
export function formatRequestLine(entry: RequestLogEntry): string {
  const outcome = entry.status !== undefined ? String(entry.status) : `failed: ${entry.error ?? 'no response'}`;
  const retry = entry.attempt > 1 ? `, attempt ${entry.attempt}` : '';
  const requestId = entry.requestId ? ` [req ${entry.requestId}]` : '';
  return `${entry.method} ${entry.path} -> ${outcome} (${Math.round(entry.durationMs)} ms${retry})${requestId}`;
}

export function isRequestFailure(entry: RequestLogEntry): boolean {
  return entry.status === undefined || entry.status >= 400;
}

/** Headroom below this fraction of the limit is shown in the status bar. */
export const LOW_HEADROOM = 0.2;

export function isRateLimitLow(status: RateLimitStatus): boolean {
  return status.limit > 0 && status.remaining / status.limit < LOW_HEADROOM;
}

/** `Okta: 12/600 requests left` */
export function rateLimitText(status: RateLimitStatus): string {
  return `Okta: ${status.remaining}/${status.limit} requests left`;
}
