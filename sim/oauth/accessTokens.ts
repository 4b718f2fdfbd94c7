// Access tokens the token endpoint issued: opaque random strings, kept by their SHA-256 (lookups do
// not compare the secret itself), expiring after Okta's fixed hour, bound to a DPoP key thumbprint
// when the app requires DPoP. Bounded: expired grants are dropped, and the oldest past the limit.
import { createHash, randomBytes } from 'node:crypto';

export const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;
const MAX_LIVE_TOKENS = 20_000;

export interface Grant {
  clientId: string;
  scopes: readonly string[];
  /** JWK thumbprint of the DPoP key the token is bound to; none for Bearer tokens. */
  jkt?: string;
}

export interface IssuedToken extends Grant {
  expiresAtMs: number;
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export class AccessTokens {
  private readonly byDigest = new Map<string, IssuedToken>();

  issue(grant: Grant, nowMs: number): string {
    for (const [key, issued] of this.byDigest) {
      if (issued.expiresAtMs > nowMs && this.byDigest.size < MAX_LIVE_TOKENS) break;
      this.byDigest.delete(key);
    }
    const token = randomBytes(32).toString('base64url');
    this.byDigest.set(digest(token), { ...grant, expiresAtMs: nowMs + ACCESS_TOKEN_LIFETIME_SECONDS * 1000 });
    return token;
  }

  /** The grant behind a token, expired or not (the caller tells the two apart). */
  find(token: string): IssuedToken | undefined {
    return this.byDigest.get(digest(token));
  }

  /** Revokes every token of one app; how many there were. */
  revokeFor(clientId: string): number {
    let revoked = 0;
    for (const [key, issued] of this.byDigest) {
      if (issued.clientId !== clientId) continue;
      this.byDigest.delete(key);
      revoked++;
    }
    return revoked;
  }

  clear(): void {
    this.byDigest.clear();
  }
}
