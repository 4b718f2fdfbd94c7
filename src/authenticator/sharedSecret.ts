// Shared secrets as Okta hands them out (`_embedded.activation.sharedSecret` with `encoding`) or
// takes them (a Custom TOTP factor's `profile.sharedSecret`, in its profile's encoding), turned
// into the key bytes otplib needs, and back. Base32 comes from @scure/base (what otplib itself uses),
// so reading a secret does not load otplib.
import { base32 } from '@scure/base';

export type SecretEncoding = 'base32' | 'base64' | 'hex';


/** Custom TOTP factor profiles name hex `hexadecimal`. */
export function parseSecretEncoding(encoding: string | undefined): SecretEncoding {
  const value = (encoding ?? 'base32').toLowerCase();
  if (value === 'base32' || value === 'base64' || value === 'hex') return value;
  if (value === 'hexadecimal') return 'hex';
  throw new Error(`Unsupported shared secret encoding "${encoding}" (expected base32, base64 or hexadecimal).`);
}

/** Decodes a shared secret; throws a message without the secret itself when it is malformed. */
export function decodeSharedSecret(secret: string, encoding: SecretEncoding): Uint8Array {
  const text = secret.replace(/\s+/g, '');
  let bytes: Uint8Array | undefined;
  if (encoding === 'base32') {
    try {
      const unpadded = text.replace(/=+$/, '').toUpperCase();
      bytes = base32.decode(unpadded.padEnd(Math.ceil(unpadded.length / 8) * 8, '='));
    } catch {
      bytes = undefined;
    }
  } else if (encoding === 'base64') {
    // Buffer skips stray characters silently, so check the alphabet first (it also reads base64url).
    if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) bytes = Buffer.from(text, 'base64');
  } else if (/^([0-9a-fA-F]{2})+$/.test(text)) {
    bytes = Buffer.from(text, 'hex');
  }
  if (!bytes || bytes.length === 0) throw new Error(`The shared secret is not valid ${encoding}.`);
  return new Uint8Array(bytes);
}

export function encodeSharedSecret(bytes: Uint8Array, encoding: SecretEncoding): string {
  if (encoding === 'base32') return toBase32(bytes);
  return Buffer.from(bytes).toString(encoding);
}

/** Authenticator apps (and otpauth:// URIs) take base32 without padding. */
export function toBase32(bytes: Uint8Array): string {
  return base32.encode(bytes).replace(/=+$/, '');
}
