// Reading the numeric OTP parameters Okta sends (timeStep, keyLength) defensively.

export function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * Digits per code. `keyLength` is that number; one Okta example says 16, which no authenticator
 * can show (a code holds at most 10 digits), so anything outside 6..10 falls back to the usual 6.
 */
export function otpDigits(keyLength: unknown): number {
  const digits = positiveInteger(keyLength);
  return digits !== undefined && digits >= 6 && digits <= 10 ? digits : 6;
}
