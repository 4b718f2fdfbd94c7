// Turns any thrown value from the service layer into one clear sentence for the user, plus the
// follow-up the UI should offer. The client's errors already carry a user-facing, token-free
// message; this adds what to do next for the codes people meet most. Free of `vscode` (unit-tested).
import { OktaApiError } from '../okta/errors';

export interface ErrorAdvice {
  /** The sentence to show: "<action> failed: <why>. <what to do>" */
  message: string;
  /** Offer an "Update token" button (token rejected or expired). */
  offerUpdateToken: boolean;
  /** Seconds to wait before the same request can succeed (send cooldowns). */
  waitSeconds?: number;
}

/** "Please wait 30 seconds" -> 30; the catalogue's value when the summary has no number. */
function secondsInSummary(summary: string, fallback: number): number {
  const match = /wait (\d+) seconds?/i.exec(summary);
  return match ? Number(match[1]) : fallback;
}

/** Okta's "a code was sent moments ago" codes (sms, email, call) and their documented waits. */
const SEND_COOLDOWNS: Record<string, number> = { E0000109: 30, E0000118: 5, E0000133: 30 };

const HINTS: Record<string, string> = {
  E0000004: 'Update the token for this org.',
  E0000011: 'Update the token for this org.',
  E0000047: 'Try again in a minute.',
  E0000068: 'Check the code or answer and try again.',
  E0000007: 'It may have been removed elsewhere: refresh the tree.',
};

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** For Okta's "a code was sent moments ago" errors, the seconds to wait; else undefined. */
export function sendCooldownSeconds(err: unknown): number | undefined {
  if (!(err instanceof OktaApiError) || !err.errorCode || !(err.errorCode in SEND_COOLDOWNS)) return undefined;
  return secondsInSummary(err.errorSummary, SEND_COOLDOWNS[err.errorCode]);
}

export function adviseOnError(action: string, err: unknown): ErrorAdvice {
  const why = err instanceof Error ? err.message : String(err);
  const base = `${action} failed: ${sentence(why)}`;
  if (!(err instanceof OktaApiError) || !err.errorCode) return { message: base, offerUpdateToken: false };
  const code = err.errorCode;
  const waitSeconds = sendCooldownSeconds(err);
  if (waitSeconds !== undefined) {
    return { message: `${base} Wait ${waitSeconds} seconds before sending another code.`, offerUpdateToken: false, waitSeconds };
  }
  const hint = HINTS[code];
  return {
    message: hint ? `${base} ${hint}` : base,
    offerUpdateToken: code === 'E0000011' || code === 'E0000004',
  };
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
