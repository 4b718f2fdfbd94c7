// The authorization server's DPoP nonces (RFC 9449 §8). A fresh nonce every ROTATE_MS of simulator
// time; the current and the previous one are accepted, so a client is not refused at a rotation.
import { randomBytes } from 'node:crypto';

const ROTATE_MS = 5 * 60_000;

interface Nonce {
  value: string;
  issuedAtMs: number;
}

export class DpopNonces {
  private current: Nonce | undefined;
  private previous: Nonce | undefined;

  /** The nonce to hand out now. */
  issue(nowMs: number): string {
    if (!this.current || nowMs - this.current.issuedAtMs >= ROTATE_MS) {
      this.previous = this.current;
      this.current = { value: randomBytes(24).toString('base64url'), issuedAtMs: nowMs };
    }
    return this.current.value;
  }

  accepts(nonce: unknown, nowMs: number): boolean {
    if (typeof nonce !== 'string') return false;
    const live = (n: Nonce | undefined) => n !== undefined && n.value === nonce && nowMs - n.issuedAtMs < 2 * ROTATE_MS;
    return live(this.current) || live(this.previous);
  }

  clear(): void {
    this.current = undefined;
    this.previous = undefined;
  }
}
