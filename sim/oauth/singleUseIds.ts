// Identifiers that may be used once (assertion and DPoP proof `jti`s). Each is remembered until the
// JWT carrying it could no longer be accepted anyway; the memory is bounded.
const MAX_REMEMBERED = 20_000;

export class SingleUseIds {
  /** id -> when it may be forgotten (ms), in insertion order. */
  private readonly seen = new Map<string, number>();

  /** Records the id; false when it was already used. */
  use(id: string, forgetAtMs: number, nowMs: number): boolean {
    this.forgetExpired(nowMs);
    if (this.seen.has(id)) return false;
    if (this.seen.size >= MAX_REMEMBERED) this.seen.delete(this.seen.keys().next().value as string);
    this.seen.set(id, forgetAtMs);
    return true;
  }

  clear(): void {
    this.seen.clear();
  }

  /** Drops expired entries from the oldest on; stops at the first live one (bounded, and an entry kept a little longer only refuses a JWT that is expired anyway). */
  private forgetExpired(nowMs: number): void {
    for (const [id, forgetAtMs] of this.seen) {
      if (forgetAtMs > nowMs) return;
      this.seen.delete(id);
    }
  }
}
