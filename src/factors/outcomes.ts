// What each factor workflow ends with, as data: the surfaces (commands, panels, bulk runs) choose
// the words. Failures that are not outcomes (network, token, Okta errors) are thrown. Free of `vscode`.
import type { PushActivation, UserFactor, VerifyFactorResult } from '../okta/models';

/** The activation step an enrollment leads to. */
export type ActivationStep =
  /** TOTP: the secret is in the built-in authenticator; the URI is for a QR code. */
  | { kind: 'totp'; otpauthUri: string; secret: string }
  | { kind: 'push'; activation: PushActivation }
  /** Enrolling sent a code; resend is possible from `resendAvailableAt` (epoch ms). */
  | { kind: 'passcode'; channel: 'sms' | 'call' | 'email'; sentTo?: string; resendAvailableAt: number }
  /** Not pending: nothing to activate. */
  | { kind: 'done' }
  /** Pending, but VS Code cannot complete it (type not supported here, or Okta sent no secret). */
  | { kind: 'manual'; reason: 'unsupported' | 'no-secret' }
  /** Enrolled (pending), but starting the activation failed. */
  | { kind: 'failed'; error: unknown };

export interface EnrollOutcome {
  factor: UserFactor;
  activation: ActivationStep;
}

export type ActivateOutcome =
  | { kind: 'active'; factor: UserFactor }
  /** `error` is Okta's answer (its code and causes), for surfaces that show them. */
  | { kind: 'wrong-passcode'; message: string; error: unknown }
  /** Okta allows 5 activation attempts per factor in 5 minutes. */
  | { kind: 'too-many-attempts'; retryBy: Date }
  /** Okta answered a transaction result instead of the factor. */
  | { kind: 'not-active'; factorResult: string };

/** A push activation answer: the factor once active, else the activation (WAITING, TIMEOUT...). */
export type PushActivationStep = { kind: 'active'; factor: UserFactor } | { kind: 'pending'; activation: PushActivation };

export type VerifyVerdict = 'success' | 'failure' | 'pending';

export interface VerifyOutcome {
  /** Okta's factorResult, or the name of the error Okta used for it (WRONG_CODE, PASSCODE_REPLAYED...). */
  factorResult: string;
  verdict: VerifyVerdict;
  /** Okta's own words when it answered with an error, and that error (its code and causes). */
  errorMessage?: string;
  error?: unknown;
  result?: VerifyFactorResult;
  /** cancelPush() stopped this push before it ended. */
  stoppedByCancel?: boolean;
}

export interface RecordedPushTransaction {
  transactionId: string;
  startedAt: Date;
}

/** A resend refused locally: Okta would answer 429 until the cooldown ends. */
export class ResendCooldownError extends Error {
  constructor(readonly secondsLeft: number, readonly cooldownSeconds: number) {
    super(`A code was sent moments ago. Wait ${secondsLeft} more second${secondsLeft === 1 ? '' : 's'} before resending `
      + `(Okta allows one every ${cooldownSeconds} s).`);
    this.name = 'ResendCooldownError';
  }
}

/** An action the factor does not allow in its current state (the menus should not have offered it). */
export class FactorStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FactorStateError';
  }
}
