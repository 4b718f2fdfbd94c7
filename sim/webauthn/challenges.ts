// Challenges the org handed out, each usable once and for a limited time. An activation challenge
// belongs to its pending factor; a verify challenge to the user, so that any of the user's webauthn
// credentials (the `enrolledFactors` the challenge lists) may answer it.
import { randomToken } from '../ids';
import type { OrgStore } from '../store';
import type { IssuedChallenge } from '../model';
import { refuseUnless } from './refusal';

/** No source gives Okta's lifetime; five minutes is WebAuthn's usual ceremony timeout. */
export const CHALLENGE_LIFETIME_MS = 5 * 60_000;

/** A 20-character challenge, as in Okta's examples. Expired ones are forgotten on the way. */
export function issueChallenge(store: OrgStore, issued: Omit<IssuedChallenge, 'expiresAtMs'>, nowMs: number): string {
  for (const [value, old] of store.webauthnChallenges) {
    if (old.expiresAtMs <= nowMs) store.webauthnChallenges.delete(value);
  }
  const value = randomToken(20);
  store.webauthnChallenges.set(value, { ...issued, expiresAtMs: nowMs + CHALLENGE_LIFETIME_MS });
  return value;
}

/** Uses up `value`: refused when it was never issued for this ceremony, user and factor, or has expired. */
export function takeChallenge(store: OrgStore, value: string, expected: Omit<IssuedChallenge, 'expiresAtMs'>, nowMs: number): void {
  const issued = store.webauthnChallenges.get(value);
  store.webauthnChallenges.delete(value);
  refuseUnless(issued && issued.ceremony === expected.ceremony && issued.userId === expected.userId
    && issued.factorId === expected.factorId, 'the challenge was not issued for this ceremony, or was already used');
  refuseUnless(issued.expiresAtMs > nowMs, 'the challenge has expired');
}
