// The Verify panel's part of the message protocol (shared pieces: ../shared/protocol.ts).
// Both sides import these types; only the host imports the parser. No `vscode` import here.
import { messageParser, optional, requestId, shape, SHORT_TEXT, text } from '../shared/messageValidation';
import type { ErrorMessage, ReadyMessage, ReplyMessage } from '../shared/protocol';

/** Options of an sms/call/email challenge: an SMS template, and how long an emailed code lasts. */
export interface ChallengeOptions {
  templateId: string;
  /** Seconds, as typed (the host checks the range). */
  tokenLifetimeSeconds: string;
}

/** Optional request headers for verify, filled in under "Advanced". */
export interface VerifyHeaders {
  xForwardedFor: string;
  userAgent: string;
  acceptLanguage: string;
}

/** How the factor is verified, which decides the form. */
export type VerifyMode = 'challenge-then-passcode' | 'passcode' | 'answer' | 'push' | 'passkey' | 'unsupported';

export interface VerifyState {
  type: 'state';
  userLabel: string;
  orgLabel: string;
  factorLabel: string;
  factorStatus: string;
  mode: VerifyMode;
  /** The question text for `answer`; what `passkey` verifies with; the reason for `unsupported`. */
  prompt?: string;
  /** The built-in authenticator holds this TOTP or custom HOTP factor's secret. */
  builtInAuthenticator: boolean;
  /** Symantec VIP also asks for the next code of the token. */
  nextPassCode: boolean;
}

export type VerifyOutcome = 'success' | 'failure' | 'pending';

export type VerifyHostMessage =
  | VerifyState
  | ReplyMessage
  | ErrorMessage
  | { type: 'challengeSent'; message: string }
  /** A built-in authenticator code; secondsRemaining for TOTP only (an HOTP code lasts until used). */
  | { type: 'code'; code: string; secondsRemaining?: number }
  | { type: 'pushStatus'; factorResult: string; message: string; correctAnswer?: number }
  | { type: 'result'; factorResult: string; outcome: VerifyOutcome; message: string };

export type VerifyWebviewMessage =
  | ReadyMessage
  | { type: 'sendChallenge'; requestId: number; headers: VerifyHeaders; challenge: ChallengeOptions }
  | { type: 'verify'; requestId: number; passCode?: string; nextPassCode?: string; answer?: string; headers: VerifyHeaders }
  | { type: 'sendPush'; requestId: number; headers: VerifyHeaders }
  | { type: 'cancelPush'; requestId: number }
  | { type: 'builtInCode'; requestId: number }
  | { type: 'verifyPasskey'; requestId: number; headers: VerifyHeaders };

const headers = shape({ xForwardedFor: text(SHORT_TEXT), userAgent: text(SHORT_TEXT), acceptLanguage: text(40) });

export const parseVerifyMessage = messageParser<VerifyWebviewMessage>({
  ready: {},
  sendChallenge: { requestId, headers, challenge: shape({ templateId: text(SHORT_TEXT), tokenLifetimeSeconds: text(20) }) },
  verify: { requestId, passCode: optional(text(SHORT_TEXT)), nextPassCode: optional(text(SHORT_TEXT)), answer: optional(text(SHORT_TEXT)), headers },
  sendPush: { requestId, headers },
  cancelPush: { requestId },
  builtInCode: { requestId },
  verifyPasskey: { requestId, headers },
});
