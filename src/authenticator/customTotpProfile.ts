// Custom TOTP (`token:hotp`, provider CUSTOM) factor profiles: the org-defined settings a factor's
// codes are computed under (GET /api/v1/org/factors/hotp/profiles, `settings`). Read defensively:
// a value the built-in authenticator cannot compute with is refused, never replaced by a default.
import { randomBytes } from 'node:crypto';
import type { HashAlgorithm } from 'otplib';
import { SecretEncoding, decodeSharedSecret, encodeSharedSecret, parseSecretEncoding } from './sharedSecret';

/** `settings` of a factor profile, as Okta names them. */
export interface CustomTotpSettings {
  otpLength: number;
  /** `HMacSHA1`, `HMacSHA256` or `HMacSHA512`. */
  hmacAlgorithm: string;
  /** Seconds per code. */
  timeStep: number;
  /** `base32`, `base64` or `hexadecimal`: how `profile.sharedSecret` is written. */
  encoding: string;
  acceptableAdjacentIntervals?: number;
  timeBased?: boolean;
}

/** The settings in the form otplib and the secret record use. */
export interface CustomTotpParameters {
  digits: number;
  algorithm: HashAlgorithm;
  timeStep: number;
  encoding: SecretEncoding;
}

const ALGORITHMS: Record<string, HashAlgorithm> = { hmacsha1: 'sha1', hmacsha256: 'sha256', hmacsha512: 'sha512' };
/** RFC 4226 §4 asks for a key as long as the HMAC output. */
const KEY_BYTES: Record<HashAlgorithm, number> = { sha1: 20, sha256: 32, sha512: 64 };

export function customTotpParameters(settings: CustomTotpSettings): CustomTotpParameters {
  if (settings.timeBased === false) throw new Error('This factor profile is counter-based; Okta\'s Custom TOTP profiles are time-based.');
  const algorithm = ALGORITHMS[String(settings.hmacAlgorithm).toLowerCase()];
  if (!algorithm) throw new Error(`Unsupported HMAC algorithm "${settings.hmacAlgorithm}" (expected HMacSHA1, HMacSHA256 or HMacSHA512).`);
  if (![6, 8, 10].includes(settings.otpLength)) throw new Error(`Unsupported code length ${settings.otpLength} (expected 6, 8 or 10 digits).`);
  if (!Number.isInteger(settings.timeStep) || settings.timeStep < 1) throw new Error(`Unsupported time step ${settings.timeStep} (expected whole seconds).`);
  return { digits: settings.otpLength, algorithm, timeStep: settings.timeStep, encoding: parseSecretEncoding(settings.encoding) };
}

/** A fresh random secret for a profile, written in the profile's encoding (as Okta expects it). */
export function newCustomTotpSecret(settings: CustomTotpSettings): string {
  const { algorithm, encoding } = customTotpParameters(settings);
  return encodeSharedSecret(randomBytes(KEY_BYTES[algorithm]), encoding);
}

/**
 * A secret the tester typed, in `typedEncoding` (base32, base64 or hexadecimal: which one cannot be
 * guessed, "ABCDEF23" is valid in two), rewritten in the profile's encoding for the enroll request.
 * Throws, without echoing the secret, when it is not valid in `typedEncoding`.
 */
export function secretInProfileEncoding(typed: string, typedEncoding: string, settings: CustomTotpSettings): string {
  const key = decodeSharedSecret(typed, parseSecretEncoding(typedEncoding));
  return encodeSharedSecret(key, customTotpParameters(settings).encoding);
}
