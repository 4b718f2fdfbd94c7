// The Okta answers the factor workflows treat as outcomes rather than failures: a wrong code, the
// activation-attempt limit, a factor that is gone, a "code sent moments ago" cooldown; read from the
// catalogue of error codes. Free of `vscode`.
import { oktaErrorCode, type OktaErrorKind } from '../okta/errorCodes';
import { OktaApiError } from '../okta/errors';
import { FactorStateError } from './outcomes';

function kindOf(err: unknown): OktaErrorKind | undefined {
  return err instanceof OktaApiError ? oktaErrorCode(err.errorCode)?.kind : undefined;
}

/** For Okta's "a code was sent moments ago" errors, the seconds to wait ("Please wait 30 seconds"); else undefined. */
export function sendCooldownSeconds(err: unknown): number | undefined {
  if (!(err instanceof OktaApiError)) return undefined;
  const documented = oktaErrorCode(err.errorCode)?.sendCooldownSeconds;
  if (documented === undefined) return undefined;
  const match = /wait (\d+) seconds?/i.exec(err.errorSummary);
  return match ? Number(match[1]) : documented;
}

/** True for the error Okta gives a wrong passcode or answer (the factor stays as it was). */
export function isWrongPasscode(err: unknown): boolean {
  return kindOf(err) === 'wrong-passcode';
}

/** True for Okta's rate-limit error (also what activation answers after 5 attempts in 5 minutes). */
export function isRateLimited(err: unknown): boolean {
  return kindOf(err) === 'rate-limit';
}

/** True when the user or factor does not exist (any more). */
export function isNotFound(err: unknown): boolean {
  return err instanceof OktaApiError && err.status === 404;
}

/** The verify result an error stands for (WRONG_CODE, PASSCODE_REPLAYED...), if it is one. */
export function verifyResultOf(err: unknown, answered: boolean): string | undefined {
  return err instanceof OktaApiError ? oktaErrorCode(err.errorCode)?.verifyResult?.(answered) : undefined;
}

/**
 * Whether the same request may go through another time: not when Okta refused it for what it is
 * (a 4xx other than a rate limit, anywhere in the error's causes) or the factor's state forbids it.
 */
export function retryCanHelp(err: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = err; current instanceof Error && !seen.has(current); current = current.cause) {
    seen.add(current);
    if (current instanceof OktaApiError) return current.status === 429 || current.status === 408 || current.status >= 500;
    if (current instanceof FactorStateError) return false;
  }
  return true;
}
