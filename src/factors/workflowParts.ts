// What the factor workflows (FactorService, PushVerifications) share: the per-factor key of their
// state, the guard by capability, the org's lifetime on every call, and verify outcomes.
import type { UserFactor, VerifyFactorResult } from '../okta/models';
import { FactorStateError, type VerifyOutcome } from './outcomes';
import type { FactorRef } from './targets';

export const DEFAULT_POLL_INTERVAL_MS = 2000;

export interface PollOptions<R> {
  signal?: AbortSignal;
  intervalMs?: number;
  onProgress?: (result: R, elapsedMs: number) => void;
}

/** One string per factor across orgs, for the per-factor state kept by the workflows (cooldowns, pushes). */
export const factorKey = ({ orgId, user, factor }: FactorRef): string => `${orgId}/${user.id}/${factor.id}`;

/** Refuses an action the factor's state does not allow (the menus should not have offered it). */
export function requireAllowed(ref: FactorRef, allowed: (factor: UserFactor) => boolean, what: string): void {
  if (!allowed(ref.factor)) {
    const status = ref.factor.status.toLowerCase().replace(/_/g, ' ');
    throw new FactorStateError(`This factor cannot be ${what} while it is ${status}.`);
  }
}

/** The org's work signal (ended by removal or new credentials) joined with the caller's. */
export function boundToOrg(work: AbortSignal, ...signals: Array<AbortSignal | undefined>): AbortSignal {
  return AbortSignal.any([work, ...signals.filter((s): s is AbortSignal => s !== undefined)]);
}

export function outcomeOf(result: VerifyFactorResult): VerifyOutcome {
  const verdict = result.factorResult === 'SUCCESS' ? 'success'
    : result.factorResult === 'WAITING' || result.factorResult === 'CHALLENGE' ? 'pending' : 'failure';
  return { factorResult: result.factorResult, verdict, result };
}
