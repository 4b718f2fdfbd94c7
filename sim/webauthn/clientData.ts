// clientDataJSON: parsed, never compared as text (browsers may add members, e.g. Chrome's
// "other_keys_can_be_added_here"). The challenge is Okta's string, used verbatim.
import type { RelyingParty } from './relyingParty';
import { refuseUnless, WebAuthnRefusal } from './refusal';

export type Ceremony = 'webauthn.create' | 'webauthn.get';

export interface ClientData {
  type: string;
  challenge: string;
  origin: string;
}

export function parseClientData(json: Buffer): ClientData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.toString('utf8'));
  } catch {
    throw new WebAuthnRefusal('clientData is not JSON');
  }
  const { type, challenge, origin } = (parsed ?? {}) as Record<string, unknown>;
  refuseUnless(typeof type === 'string' && typeof challenge === 'string' && typeof origin === 'string',
    'clientData lacks type, challenge or origin');
  return { type, challenge, origin };
}

export function checkClientData(clientData: ClientData, ceremony: Ceremony, rp: RelyingParty): void {
  refuseUnless(clientData.type === ceremony, `clientData type is "${clientData.type}", not "${ceremony}"`);
  refuseUnless(clientData.origin === rp.origin, `clientData origin is "${clientData.origin}", not "${rp.origin}"`);
}
