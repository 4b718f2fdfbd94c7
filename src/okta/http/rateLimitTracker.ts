// Throttling ahead, per bucket of one org, so that bulk work runs as fast as the rate limit allows
// without earning a 429:
// - a window is recognised by its `X-Rate-Limit-Reset`: a later reset is a new window, the same
//   reset the same window, an earlier one a late answer from a window already over;
// - within a window each request takes one unit of `limit - ours - others'` (ours counted as we
//   send, others' from what the server reports beyond ours);
// - when a window is spent, requests wait for its end as a local deadline: the reset converted with
//   the org's clock offset at its lower bound (the latest the end can be here), plus a small guard;
//   the guard doubles whenever a 429 shows the server still counting a window believed over;
// - each new window (and first contact) is probed by one request alone; its answer releases the rest;
// - "too long to wait" is judged against the earliest the reset can be, and no reset is believed
//   further than MAX_RESET_DELAY_MS, so a hostile header cannot hold a bucket for long.
// Waiters wake on every answer and every finished request, so nobody waits longer than needed.
import { cancelledError, type OktaNetworkError } from '../errors';
import { MAX_RESET_DELAY_MS, RateLimitWaitTooLong, type RateLimitHeaders, type RateLimitStatus } from './rateLimits';
import { ServerClock } from './serverClock';

/** The guard added to a converted reset, and its ceiling after 429s doubled it. */
export const MIN_RESET_GUARD_MS = 25;
export const MAX_RESET_GUARD_MS = 2000;

interface Window {
  /** End of the window on the server's clock, epoch ms (the reset header). */
  resetMs: number;
  limit: number;
  /** Our requests the server may count in this window. */
  ours: number;
  /** Requests of other clients the server counted in this window, at least. */
  others: number;
  /** A concurrent-limit answer (0/0): nothing more until the (estimated) reset. */
  blocked: boolean;
  /** Local time of the first answer from this window; bounds how long the window is believed. */
  firstSeenAtMs: number;
  /** Local time before which the window is not believed over (set when a probe found it still running). */
  notOverBeforeMs: number;
}

interface BucketState {
  /** Undefined on first contact and once the window is believed over: the next request probes. */
  window?: Window;
  /** The reset of the window last believed over, to spot answers that show it still running. */
  endedResetMs?: number;
  probing: boolean;
  inFlight: number;
  guardMs: number;
  /** Answers come without rate-limit headers (not Okta, or a proxy strips them): no throttling. */
  untracked: boolean;
}

/** One request's claim on its bucket, from `acquire` to `finish`. */
export interface RateLimitTicket {
  readonly bucket: string;
  readonly probe: boolean;
  /** Local time the request went on the wire (set by `sending`). */
  sentAtMs: number;
}

/** What `finish` needs of an answer. */
export interface RateLimitAnswer {
  status: number;
  headers: RateLimitHeaders;
}

export class RateLimitTracker {
  readonly clock = new ServerClock();
  private readonly buckets = new Map<string, BucketState>();
  private readonly waiters = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Waits until `bucket` has quota, then claims one unit of it. Throws RateLimitWaitTooLong,
   * without waiting, when even the earliest possible reset is further away than `maxWaitMs`.
   */
  async acquire(bucket: string, signal?: AbortSignal, maxWaitMs = Infinity): Promise<RateLimitTicket> {
    const state = this.stateOf(bucket);
    for (;;) {
      if (signal?.aborted) throw cancelledError(signal.reason);
      const now = this.now();
      if (state.window && now >= this.latestEnd(state, state.window)) {
        state.endedResetMs = state.window.resetMs;
        state.window = undefined;
      }
      const window = state.window;
      if (state.untracked || (window && !window.blocked && window.limit - window.ours - window.others > 0)) {
        if (window && !state.untracked) window.ours++;
        return this.claim(state, bucket, false);
      }
      if (!window && !state.probing) {
        state.probing = true;
        return this.claim(state, bucket, true);
      }
      let wait = Infinity; // a probe is out: its answer wakes us
      if (window) {
        if (this.earliestEnd(window) - now > maxWaitMs) throw new RateLimitWaitTooLong(this.latestEnd(state, window));
        wait = this.latestEnd(state, window) - now;
      }
      await this.nextChange(wait, signal);
    }
  }

  /** Marks the moment the request goes on the wire (after waiting for a connection slot). */
  sending(ticket: RateLimitTicket): void {
    ticket.sentAtMs = this.now();
  }

  /**
   * Ends a claim: with the answer, if one came (any status), or without (a network failure).
   * Returns the status to report when the answer carried complete rate-limit headers.
   */
  finish(ticket: RateLimitTicket, answer?: RateLimitAnswer): RateLimitStatus | undefined {
    const state = this.stateOf(ticket.bucket);
    state.inFlight--;
    if (ticket.probe) state.probing = false;
    try {
      return answer && this.learn(state, ticket, answer);
    } finally {
      this.wakeAll();
    }
  }

  /** When a spent bucket frees up: the earliest possible and the believed (latest) reset, local ms. */
  resetEstimate(bucket: string): { earliestMs: number; latestMs: number } | undefined {
    const state = this.buckets.get(bucket);
    if (!state?.window) return undefined;
    return { earliestMs: this.earliestEnd(state.window), latestMs: this.latestEnd(state, state.window) };
  }

  private learn(state: BucketState, ticket: RateLimitTicket, { status, headers: h }: RateLimitAnswer): RateLimitStatus | undefined {
    const receivedAtMs = this.now();
    if (h.dateMs !== undefined) this.clock.observe(h.dateMs, ticket.sentAtMs, receivedAtMs);
    if (h.limit === undefined || h.remaining === undefined || h.reset === undefined) {
      if (!state.window && state.endedResetMs === undefined) state.untracked = true;
      return undefined;
    }
    state.untracked = false;
    const resetMs = h.reset * 1000;
    const concurrentLimit = h.limit === 0 && h.remaining === 0;
    let window = state.window;
    if (window && resetMs < window.resetMs) {
      // A late answer from a window already over: nothing to learn about the current one.
    } else if (window && resetMs === window.resetMs) {
      if (!concurrentLimit) window.limit = h.limit;
    } else {
      let notOverBeforeMs = 0;
      if (!window && resetMs === state.endedResetMs && ticket.probe && status === 429) {
        // The server still counts the window we believed over: our deadline was early.
        state.guardMs = Math.min(MAX_RESET_GUARD_MS, state.guardMs * 2);
        notOverBeforeMs = receivedAtMs + state.guardMs;
      }
      // Ours: this request and every other one still in flight may count in this window.
      window = {
        resetMs, limit: concurrentLimit ? 0 : h.limit, ours: 1 + state.inFlight, others: 0, blocked: false,
        firstSeenAtMs: receivedAtMs, notOverBeforeMs,
      };
      state.window = window;
    }
    if (window.resetMs === resetMs) {
      if (concurrentLimit) window.blocked = true;
      else window.others = Math.max(window.others, h.limit - h.remaining - window.ours);
    }
    return { limit: h.limit, remaining: h.remaining, resetAt: new Date(this.latestEnd(state, window)), bucket: ticket.bucket };
  }

  /** The latest the window can end on our clock (offset at its lower bound), plus the guard. */
  private latestEnd(state: BucketState, window: Window): number {
    const converted = Math.max(window.resetMs - this.clock.offset().low + state.guardMs, window.notOverBeforeMs);
    return Math.min(converted, window.firstSeenAtMs + MAX_RESET_DELAY_MS);
  }

  /** The earliest the window can end on our clock (offset at its upper bound). */
  private earliestEnd(window: Window): number {
    return Math.min(window.resetMs - this.clock.offset().high, window.firstSeenAtMs + MAX_RESET_DELAY_MS);
  }

  private claim(state: BucketState, bucket: string, probe: boolean): RateLimitTicket {
    state.inFlight++;
    return { bucket, probe, sentAtMs: this.now() };
  }

  private stateOf(bucket: string): BucketState {
    let state = this.buckets.get(bucket);
    if (!state) {
      state = { probing: false, inFlight: 0, guardMs: MIN_RESET_GUARD_MS, untracked: false };
      this.buckets.set(bucket, state);
    }
    return state;
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** Sleeps until `ms` passed or a bucket changed (an answer, a finished request), whichever is first. */
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
