// The Enroll panel's part of the message protocol (shared pieces: ../shared/protocol.ts).
// Both sides import these types; only the host imports the parser. No `vscode` import here.
import type { SecurityQuestion } from '../../okta/models';
import { boolean, messageParser, requestId, shape, SHORT_TEXT, text } from '../shared/messageValidation';
import type { ErrorMessage, ReadyMessage, ReplyMessage } from '../shared/protocol';

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
  /** Needs a browser ceremony (U2F...): explained, not enrolled from VS Code. */
  unsupportedReason?: string;
  /** What the person should know before enrolling it (the software passkey is for test users). */
  note?: string;
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
  | ReadyMessage
  | { type: 'enroll'; requestId: number; form: EnrollForm }
  | { type: 'activate'; requestId: number; passCode: string }
  | { type: 'activateWithAuthenticator'; requestId: number }
  | { type: 'resend'; requestId: number }
  | { type: 'restartPushActivation'; requestId: number }
  | { type: 'sendActivationLink'; requestId: number; channel: 'sms' | 'email'; to: string }
  | { type: 'openActivationLink' }
  | { type: 'enrollAnother' };

const SECRET = 512;

const enrollFormShape = {
  factorKey: text(SHORT_TEXT),
  question: text(SHORT_TEXT),
  answer: text(SHORT_TEXT),
  phoneNumber: text(40),
  phoneExtension: text(40),
  email: text(SHORT_TEXT),
  credentialId: text(SHORT_TEXT),
  passCode: text(SHORT_TEXT),
  nextPassCode: text(SHORT_TEXT),
  factorProfileId: text(SHORT_TEXT),
  sharedSecret: text(SECRET),
  sharedSecretEncoding: text(20),
  activate: boolean,
  updatePhone: boolean,
  templateId: text(SHORT_TEXT),
  tokenLifetimeSeconds: text(20),
  acceptLanguage: text(40),
};

export const parseEnrollMessage = messageParser<EnrollWebviewMessage>({
  ready: {},
  enroll: { requestId, form: shape(enrollFormShape) },
  activate: { requestId, passCode: text(SHORT_TEXT) },
  activateWithAuthenticator: { requestId },
  resend: { requestId },
  restartPushActivation: { requestId },
  sendActivationLink: { requestId, channel: (v) => v === 'sms' || v === 'email', to: text(SHORT_TEXT) },
  openActivationLink: {},
  enrollAnother: {},
});
