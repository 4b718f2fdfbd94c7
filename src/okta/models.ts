// Typed models for the Okta Users and User Factors APIs (see ../shared/okta/api-reference.md).
// Shapes are kept loose where real traffic differs from the official contract.

export type TokenType = 'SSWS' | 'Bearer';

export interface HalLink {
  href: string;
  name?: string;
  type?: string;
  templated?: boolean;
  hints?: { allow?: string[] };
}
/** `_links.resend` and `_links.send` arrive as arrays; everything else as one object. */
export type HalLinks = Record<string, HalLink | HalLink[] | undefined>;

export type UserStatus =
  | 'ACTIVE' | 'DEPROVISIONED' | 'LOCKED_OUT' | 'PASSWORD_EXPIRED' | 'PROVISIONED'
  | 'RECOVERY' | 'STAGED' | 'SUSPENDED' | 'ACTIVATING';

export interface UserProfile {
  login: string;
  email?: string;
  firstName?: string | null;
  lastName?: string | null;
  mobilePhone?: string | null;
  secondEmail?: string | null;
  [attribute: string]: unknown;
}

export interface OktaUser {
  id: string;
  status: UserStatus;
  created?: string;
  activated?: string | null;
  statusChanged?: string | null;
  lastLogin?: string | null;
  lastUpdated?: string;
  passwordChanged?: string | null;
  transitioningToStatus?: string;
  type?: { id: string };
  profile: UserProfile;
  credentials?: unknown;
  _links?: HalLinks;
}

export type FactorType =
  | 'call' | 'email' | 'push' | 'question' | 'signed_nonce' | 'sms' | 'token' | 'token:hardware'
  | 'token:hotp' | 'token:software:totp' | 'u2f' | 'web' | 'webauthn';

export type FactorProvider = 'CUSTOM' | 'DUO' | 'FIDO' | 'GOOGLE' | 'OKTA' | 'RSA' | 'SYMANTEC' | 'YUBICO';

export type FactorStatus =
  | 'ACTIVE' | 'DISABLED' | 'ENROLLED' | 'EXPIRED' | 'INACTIVE' | 'NOT_SETUP' | 'PENDING_ACTIVATION';

/** `_embedded.activation` of a TOTP enrollment. The qrcode link may sit here or beside it. */
export interface TotpActivation {
  timeStep: number;
  sharedSecret: string;
  encoding: 'base32' | 'base64' | string;
  keyLength: number;
  _links?: HalLinks;
}

/** `_embedded.activation` of a push enrollment. */
export interface PushActivation {
  expiresAt?: string;
  factorResult: 'WAITING' | 'CANCELLED' | 'TIMEOUT' | 'ERROR' | string;
  _links?: HalLinks;
}

/**
 * `_embedded.activation` of a WebAuthn enrollment: PublicKeyCredentialCreationOptions as Okta sends
 * them, with `challenge` and `user.id` (the Okta user id) as plain strings and, so far, no `rp.id`.
 */
export interface WebAuthnActivation {
  challenge: string;
  rp?: { name?: string; id?: string };
  user: { id: string; name?: string; displayName?: string };
  pubKeyCredParams?: { type?: string; alg: number }[];
  attestation?: string;
  authenticatorSelection?: { userVerification?: string; requireResidentKey?: boolean };
  excludeCredentials?: unknown[];
}

/** `_embedded.challenge` of the CHALLENGE answer to a WebAuthn verify without a body. */
export interface WebAuthnChallenge {
  challenge: string;
  userVerification?: string;
  extensions?: Record<string, unknown>;
}

interface FactorBase<T extends FactorType, P> {
  id: string;
  factorType: T;
  provider: FactorProvider | string;
  vendorName?: string;
  status: FactorStatus;
  created?: string;
  lastUpdated?: string;
  /** When the factor was last verified (ISO 8601); absent until the first verification. */
  lastVerified?: string;
  profile?: P;
  _embedded?: Record<string, unknown>;
  _links?: HalLinks;
}

export type QuestionFactor = FactorBase<'question', { question: string; questionText?: string; answer?: string }>;
export type SmsFactor = FactorBase<'sms', { phoneNumber: string }>;
export type CallFactor = FactorBase<'call', { phoneNumber: string; phoneExtension?: string | null }>;
export type EmailFactor = FactorBase<'email', { email: string }>;
export type PushFactor = FactorBase<'push', {
  credentialId?: string; deviceToken?: string; deviceType?: string; name?: string; platform?: string;
  version?: string; keys?: unknown[];
}>;
export type TotpFactor = FactorBase<'token:software:totp', { credentialId?: string }>;
export type TokenFactor = FactorBase<'token', { credentialId?: string }>;
export type HardwareTokenFactor = FactorBase<'token:hardware', { credentialId?: string }>;
export type HotpFactor = FactorBase<'token:hotp', { sharedSecret?: string; credentialId?: string }> & { factorProfileId?: string };
export type U2fFactor = FactorBase<'u2f', { credentialId?: string; version?: string }>;
export type WebAuthnFactor = FactorBase<'webauthn', { credentialId?: string; authenticatorName?: string }>;
export type WebFactor = FactorBase<'web', { credentialId?: string }>;
export type SignedNonceFactor = FactorBase<'signed_nonce', Record<string, unknown>>;

/** A user's enrolled factor: a union discriminated on `factorType`. */
export type UserFactor =
  | QuestionFactor | SmsFactor | CallFactor | EmailFactor | PushFactor | TotpFactor | TokenFactor
  | HardwareTokenFactor | HotpFactor | U2fFactor | WebAuthnFactor | WebFactor | SignedNonceFactor;

/** The body sent to enroll: a factor without server-assigned fields, plus `verify` for tokens. */
export interface EnrollFactorRequest {
  factorType: FactorType;
  provider: FactorProvider | string;
  profile?: Record<string, unknown>;
  factorProfileId?: string;
  verify?: { passCode?: string; nextPassCode?: string };
}

export interface EnrollFactorOptions {
  updatePhone?: boolean;
  templateId?: string;
  tokenLifetimeSeconds?: number;
  activate?: boolean;
  acceptLanguage?: string;
}

/** One entry of the enrollment catalog (`GET …/factors/catalog`). */
export interface SupportedFactor {
  factorType: FactorType;
  provider: FactorProvider | string;
  vendorName?: string;
  enrollment?: 'OPTIONAL' | 'REQUIRED';
  status?: FactorStatus;
  _embedded?: Record<string, unknown>;
  _links?: HalLinks;
}

/** An org's Custom TOTP factor profile (`GET /api/v1/org/factors/hotp/profiles`). */
export interface CustomTotpProfile {
  id: string;
  name: string;
  default?: boolean;
  settings: {
    timeBased?: boolean;
    otpLength: number;
    /** `HMacSHA1`, `HMacSHA256` or `HMacSHA512`. */
    hmacAlgorithm: string;
    timeStep: number;
    acceptableAdjacentIntervals?: number;
    /** `base32`, `base64` or `hexadecimal`. */
    encoding: string;
  };
}

export interface SecurityQuestion {
  question: string;
  questionText: string;
}

export interface ActivateFactorRequest {
  passCode?: string;
  useNumberMatchingChallenge?: boolean;
  registrationData?: string;
  clientData?: string;
  attestation?: string;
}

export interface ResendFactorRequest {
  factorType: 'sms' | 'call' | 'email';
  provider: string;
  profile?: Record<string, unknown>;
}

export interface VerifyFactorRequest {
  passCode?: string;
  answer?: string;
  nextPassCode?: string;
  useNumberMatchingChallenge?: boolean;
  clientData?: string;
  signatureData?: string;
  authenticatorData?: string;
}

export interface VerifyFactorOptions {
  templateId?: string;
  tokenLifetimeSeconds?: number;
  xForwardedFor?: string;
  userAgent?: string;
  acceptLanguage?: string;
}

export type FactorResult =
  | 'CHALLENGE' | 'ERROR' | 'EXPIRED' | 'FAILED' | 'PASSCODE_REPLAYED' | 'REJECTED' | 'SUCCESS'
  | 'TIMEOUT' | 'TIME_WINDOW_EXCEEDED' | 'WAITING' | 'CANCELLED' | 'CANCELED';

/** Result of verify (200, or 201 WAITING for push) and of a push transaction poll. */
export interface VerifyFactorResult {
  factorResult: FactorResult;
  expiresAt?: string;
  factorMessage?: string | null;
  profile?: Record<string, unknown>;
  _embedded?: { challenge?: { correctAnswer?: number; [k: string]: unknown }; [k: string]: unknown };
  _links?: HalLinks;
}

/** `POST /api/v1/users`: a profile and, optionally, a password (a value: never logged, never stored). */
export interface CreateUserRequest {
  profile: UserProfile;
  /** Sent as `credentials.password.value`. */
  password?: string;
  /** `activate` query parameter: false creates a STAGED user (Okta's default is true). */
  activate: boolean;
}

/** The user lifecycle calls a fixtures apply needs (`POST /api/v1/users/{id}/lifecycle/{operation}`). */
export type UserLifecycleOperation = 'activate' | 'suspend' | 'unsuspend';

/** Query of `GET /api/v1/users`: `q` (prefix of name/email), `filter`, or `search` expressions. */
export interface ListUsersQuery {
  q?: string;
  filter?: string;
  search?: string;
  /** Page size (Okta's default and maximum: 200; with `q` the default is 10). */
  limit?: number;
  /** Cursor from the previous page (`UsersPage.after`). */
  after?: string;
  /** With `search` only: a profile attribute (e.g. `profile.lastName`) and the direction. */
  sortBy?: string;
  sortOrder?: 'asc' | 'desc';
}

export interface UsersPage {
  users: OktaUser[];
  /** Cursor of the next page; absent on the last page. */
  after?: string;
}

/** Who or what an event names: the actor, or one of its targets (`User`, `AuthenticatorEnrollment`...). */
export interface LogEntity {
  id?: string;
  type?: string;
  /** A user's login; "unknown" for an enrollment. */
  alternateId?: string;
  displayName?: string;
  detailEntry?: Record<string, unknown> | null;
}

/**
 * One System Log event (`GET /api/v1/logs`), the fields the extension reads. Okta may leave any out
 * or send null (recorded events carry `reason: null`, `client.id: null`, `transaction.detail: null`).
 */
export interface LogEvent {
  uuid?: string;
  /** ISO 8601 with milliseconds; not the order of a polling answer (that is persistence order). */
  published?: string;
  /** `user.mfa.factor.activate`, `user.lifecycle.suspend`... */
  eventType?: string;
  displayMessage?: string;
  severity?: string;
  actor?: LogEntity;
  target?: LogEntity[];
  outcome?: { result?: string; reason?: string | null };
  client?: { userAgent?: { rawUserAgent?: string; os?: string; browser?: string } | null; ipAddress?: string | null; id?: string | null } | null;
  /** `detail.requestApiTokenId` names the API token whose request caused the event. */
  transaction?: { type?: string; id?: string; detail?: { requestApiTokenId?: string } | null };
  debugContext?: { debugData?: Record<string, unknown> | null };
}

/**
 * Query of `GET /api/v1/logs`. Without `until` and in ASCENDING order it is a *polling* request
 * (persistence order, a `next` link on every page); otherwise a *bounded* one (`published` order,
 * finite). `filter` is a SCIM expression (`eventType sw "user.mfa.factor"`), `q` up to 10 keywords.
 */
export interface LogQuery {
  /** ISO 8601; at most 180 days ago. */
  since?: string;
  until?: string;
  filter?: string;
  q?: string;
  /** 0-1000 (Okta's default 100). */
  limit?: number;
  sortOrder?: 'ASCENDING' | 'DESCENDING';
}

export interface LogEventsPage {
  events: LogEvent[];
  /** The `next` link (absolute), to follow with `logEventsAt`; always there for a polling request, absent on a bounded one's last page. */
  next?: string;
}

/** `activateFactor` answers either the factor, or for push the activation status (WAITING...). */
export function isUserFactor(value: UserFactor | PushActivation): value is UserFactor {
  return typeof (value as UserFactor).id === 'string' && typeof (value as UserFactor).factorType === 'string';
}
