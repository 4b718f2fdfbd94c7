// The simulator's in-memory records. Secrets live beside the public fields but are never serialized.
import type { RequestOrigin } from './logs/requestOrigin';
import type { Ceremony } from './webauthn/clientData';
import type { CredentialKey } from './webauthn/coseKey';

export type UserStatus =
  | 'ACTIVE' | 'DEPROVISIONED' | 'LOCKED_OUT' | 'PASSWORD_EXPIRED' | 'PROVISIONED' | 'RECOVERY' | 'STAGED' | 'SUSPENDED';

/** `credentials.provider`: IMPORT while the password is one imported as a hash (api-reference §8.1). */
export type CredentialsProvider = 'OKTA' | 'IMPORT';

export interface SimUserProfile {
  firstName: string | null;
  lastName: string | null;
  email: string;
  login: string;
  mobilePhone: string | null;
  secondEmail: string | null;
  [attribute: string]: string | null;
}

export interface SimUser {
  id: string;
  status: UserStatus;
  created: string;
  activated: string | null;
  statusChanged: string | null;
  lastLogin: string | null;
  lastUpdated: string;
  passwordChanged: string | null;
  provider: CredentialsProvider;
  profile: SimUserProfile;
  factors: SimFactor[];
  /** Phone kept for password recovery after its sms/call factor is gone (see removeRecoveryEnrollment). */
  recoveryPhone: string | null;
  /** The forgot-password question set at creation (`credentials.recovery_question`). */
  recoveryQuestion?: { question: string; answer: string };
}

export type FactorStatus = 'ACTIVE' | 'PENDING_ACTIVATION';
export type Channel = 'sms' | 'call' | 'email';

/** The one-time code last sent to a phone or mailbox, waiting to be typed back. */
export interface PendingCode {
  code: string;
  expiresAtMs: number;
}

export interface PushActivationState {
  state: 'WAITING' | 'TIMEOUT' | 'CANCELLED';
  expiresAtMs: number;
}

export interface FactorSecrets {
  totp?: { sharedSecret: string; timeStep: number; digits: 6 | 8; lastUsedStep: number };
  /** Custom TOTP: the key decoded under the factor's profile, and the last accepted step. */
  customTotp?: { key: Uint8Array; lastUsedStep: number };
  answer?: string;
  yubikeyPublicId?: string;
  usedOtps?: Set<string>;
  /** The registered WebAuthn credential: public key and last signature counter. */
  webauthn?: StoredCredential;
  /** Token in the QR link, so the image URL is not guessable from the factor id alone. */
  qrToken?: string;
}

export interface SimFactor {
  id: string;
  factorType: string;
  provider: string;
  vendorName: string;
  status: FactorStatus;
  /** Email factors carry no timestamps in Okta's examples; undefined leaves them out. */
  created?: string;
  lastUpdated?: string;
  /** Identity Engine lists the recovery question as a `question` factor; reset_factors keeps it once. */
  isRecoveryQuestion?: boolean;
  /** Set by every successful verify; absent before the first one. */
  lastVerified?: string;
  profile: Record<string, unknown>;
  factorProfileId?: string;
  secrets: FactorSecrets;
  pendingCode?: PendingCode;
  activationAttempts: number[];
  pushActivation?: PushActivationState;
  /** Nonce of the last u2f/webauthn challenge, shown again while the activation is pending. */
  webChallenge?: string;
}

export type PushResult = 'WAITING' | 'SUCCESS' | 'REJECTED' | 'TIMEOUT';

export interface PushTransaction {
  id: string;
  userId: string;
  factorId: string;
  expiresAtMs: number;
  result: PushResult;
  correctAnswer?: number;
  userAgent?: string;
  ip?: string;
  /** The verify request, for the event logged when the push is answered. */
  origin?: RequestOrigin;
}

export interface OutboxMessage {
  id: string;
  channel: Channel;
  to: string;
  code: string;
  userId: string;
  factorId: string;
  sentAt: string;
  expiresAt: string;
  purpose: 'enroll' | 'resend' | 'verify' | 'activation-link';
  templateId?: string;
  locale?: string;
}

/** Emitted as `'push'` when a verify transaction or a push activation starts waiting. */
export interface PushChallenge {
  kind: 'verify' | 'activation';
  userId: string;
  factorId: string;
  transactionId?: string;
  expiresAt: string;
  correctAnswer?: number;
  userAgent?: string;
  ip?: string;
}

/** What the org keeps of a registered WebAuthn credential (dropped with its factor). */
export interface StoredCredential {
  key: CredentialKey;
  signCount: number;
}

/** A WebAuthn challenge the org handed out: usable once, until it expires. */
export interface IssuedChallenge {
  ceremony: Ceremony;
  userId: string;
  /** Activation only. */
  factorId?: string;
  expiresAtMs: number;
}
