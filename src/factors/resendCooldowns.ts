// Okta sends at most one code per phone every 30 s (sms/call) and one per address every 5 s
// (email), refusing earlier resends with 429. Tracking the cooldown per factor lets the UI say
// "wait 12 s" without a round trip. One instance, owned by the FactorService.

/** Seconds between two codes to the same phone or address, by factor type. */
export const RESEND_COOLDOWN_SECONDS: Record<string, number> = { sms: 30, call: 30, email: 5 };

/** Seconds Okta wants between two codes to this factor's phone or address. */
export function resendCooldownSeconds(factor: { factorType: string }): number {
  return RESEND_COOLDOWN_SECONDS[factor.factorType] ?? 30;
}

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
  start(key: string, seconds: number): void {
    const until = this.now() + seconds * 1000;
    this.until.set(key, Math.max(until, this.until.get(key) ?? 0));
  }

  /** Drops the cooldowns whose key matches (an org that was removed). */
  clear(matches: (key: string) => boolean): void {
    for (const key of [...this.until.keys()]) if (matches(key)) this.until.delete(key);
  }
}
