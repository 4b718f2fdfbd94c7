// Shared secrets in a Custom TOTP profile's encoding. Decoding follows the profile's setting and
// never guesses: "ABCDEF23" is valid hexadecimal and valid base32.
import type { SecretEncoding } from './hotpProfiles';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The key bytes, or undefined when the text is not valid in that encoding. */
export function decodeSecret(text: string, encoding: SecretEncoding): Uint8Array | undefined {
  const trimmed = text.trim();
  let bytes: Buffer | undefined;
  if (encoding === 'hexadecimal') {
    if (/^([0-9a-fA-F]{2})+$/.test(trimmed)) bytes = Buffer.from(trimmed, 'hex');
  } else if (encoding === 'base64') {
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) && trimmed.length % 4 !== 1) bytes = Buffer.from(trimmed, 'base64');
  } else {
    bytes = base32Decode(trimmed.toUpperCase().replace(/=+$/, ''));
  }
  return bytes && bytes.length > 0 ? new Uint8Array(bytes) : undefined;
}

export function encodeSecret(key: Uint8Array, encoding: SecretEncoding): string {
  if (encoding === 'hexadecimal') return Buffer.from(key).toString('hex');
  if (encoding === 'base64') return Buffer.from(key).toString('base64');
  let bits = '';
  for (const byte of key) bits += byte.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += BASE32[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out;
}

function base32Decode(text: string): Buffer | undefined {
  if (!/^[A-Z2-7]+$/.test(text)) return undefined;
  let bits = '';
  for (const ch of text) bits += BASE32.indexOf(ch).toString(2).padStart(5, '0');
  return Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
}
