// The Okta answers the factor workflows treat as outcomes rather than failures: a wrong code, the
// activation-attempt limit, a factor that is gone, a "code sent moments ago" cooldown. Free of `vscode`.
import { OktaApiError } from '../okta/errors';

/** Okta's "a code was sent moments ago" codes (sms, email, call) and their documented waits. */
const SEND_COOLDOWNS: Record<string, number> = { E0000109: 30, E0000118: 5, E0000133: 30 };

/** For Okta's "a code was sent moments ago" errors, the seconds to wait ("Please wait 30 seconds"); else undefined. */
export function sendCooldownSeconds(err: unknown): number | undefined {
  if (!(err instanceof OktaApiError) || !err.errorCode || !(err.errorCode in SEND_COOLDOWNS)) return undefined;
  const match = /wait (\d+) seconds?/i.exec(err.errorSummary);
  return match ? Number(match[1]) : SEND_COOLDOWNS[err.errorCode];
}

/** True for the error Okta gives a wrong passcode or answer (the factor stays as it was). */
export function isWrongPasscode(err: unknown): boolean {
  return err instanceof OktaApiError && err.errorCode === 'E0000068';
}

/** True for Okta's rate-limit error (also what activation answers after 5 attempts in 5 minutes). */
export function isRateLimited(err: unknown): boolean {
  return err instanceof OktaApiError && err.errorCode === 'E0000047';
}

/** True when the user or factor does not exist (any more). */
export function isNotFound(err: unknown): boolean {
  return err instanceof OktaApiError && err.status === 404;
}
