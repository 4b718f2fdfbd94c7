// The org's System Log: events in the order they were recorded, each with the time it was
// published and the time it was persisted (visible to queries). The settings are per org (a reset
// restores the defaults): `delaySeconds` makes events visible that long after they happened while
// `published` stays the real time (how late events look in Okta), and `tokenOwnerMayReadLogs: false`
// stands for an admin whose roles do not include reading the System Log (403 for SSWS and the
// start-up Bearer tokens).
import type { LogEventJson } from './logEvent';

/** Okta returns no event older than this (docs: "System Log data older than 90 days isn't returned"). */
export const RETENTION_MS = 90 * 24 * 3600 * 1000;
/** A long-running demo org keeps at most this many events (the oldest go first). */
const MAX_EVENTS = 20_000;
const MAX_DELAY_SECONDS = 24 * 3600;

export interface StoredEvent {
  /** Recording order; breaks ties between equal times. */
  seq: number;
  publishedMs: number;
  /** When the event became visible: published + the delay in force when it was recorded. */
  persistedMs: number;
  event: LogEventJson;
}

export interface LogSettings {
  delaySeconds: number;
  tokenOwnerMayReadLogs: boolean;
}

export class SystemLog {
  readonly settings: LogSettings = { delaySeconds: 0, tokenOwnerMayReadLogs: true };
  private readonly events: StoredEvent[] = [];
  private nextSeq = 0;

  append(event: LogEventJson, publishedMs: number): void {
    this.events.push({ seq: this.nextSeq++, publishedMs, persistedMs: publishedMs + this.settings.delaySeconds * 1000, event });
    // Events are appended in published order (the clock only moves forward), so the expired ones are at the front.
    let expired = 0;
    while (expired < this.events.length && this.events[expired].publishedMs < publishedMs - RETENTION_MS) expired++;
    const excess = Math.max(expired, this.events.length - MAX_EVENTS);
    if (excess > 0) this.events.splice(0, excess);
  }

  /** Events a query at `nowMs` may see: persisted by then, published within the retention window. */
  visible(nowMs: number): StoredEvent[] {
    return this.events.filter((e) => e.persistedMs <= nowMs && e.publishedMs >= nowMs - RETENTION_MS);
  }

  /** Applies all changes or, when one is invalid, none. */
  configure(changes: Record<string, unknown>): LogSettings {
    const next = { ...this.settings };
    for (const [name, value] of Object.entries(changes)) {
      if (name === 'delaySeconds') {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_DELAY_SECONDS) {
          throw new Error(`"delaySeconds" must be a whole number of seconds from 0 to ${MAX_DELAY_SECONDS}.`);
        }
        next.delaySeconds = value;
      } else if (name === 'tokenOwnerMayReadLogs') {
        if (typeof value !== 'boolean') throw new Error('"tokenOwnerMayReadLogs" must be true or false.');
        next.tokenOwnerMayReadLogs = value;
      } else {
        throw new Error(`Unknown System Log setting "${name}".`);
      }
    }
    Object.assign(this.settings, next);
    return { ...this.settings };
  }
}
