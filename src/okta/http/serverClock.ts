// How far the org's clock is from ours, from its `Date` header. Date has whole seconds (truncated)
// and was stamped somewhere between our send and our receipt, so each answer bounds the offset
// (server minus local) to [Date - received, Date + 1 s - sent]. Intersecting the bounds of many
// answers, stamped at different points of a second, narrows them to about a round trip.

export interface OffsetBounds {
  /** ms; the server clock is at least this far ahead of ours (negative: behind). */
  low: number;
  /** ms; at most this far ahead. */
  high: number;
}

export class ServerClock {
  private bounds: OffsetBounds | undefined;

  /** Records one answer: its `Date` (epoch ms) and our local send and receive times. */
  observe(dateMs: number, sentAtMs: number, receivedAtMs: number): void {
    const low = dateMs - receivedAtMs;
    const high = dateMs + 1000 - sentAtMs;
    if (!this.bounds || low > this.bounds.high || high < this.bounds.low) {
      // First answer, or no offset fits both: one of the clocks was set. Start again from this answer.
      this.bounds = { low, high };
      return;
    }
    this.bounds = { low: Math.max(this.bounds.low, low), high: Math.min(this.bounds.high, high) };
  }

  /** The offset's bounds; without any `Date` seen yet the local clock is taken as the server's. */
  offset(): OffsetBounds {
    return this.bounds ?? { low: 0, high: 0 };
  }
}
