// What can be done to a factor right now. The FactorService guards each action with these, and the
// tree tags its nodes with the same predicates (`+canActivate`...), so a menu never offers an action
// the service would refuse. Free of `vscode`.
import { linkAllows } from '../okta/api/links';
import type { UserFactor } from '../okta/models';

/** Factor types the activate operation accepts a passcode for. */
const PASSCODE_ACTIVATION_TYPES = new Set(['sms', 'call', 'email', 'token:software:totp']);
const RESENDABLE_TYPES = new Set(['sms', 'call', 'email']);

export function isPendingActivation(factor: UserFactor): boolean {
  return factor.status === 'PENDING_ACTIVATION';
}

export function activatesWithPasscode(factor: UserFactor): boolean {
  return PASSCODE_ACTIVATION_TYPES.has(factor.factorType);
}

/** Pending factors this extension can activate: passcode types and push. */
export function canActivate(factor: UserFactor): boolean {
  return isPendingActivation(factor) && (activatesWithPasscode(factor) || factor.factorType === 'push');
}

/** Resend exists only for pending sms/call/email enrollments. */
export function canResend(factor: UserFactor): boolean {
  return isPendingActivation(factor) && RESENDABLE_TYPES.has(factor.factorType);
}

/** Okta verifies active factors only (others answer E0000154 or 403). */
export function canVerify(factor: UserFactor): boolean {
  return factor.status === 'ACTIVE';
}

/** The self link's hints say whether the server lets this factor be deleted right now. */
export function isDeletable(factor: UserFactor): boolean {
  return linkAllows(factor._links, 'self', 'DELETE');
}

/** Push verifications have transactions to look up. */
export function hasPushTransactions(factor: UserFactor): boolean {
  return factor.factorType === 'push' && canVerify(factor);
}

/** Only sms and call factors double as a recovery phone. */
export function hasRecoveryPhone(factor: UserFactor): boolean {
  return factor.factorType === 'sms' || factor.factorType === 'call';
}

export type FactorCapability = 'canActivate' | 'canResend' | 'canVerify' | 'deletable' | 'hasPushTransactions';

/** Every capability with its predicate: the tree's tags and package.json's `when` clauses use these names. */
export const FACTOR_CAPABILITIES: Record<FactorCapability, (factor: UserFactor) => boolean> = {
  canActivate,
  canResend,
  canVerify,
  deletable: isDeletable,
  hasPushTransactions,
};
