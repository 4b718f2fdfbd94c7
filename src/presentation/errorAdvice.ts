// Turns any thrown value from the service layer into one clear sentence for the user, plus the
// follow-up the UI should offer. The client's errors already carry a user-facing, token-free
// message; this adds what to do next for the codes people meet most (from the catalogue of codes). Free of `vscode` (unit-tested).
import { sendCooldownSeconds } from '../factors/errorKinds';
import { oktaErrorCode } from '../okta/errorCodes';
import { OktaApiError } from '../okta/errors';

export interface ErrorAdvice {
  /** The sentence to show: "<action> failed: <why>. <what to do>" */
  message: string;
  /** Offer an "Update token" button (token rejected or expired). */
  offerUpdateToken: boolean;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function adviseOnError(action: string, err: unknown): ErrorAdvice {
  const why = err instanceof Error ? err.message : String(err);
  const base = `${action} failed: ${sentence(why)}`;
  if (!(err instanceof OktaApiError) || !err.errorCode) return { message: base, offerUpdateToken: false };
  const known = oktaErrorCode(err.errorCode);
  const waitSeconds = sendCooldownSeconds(err);
  if (waitSeconds !== undefined) {
    return { message: `${base} Wait ${waitSeconds} seconds before sending another code.`, offerUpdateToken: false };
  }
  return {
    message: known?.hint ? `${base} ${known.hint}` : base,
    offerUpdateToken: known?.kind === 'credentials',
  };
}
