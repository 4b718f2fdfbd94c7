// Okta-shaped identifiers and timestamps. Seeded ids come from a small deterministic PRNG so the demo
// org looks the same on every start; request/error ids are random like the real ones.
import { randomBytes } from 'node:crypto';

export type Rng = () => number;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URL_SAFE = `${ALPHANUMERIC}-_`;

/** mulberry32: tiny, fast and good enough for fake data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function randomChars(rng: Rng, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
  return out;
}

/** A 20-character Okta id such as `00u1a2b3c4d5e6f7g8h9` or `ostf…`. */
export function oktaId(rng: Rng, prefix: string): string {
  return prefix + randomChars(rng, ALPHANUMERIC, 20 - prefix.length);
}

/** URL-safe characters from a seeded generator (credential ids and keys in seeds). */
export function seededToken(rng: Rng, length: number): string {
  return randomChars(rng, URL_SAFE, length);
}

export function digits(rng: Rng, length: number): string {
  return randomChars(rng, '0123456789', length);
}

/** Random characters from the OS generator, one byte per character (one call per token). */
function cryptoChars(alphabet: string, length: number): string {
  let out = '';
  for (const byte of randomBytes(length)) out += alphabet[byte % alphabet.length];
  return out;
}

/** `errorId`: "oae" + 22 URL-safe characters, 25 in all, like real ones. */
export function errorId(): string {
  return 'oae' + cryptoChars(URL_SAFE, 22);
}

/**
 * `X-Okta-Request-Id`: 27 URL-safe characters, like real ones. A random prefix drawn once per
 * process and a counter (in base 64, fixed width) keep ids unique without a `randomBytes` call per
 * response, which was a tenth of the simulator's CPU.
 */
const REQUEST_ID_PREFIX = cryptoChars(URL_SAFE, 19);
const REQUEST_ID_COUNTER_CHARS = 8; // 64^8 ids before the counter wraps
let requestCounter = 0;

export function requestId(): string {
  let n = requestCounter++;
  let suffix = '';
  for (let i = 0; i < REQUEST_ID_COUNTER_CHARS; i++) {
    suffix = URL_SAFE[n % 64] + suffix;
    n = Math.floor(n / 64);
  }
  return REQUEST_ID_PREFIX + suffix;
}

/** A one-time code for sms/call/email; random (not seeded) so tests must read the outbox. */
export function otpCode(): string {
  return cryptoChars('0123456789', 6);
}

export function randomToken(length: number): string {
  return cryptoChars(ALPHANUMERIC, length);
}

/** Okta timestamps: ISO 8601 with the milliseconds zeroed, e.g. `2024-05-01T10:20:30.000Z`. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}
