// Okta sends at most one enrollment code per device every 30 s (sms/call) and refuses earlier
// resends with 429. Tracking the cooldown per factor lets the UI say "wait 12 s" without a round trip.

export const RESEND_COOLDOWN_SECONDS = 30;

export class ResendCooldowns {
  private readonly until = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Whole seconds left before `key` may resend again; 0 when it may resend now. */
  remainingSeconds(key: string): number {
    const until = this.until.get(key);
    if (until === undefined) return 0;
    const left = Math.ceil((until - this.now()) / 1000);
    if (left > 0) return left;
    this.until.delete(key);
    return 0;
  }

  /** Starts (or extends, when the server asks for longer) the cooldown for `key`. */
  start(key: string, seconds: number = RESEND_COOLDOWN_SECONDS): void {
    const until = this.now() + seconds * 1000;
    this.until.set(key, Math.max(until, this.until.get(key) ?? 0));
  }
}
