// Push verifications followed from here: one waiting push per factor (Cancel stops it and cancels it
// on Okta), and the last transaction started per factor, for "Check Push Transaction".
import type { OktaClient } from '../okta/client';
import { isCancellation } from '../okta/errors';
import { factorTransactionId, linkHref } from '../okta/api/links';
import type { VerifyFactorOptions, VerifyFactorResult } from '../okta/models';
import { canVerify, hasPushTransactions } from './capabilities';
import type { FactorChanges } from './factorChanges';
import { FactorStateError, type RecordedPushTransaction, type VerifyOutcome } from './outcomes';
import { pollPushTransaction } from './pushPolling';
import { boundToOrg, DEFAULT_POLL_INTERVAL_MS, factorKey, outcomeOf, requireAllowed, type PollOptions } from './workflowParts';
import type { FactorRef } from './targets';

export interface PushVerificationsDeps {
  clientFor(orgId: string): Promise<OktaClient>;
  /** The org's work signal: aborted when the org is removed or its credentials change. */
  workSignal(orgId: string): AbortSignal;
  changes: FactorChanges;
  now?: () => number;
}

interface WaitingPush {
  stop: AbortController;
  cancelFrom?: string;
}

export class PushVerifications {
  private readonly lastPushes = new Map<string, RecordedPushTransaction>();
  private readonly waitingPushes = new Map<string, WaitingPush>();

  constructor(private readonly deps: PushVerificationsDeps) {}

  /**
   * Sends a push and follows it until the user answers, it times out, or cancel() stops it.
   * `onProgress` sees every WAITING answer (with the number to match).
   */
  async verify(ref: FactorRef, options: VerifyFactorOptions = {}, poll: PollOptions<VerifyFactorResult> = {}): Promise<VerifyOutcome> {
    requireAllowed(ref, canVerify, 'verified');
    const key = factorKey(ref);
    if (this.waitingPushes.has(key)) throw new FactorStateError('A push is already waiting for this factor: cancel it first.');
    const waiting: WaitingPush = { stop: new AbortController() };
    this.waitingPushes.set(key, waiting);
    const signal = this.bound(ref.orgId, poll.signal, waiting.stop.signal);
    try {
      const client = await this.deps.clientFor(ref.orgId);
      const started = await client.verifyFactor(ref.user.id, ref.factor.id, undefined, { ...options, signal });
      if (started.factorResult !== 'WAITING') return outcomeOf(started);
      const transactionId = factorTransactionId(started);
      if (transactionId) this.lastPushes.set(key, { transactionId, startedAt: new Date((this.deps.now ?? Date.now)()) });
      waiting.cancelFrom = linkHref(started._links, 'cancel') ?? transactionId;
      poll.onProgress?.(started, 0);
      const pollFrom = linkHref(started._links, 'poll') ?? transactionId;
      if (!pollFrom) throw new FactorStateError('Okta answered WAITING without a link to follow the push.');
      const final = await pollPushTransaction(client, ref.user.id, ref.factor.id, pollFrom, {
        intervalMs: poll.intervalMs ?? DEFAULT_POLL_INTERVAL_MS, signal, onProgress: poll.onProgress,
      });
      if (final.factorResult === 'SUCCESS') this.deps.changes.announce(ref.orgId, ref.user.id);
      return outcomeOf(final);
    } catch (err) {
      if (isCancellation(err) && waiting.stop.signal.aborted) return { factorResult: 'CANCELLED', verdict: 'failure', stoppedByCancel: true };
      throw err;
    } finally {
      if (this.waitingPushes.get(key) === waiting) this.waitingPushes.delete(key);
    }
  }

  /** True while verify() follows a push of this factor. */
  isWaiting(ref: FactorRef): boolean {
    return this.waitingPushes.has(factorKey(ref));
  }

  /**
   * Stops following the waiting push and cancels it on Okta. 'stopped' when Okta gave no way to
   * cancel it (it stays on the device until it expires).
   */
  async cancel(ref: FactorRef, signal?: AbortSignal): Promise<'cancelled' | 'stopped'> {
    const waiting = this.waitingPushes.get(factorKey(ref));
    if (!waiting) throw new FactorStateError('No push is waiting.');
    waiting.stop.abort();
    if (!waiting.cancelFrom) return 'stopped';
    await (await this.deps.clientFor(ref.orgId)).cancelFactorTransaction(ref.user.id, ref.factor.id, waiting.cancelFrom, { signal: this.bound(ref.orgId, signal) });
    return 'cancelled';
  }

  /** The last push verification started here for the factor (transactions expire in minutes). */
  lastTransaction(ref: FactorRef): RecordedPushTransaction | undefined {
    return this.lastPushes.get(factorKey(ref));
  }

  async transactionStatus(ref: FactorRef, transactionId: string, signal?: AbortSignal): Promise<VerifyFactorResult> {
    requireAllowed(ref, hasPushTransactions, 'checked for push transactions');
    return (await this.deps.clientFor(ref.orgId)).getFactorTransactionStatus(ref.user.id, ref.factor.id, transactionId, { signal: this.bound(ref.orgId, signal) });
  }

  /** The org is gone: its pushes were stopped with its work; forget them. */
  forgetOrg(orgId: string): void {
    for (const map of [this.lastPushes, this.waitingPushes]) {
      for (const key of [...map.keys()]) if (key.startsWith(`${orgId}/`)) map.delete(key);
    }
  }

  private bound(orgId: string, ...signals: Array<AbortSignal | undefined>): AbortSignal {
    return boundToOrg(this.deps.workSignal(orgId), ...signals);
  }
}
