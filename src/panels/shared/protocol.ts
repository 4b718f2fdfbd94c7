// The one message protocol between the extension host and the Enroll / Verify / Factor Matrix webviews.
//
// Shape (after vscode-pull-request-github's WebviewBase and GitLens' IPC):
// - the webview says `ready` once its script runs; the host answers with a full `state` snapshot
//   (and sends it again if the webview ever reloads), and queues anything else until then;
// - every webview action carries a `requestId`; the host answers each with exactly one `reply`
//   (with an `error` when it failed), and sends data as typed notifications;
// - the webview never names an org: the panel already knows which one it serves. Only the matrix
//   names users and factors, and only ones the host listed to it (it looks each one up again).
// Both sides import these types; only the host imports the parsers. No `vscode` import here.
import type { MatrixColumn, MatrixRow, MatrixView } from '../../factors/factorMatrix';
import type { SecurityQuestion } from '../../okta/models';
import { boolean, list, messageParser, oneOf, optional, requestId, shape, text } from './messageValidation';

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** An error as the panel shows it: one sentence, Okta's causes, and per-field messages. */
export interface ErrorView {
  message: string;
  errorCode?: string;
  /** Okta's `errorCauses[].errorSummary`, shown as a list next to the form. */
  causes: string[];
  /** Field name (as in EnrollForm / the verify inputs) -> message shown under that field. */
  fields: Record<string, string>;
}

/** Completion of one webview request. */
export interface ReplyMessage {
  type: 'reply';
  requestId: number;
  error?: ErrorView;
}

/** Something failed outside a request (e.g. loading the catalog): shown in the error box. */
export interface ErrorMessage {
  type: 'error';
  error: ErrorView;
}

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

// ---------------------------------------------------------------------------------------------
// Enroll panel

/** What the enroll form sends: raw input values; the host maps and validates them (enrollRequest.ts). */
export interface EnrollForm {
  /** `factorType/provider` of a catalog entry the host sent. */
  factorKey: string;
  question: string;
  answer: string;
  phoneNumber: string;
  phoneExtension: string;
  email: string;
  credentialId: string;
  passCode: string;
  nextPassCode: string;
  factorProfileId: string;
  sharedSecret: string;
  /** How a typed Custom TOTP secret is written: base32, base64 or hexadecimal (blank: the profile's). */
  sharedSecretEncoding: string;
  activate: boolean;
  updatePhone: boolean;
  templateId: string;
  tokenLifetimeSeconds: string;
  acceptLanguage: string;
}

export interface CatalogEntryView {
  /** `factorType/provider`, unique within a catalog. */
  key: string;
  factorType: string;
  provider: string;
  label: string;
  /** OPTIONAL / REQUIRED when the org says so. */
  enrollment?: string;
  /** Needs a browser ceremony (WebAuthn, U2F...): explained, not enrolled from VS Code. */
  unsupportedReason?: string;
}

/** The activation step shown after enroll, in the same panel. */
export type ActivationView =
  | { kind: 'totp'; factorLabel: string; qrDataUrl: string; secret: string; otpauthUri: string }
  | {
    kind: 'push'; factorLabel: string; activationLink?: string; factorResult: string; expiresAt?: string;
    /** Okta's QR image, fetched by the host and handed over as a data: URL. */
    qrDataUrl?: string;
    /** Okta can send the activation link by these channels. */
    sendChannels: Array<'sms' | 'email'>;
  }
  | { kind: 'passcode'; factorLabel: string; channel: 'sms' | 'call' | 'email'; sentTo: string; resendAvailableAt: number }
  | { kind: 'done'; factorLabel: string; status: string; message: string };

export interface EnrollState {
  type: 'state';
  userLabel: string;
  orgLabel: string;
  catalog: CatalogEntryView[];
  questions: SecurityQuestion[];
  /** The org's Custom TOTP profiles: "name (algorithm, digits, step)". */
  profiles: Array<{ id: string; label: string; default: boolean }>;
  preselected?: string;
  defaults: { phoneNumber: string; email: string; credentialId: string };
  /** Present once a factor has been enrolled in this panel. */
  activation?: ActivationView;
}

export type EnrollHostMessage =
  | EnrollState
  | ReplyMessage
  | ErrorMessage
  | { type: 'activation'; activation: ActivationView }
  | { type: 'totpCode'; code: string; secondsRemaining: number }
  | { type: 'pushStatus'; factorResult: string; message: string };

export type EnrollWebviewMessage =
  | { type: 'ready' }
  | { type: 'enroll'; requestId: number; form: EnrollForm }
  | { type: 'activate'; requestId: number; passCode: string }
  | { type: 'activateWithAuthenticator'; requestId: number }
  | { type: 'resend'; requestId: number }
  | { type: 'restartPushActivation'; requestId: number }
  | { type: 'sendActivationLink'; requestId: number; channel: 'sms' | 'email'; to: string }
  | { type: 'openActivationLink' }
  | { type: 'enrollAnother' };

const SHORT = 200;
const SECRET = 512;

const enrollFormShape = {
  factorKey: text(SHORT),
  question: text(SHORT),
  answer: text(SHORT),
  phoneNumber: text(40),
  phoneExtension: text(40),
  email: text(SHORT),
  credentialId: text(SHORT),
  passCode: text(SHORT),
  nextPassCode: text(SHORT),
  factorProfileId: text(SHORT),
  sharedSecret: text(SECRET),
  sharedSecretEncoding: text(20),
  activate: boolean,
  updatePhone: boolean,
  templateId: text(SHORT),
  tokenLifetimeSeconds: text(20),
  acceptLanguage: text(40),
};

export const parseEnrollMessage = messageParser<EnrollWebviewMessage>({
  ready: {},
  enroll: { requestId, form: shape(enrollFormShape) },
  activate: { requestId, passCode: text(SHORT) },
  activateWithAuthenticator: { requestId },
  resend: { requestId },
  restartPushActivation: { requestId },
  sendActivationLink: { requestId, channel: (v) => v === 'sms' || v === 'email', to: text(SHORT) },
  openActivationLink: {},
  enrollAnother: {},
});

// ---------------------------------------------------------------------------------------------
// Verify panel

/** How the factor is verified, which decides the form. */
export type VerifyMode = 'challenge-then-passcode' | 'passcode' | 'answer' | 'push' | 'unsupported';

export interface VerifyState {
  type: 'state';
  userLabel: string;
  orgLabel: string;
  factorLabel: string;
  factorStatus: string;
  mode: VerifyMode;
  /** The question text for `answer`; the reason for `unsupported`. */
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
  | { type: 'ready' }
  | { type: 'sendChallenge'; requestId: number; headers: VerifyHeaders; challenge: ChallengeOptions }
  | { type: 'verify'; requestId: number; passCode?: string; nextPassCode?: string; answer?: string; headers: VerifyHeaders }
  | { type: 'sendPush'; requestId: number; headers: VerifyHeaders }
  | { type: 'cancelPush'; requestId: number }
  | { type: 'builtInCode'; requestId: number };

const headers = shape({ xForwardedFor: text(SHORT), userAgent: text(SHORT), acceptLanguage: text(40) });

export const parseVerifyMessage = messageParser<VerifyWebviewMessage>({
  ready: {},
  sendChallenge: { requestId, headers, challenge: shape({ templateId: text(SHORT), tokenLifetimeSeconds: text(20) }) },
  verify: { requestId, passCode: optional(text(SHORT)), nextPassCode: optional(text(SHORT)), answer: optional(text(SHORT)), headers },
  sendPush: { requestId, headers },
  cancelPush: { requestId },
  builtInCode: { requestId },
});

// ---------------------------------------------------------------------------------------------
// Factor matrix panel

export interface MatrixProgressView {
  phase: 'loading' | 'done' | 'cancelled' | 'failed';
  loaded: number;
  /** Known once every user page is in. */
  total?: number;
  /** Why the load failed. */
  message?: string;
}

export interface MatrixState {
  type: 'state';
  orgLabel: string;
  /** The org's user filter in the tree, when the matrix is limited to it. */
  userFilter?: string;
  columns: MatrixColumn[];
  rows: MatrixRow[];
  progress: MatrixProgressView;
}

export type MatrixFactorAction = 'verify' | 'unenroll' | 'details';
export type MatrixBulkAction = 'unenrollFactors' | 'resetFactors' | 'enrollFactorOnUsers';
export type MatrixExportFormat = 'csv' | 'json';

export type MatrixHostMessage =
  | MatrixState
  | ReplyMessage
  | ErrorMessage
  /** Rows added or replaced (by user id), the columns as they now are, and the progress. */
  | { type: 'update'; columns: MatrixColumn[]; rows: MatrixRow[]; progress: MatrixProgressView }
  /** The load restarts: forget every row. */
  | { type: 'reset' };

export type MatrixWebviewMessage =
  | { type: 'ready' }
  | { type: 'cancelLoad'; requestId: number }
  | { type: 'reload'; requestId: number }
  | { type: 'factorAction'; requestId: number; action: MatrixFactorAction; userId: string; factorId: string }
  | { type: 'bulk'; requestId: number; action: MatrixBulkAction; userIds: string[]; factors: Array<{ userId: string; factorId: string }> }
  | { type: 'export'; requestId: number; format: MatrixExportFormat; view: MatrixView };

const ID = text(100);
/** More than any org's users a matrix loads at once. */
const MAX_SELECTED = 100_000;

export const parseMatrixMessage = messageParser<MatrixWebviewMessage>({
  ready: {},
  cancelLoad: { requestId },
  reload: { requestId },
  factorAction: { requestId, action: oneOf('verify', 'unenroll', 'details'), userId: ID, factorId: ID },
  bulk: {
    requestId, action: oneOf('unenrollFactors', 'resetFactors', 'enrollFactorOnUsers'),
    userIds: list(ID, MAX_SELECTED), factors: list(shape({ userId: ID, factorId: ID }), MAX_SELECTED),
  },
  export: {
    requestId, format: oneOf('csv', 'json'),
    view: shape({
      filter: shape({ text: text(SHORT), pending: boolean, noMfa: boolean, has: list(text(SHORT), 200) }),
      sort: shape({ by: text(SHORT), descending: boolean }),
    }),
  },
});
