// Turns any thrown value from the service layer into one clear sentence for the user, plus the
// follow-up the UI should offer. The client's errors already carry a user-facing, token-free
// message; this adds what to do next for the codes people meet most. Free of `vscode` (unit-tested).
import { sendCooldownSeconds } from '../factors/errorKinds';
import { OktaApiError } from '../okta/errors';

export interface ErrorAdvice {
  /** The sentence to show: "<action> failed: <why>. <what to do>" */
  message: string;
  /** Offer an "Update token" button (token rejected or expired). */
  offerUpdateToken: boolean;
}

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

export function adviseOnError(action: string, err: unknown): ErrorAdvice {
  const why = err instanceof Error ? err.message : String(err);
  const base = `${action} failed: ${sentence(why)}`;
  if (!(err instanceof OktaApiError) || !err.errorCode) return { message: base, offerUpdateToken: false };
  const code = err.errorCode;
  const waitSeconds = sendCooldownSeconds(err);
  if (waitSeconds !== undefined) {
    return { message: `${base} Wait ${waitSeconds} seconds before sending another code.`, offerUpdateToken: false };
  }
  const hint = HINTS[code];
  return {
    message: hint ? `${base} ${hint}` : base,
    offerUpdateToken: code === 'E0000011' || code === 'E0000004',
  };
}
