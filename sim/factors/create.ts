// Building a new factor record (used by enrollment and by the seeds), adding it to a user, and
// activating it: the two places a factor becomes ACTIVE, so the two that log it.
import type { SimContext } from '../context';
import { isoSeconds, randomToken } from '../ids';
import { logFactorActivated } from '../logs/events';
import type { FactorStatus, SimFactor, SimUser } from '../model';
import type { OrgStore } from '../store';
import type { FactorKind } from './kinds';

export function newFactor(
  store: OrgStore,
  kind: FactorKind,
  status: FactorStatus,
  profile: Record<string, unknown>,
  nowMs: number,
): SimFactor {
  const stamp = isoSeconds(nowMs);
  // Okta's email factors carry no created/lastUpdated (spec examples and captures agree).
  const timestamps = kind.factorType === 'email' ? {} : { created: stamp, lastUpdated: stamp };
  return {
    id: store.newId(kind.idPrefix),
    factorType: kind.factorType,
    provider: kind.provider,
    vendorName: kind.vendorName,
    status,
    ...timestamps,
    profile,
    secrets: {},
    activationAttempts: [],
  };
}

export function touch(ctx: SimContext, factor: SimFactor): void {
  if (factor.lastUpdated) factor.lastUpdated = isoSeconds(ctx.now());
}

/**
 * PENDING_ACTIVATION -> ACTIVE. An activated phone also becomes the user's recovery phone. A factor
 * not yet added (`activate=true` at enrollment) is logged when it is added (addFactor), so once.
 */
export function activate(ctx: SimContext, user: SimUser, factor: SimFactor): void {
  factor.status = 'ACTIVE';
  const phone = factor.profile.phoneNumber;
  if (typeof phone === 'string' && !user.recoveryPhone) user.recoveryPhone = phone;
  factor.pendingCode = undefined;
  factor.pushActivation = undefined;
  factor.webChallenge = undefined;
  factor.activationAttempts = [];
  touch(ctx, factor);
  if (user.factors.includes(factor)) logFactorActivated(ctx, user, factor);
}

/** Adds a new factor to the user; one that is ACTIVE at once is logged (a pending one is not). */
export function addFactor(ctx: SimContext, user: SimUser, factor: SimFactor): void {
  user.factors.push(factor);
  if (factor.status === 'ACTIVE') logFactorActivated(ctx, user, factor);
}

/** A fresh U2F nonce (webauthn challenges are issued by webauthn/challenges.ts). */
export const fidoChallenge = (): string => randomToken(20);
