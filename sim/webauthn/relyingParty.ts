// The relying party is the org as the client addressed it: origin = scheme + Host of the request (a
// real org's origin is its own host name), rpId = that host name without the port (WebAuthn RP IDs
// are domains), as [LEDGER] derives both from the org URL.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { FLAG_UP, type AuthenticatorData } from './authenticatorData';
import { refuseUnless } from './refusal';

export interface RelyingParty {
  origin: string;
  rpId: string;
}

export function relyingPartyOf(headers: IncomingHttpHeaders): RelyingParty {
  const origin = `http://${(headers.host ?? '').toLowerCase()}`;
  return { origin, rpId: new URL(origin).hostname };
}

/** The checks every ceremony makes on the authenticator data: bound to this RP, user present. */
export function checkAuthenticatorData(rp: RelyingParty, data: AuthenticatorData): void {
  const expected = createHash('sha256').update(rp.rpId).digest();
  refuseUnless(data.rpIdHash.equals(expected), `rpIdHash is not SHA-256 of "${rp.rpId}"`);
  // UV is not required: the options say "preferred", and Factors-API enrollments do not enforce it.
  refuseUnless(data.flags & FLAG_UP, 'the user-present (UP) flag is not set');
}
