// clientDataJSON as a browser writes it. Okta's challenge string goes in verbatim: a browser decodes
// it as base64url and re-encodes the same bytes, which gives back the string Okta issued.
export type CeremonyType = 'webauthn.create' | 'webauthn.get';

export function clientDataJSON(type: CeremonyType, challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
}
