// An independent RFC 4226 / RFC 6238 implementation on node:crypto, so tests of the authenticator
// and of the simulator do not trust the code (or the library) under test.
import { createHmac } from 'node:crypto';

export type ReferenceAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** RFC 4226 §5.3: HMAC of the 8-byte counter, dynamic truncation, mod 10^digits, zero-padded. */
export function referenceHotp(key: Uint8Array, counter: number, algorithm: ReferenceAlgorithm = 'sha1', digits = 6): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(digits >= 10 ? value : value % 10 ** digits).padStart(digits, '0');
}

/** RFC 6238 with T0 = 0: the HOTP of floor(seconds / timeStep). */
export function referenceTotp(
  key: Uint8Array,
  epochSeconds: number,
  { algorithm = 'sha1', digits = 6, timeStep = 30 }: { algorithm?: ReferenceAlgorithm; digits?: number; timeStep?: number } = {},
): string {
  return referenceHotp(key, Math.floor(epochSeconds / timeStep), algorithm, digits);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding, written out here rather than taken from the code under test. */
export function referenceBase32(bytes: Uint8Array): string {
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += BASE32[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out;
}
