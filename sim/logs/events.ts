// The events the simulated org logs, worded once. Each is recorded by the one place its change
// happens (sim/README.md lists where). Names are Okta's event types (the event-type catalogue);
// display messages and legacy types are the recorded ones where a recording exists (stix-shifter and
// Panther test events), otherwise the catalogue's description; which are guesses is in the README.
import type { SimContext } from '../context';
import type { Channel, SimFactor, SimUser } from '../model';
import { factorLogName } from './factorNames';
import { recordEvent } from './recordEvent';
import type { RequestOrigin } from './requestOrigin';

/** A factor became ACTIVE (enrolled active, activated, or a push scanned). Never for a pending one. */
export function logFactorActivated(ctx: SimContext, user: SimUser, factor: SimFactor): void {
  recordEvent(ctx, {
    eventType: 'user.mfa.factor.activate', displayMessage: 'Activate factor for user', legacyEventType: 'core.user.factor.activate',
    result: 'SUCCESS', reason: `User set up ${factorLogName(factor)} factor`, user, factor,
  });
}

/** A factor was unenrolled (one event per factor removed). */
export function logFactorDeactivated(ctx: SimContext, user: SimUser, factor: SimFactor): void {
  recordEvent(ctx, {
    eventType: 'user.mfa.factor.deactivate', displayMessage: 'Reset factor for user', legacyEventType: 'core.user.factor.deactivate',
    result: 'SUCCESS', reason: `User reset ${factorLogName(factor)} factor`, user, factor,
  });
}

/** `lifecycle/reset_factors`: one event for the user, whatever was removed. */
export function logFactorsReset(ctx: SimContext, user: SimUser): void {
  recordEvent(ctx, {
    eventType: 'user.mfa.factor.reset_all', displayMessage: 'Reset all factors for user', legacyEventType: 'core.user.factor.reset_all',
    result: 'SUCCESS', user,
  });
}

/**
 * A verification's outcome: SUCCESS, or FAILURE with Okta's reason (INVALID_CREDENTIALS for a wrong
 * code or answer or a rejected push, as the catalogue says of Identity Engine). `origin`: the verify
 * request, for a push answered later.
 */
export function logVerification(ctx: SimContext, user: SimUser, factor: SimFactor, failure?: string, origin?: RequestOrigin): void {
  const spec = {
    eventType: 'user.authentication.auth_via_mfa', displayMessage: 'Authentication of user via MFA',
    legacyEventType: failure ? 'core.user.factor.attempt_fail' : 'core.user.factor.attempt_success',
    result: failure ? 'FAILURE' : 'SUCCESS', ...(failure ? { reason: failure } : {}), user, factor, viaFactor: true,
    debugData: { factor: factorLogName(factor), factorIntent: 'AUTHENTICATION' },
  } as const;
  recordEvent(ctx, spec, origin);
}

/** A push the user rejected: Classic's own event type; Identity Engine logs a failed verification. */
export function logPushRejected(ctx: SimContext, user: SimUser, factor: SimFactor, origin?: RequestOrigin): void {
  if (ctx.engine === 'identity') {
    logVerification(ctx, user, factor, 'INVALID_CREDENTIALS', origin);
    return;
  }
  recordEvent(ctx, {
    eventType: 'user.mfa.okta_verify.deny_push', displayMessage: 'User rejected Okta push verify', result: 'FAILURE', user, factor,
  }, origin);
}

const CHALLENGE_SENT: Record<Channel, { eventType: string; displayMessage: string }> = {
  sms: { eventType: 'system.sms.send_factor_verify_message', displayMessage: 'Send second factor auth SMS' },
  call: { eventType: 'system.voice.send_mfa_challenge_call', displayMessage: 'Send second factor auth call' },
  email: { eventType: 'system.email.send_factor_verify_message', displayMessage: 'Send factor verification email' },
};

/** Enrollment codes verify the phone: the catalogue's phone-verification types (email has none of its own). */
const ENROLLMENT_SENT: Record<Channel, { eventType: string; displayMessage: string }> = {
  sms: { eventType: 'system.sms.send_phone_verification_message', displayMessage: 'Send phone verification SMS message' },
  call: { eventType: 'system.voice.send_phone_verification_call', displayMessage: 'Send phone verification call' },
  email: CHALLENGE_SENT.email,
};

/** A one-time code went out: a verify challenge, or an enrollment code (sent or resent). */
export function logCodeSent(ctx: SimContext, user: SimUser, factor: SimFactor, channel: Channel, challenge: boolean): void {
  const { eventType, displayMessage } = (challenge ? CHALLENGE_SENT : ENROLLMENT_SENT)[channel];
  recordEvent(ctx, { eventType, displayMessage, result: 'SUCCESS', user, factor });
}

/** A push verification went to the device. */
export function logPushSent(ctx: SimContext, user: SimUser, factor: SimFactor): void {
  recordEvent(ctx, {
    eventType: 'system.push.send_factor_verify_push', displayMessage: 'Send push notification for factor verification', result: 'SUCCESS', user, factor,
  });
}

export type UserChange = 'create' | 'activate' | 'deactivate' | 'suspend' | 'unsuspend' | 'unlock' | 'delete' | 'update_profile';

const USER_EVENTS: Record<UserChange, { eventType: string; displayMessage: string; legacyEventType?: string }[]> = {
  create: [{ eventType: 'user.lifecycle.create', displayMessage: 'Create okta user', legacyEventType: 'core.user.config.user_creation.success' }],
  activate: [{ eventType: 'user.lifecycle.activate', displayMessage: 'Activate Okta user' }],
  deactivate: [{ eventType: 'user.lifecycle.deactivate', displayMessage: 'Deactivate Okta user' }],
  suspend: [{ eventType: 'user.lifecycle.suspend', displayMessage: 'Suspend Okta user' }],
  unsuspend: [{ eventType: 'user.lifecycle.unsuspend', displayMessage: 'Unsuspend Okta user' }],
  update_profile: [{ eventType: 'user.account.update_profile', displayMessage: 'Update user profile for Okta' }],
  // An admin's unlock; `user.account.unlock` is the catalogue's automatic unlock.
  unlock: [{ eventType: 'user.account.unlock_by_admin', displayMessage: 'User account unlock by admin' }],
  // The simulator deletes at once, so the deletion completes in the same request.
  delete: [
    { eventType: 'user.lifecycle.delete.initiated', displayMessage: 'Delete Okta user initiated' },
    { eventType: 'user.lifecycle.delete.completed', displayMessage: 'Delete Okta user completed' },
  ],
};

export function logUserChange(ctx: SimContext, user: SimUser, change: UserChange): void {
  for (const event of USER_EVENTS[change]) recordEvent(ctx, { ...event, result: 'SUCCESS', user });
}
