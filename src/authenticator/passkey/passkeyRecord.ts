// What the built-in authenticator keeps per WebAuthn factor, as JSON in the SecretStore. Binary
// fields are stored in the encoding their main consumer uses, so exports convert as little as possible.
export interface PasskeyRecord {
  /** ECDSA P-256 private key, PKCS#8 DER, standard base64 (DevTools' form). */
  privateKey: string;
  /** base64url, as Okta shows it in the factor's `profile.credentialId`. */
  credentialId: string;
  rpId: string;
  /** The origin clientDataJSON names (the org URL). */
  origin: string;
  /** base64url: the bytes a browser would have stored for Okta's `user.id`. */
  userHandle: string;
  /** The counter of the last assertion (0 after registration); the next one reports one more. */
  signCount: number;
}

export function isPasskeyRecord(value: unknown): value is PasskeyRecord {
  const r = value as Partial<PasskeyRecord> | null;
  return !!r && typeof r.privateKey === 'string' && typeof r.credentialId === 'string' && typeof r.rpId === 'string'
    && typeof r.origin === 'string' && typeof r.userHandle === 'string'
    && Number.isInteger(r.signCount) && (r.signCount as number) >= 0;
}
