// Waiting for a push to end: polls the link Okta gave (validated by the client to be on the org)
// until the result is no longer WAITING, with a fixed interval, cancellation and progress reports.
import { abortableDelay } from '../util/abortableDelay';
import type { OktaClient } from '../okta/client';
import { cancelledError, OktaNetworkError } from '../okta/errors';
import { isHref, linkHref } from '../okta/api/links';
import { isUserFactor, type PushActivation, type UserFactor, type VerifyFactorResult } from '../okta/models';

export interface PushPollOptions<R = VerifyFactorResult> {
  /** Pause between polls (default 3000 ms). */
  intervalMs?: number;
  signal?: AbortSignal;
  /** Called with every poll result, WAITING ones included. */
  onProgress?: (result: R, elapsedMs: number) => void;
  /** Give up (OktaNetworkError 'timeout') when Okta keeps answering WAITING this long (default 5 min). */
  maxDurationMs?: number;
}

/**
 * Polls a push verification until it ends (SUCCESS, REJECTED, TIMEOUT...). Accepts the transaction
 * id or the `poll` href from verifyFactor's WAITING result; later polls follow each answer's own
 * `poll` link when there is one. The client refuses links that leave the org.
 */
export function pollPushTransaction(
  client: OktaClient, userId: string, factorId: string, transactionIdOrPollHref: string, options: PushPollOptions = {},
): Promise<VerifyFactorResult> {
  let href = isHref(transactionIdOrPollHref) ? transactionIdOrPollHref : undefined;
  const poll = (): Promise<VerifyFactorResult> => href
    ? client.followLink<VerifyFactorResult>(href, { signal: options.signal })
    : client.getFactorTransactionStatus(userId, factorId, transactionIdOrPollHref, { signal: options.signal });
  return pollUntilDone(poll, (result) => {
    if (result.factorResult !== 'WAITING') return true;
    href = linkHref(result._links, 'poll') ?? href;
    return false;
  }, options, 'push verification');
}

/**
 * Polls a push enrollment's activation until the factor is ACTIVE or the activation ended (TIMEOUT,
 * CANCELLED, ERROR). Pass the `poll` href from enroll/activate (`_links.poll`), or nothing.
 */
export function pollPushActivation(
  client: OktaClient, userId: string, factorId: string, pollHref: string | undefined,
  options: PushPollOptions<UserFactor | PushActivation> = {},
): Promise<UserFactor | PushActivation> {
  let href = pollHref;
  const poll = () => client.pollFactorActivation(userId, factorId, href, { signal: options.signal });
  return pollUntilDone(poll, (result) => {
    if (isUserFactor(result) || result.factorResult !== 'WAITING') return true;
    href = linkHref(result._links, 'poll') ?? href;
    return false;
  }, options, 'push activation');
}

async function pollUntilDone<R>(poll: () => Promise<R>, done: (result: R) => boolean, options: PushPollOptions<R>, what: string): Promise<R> {
  const interval = options.intervalMs ?? 3000;
  const maxDuration = options.maxDurationMs ?? 5 * 60_000;
  const started = Date.now();
  for (;;) {
    await abortableDelay(interval, options.signal, cancelledError);
    const result = await poll();
    const elapsed = Date.now() - started;
    try {
      options.onProgress?.(result, elapsed);
    } catch {
      // A failing progress callback must not stop the poll.
    }
    if (done(result)) return result;
    if (elapsed >= maxDuration) {
      throw new OktaNetworkError('timeout', `The ${what} was still waiting after ${Math.round(elapsed / 1000)} s; stopped polling.`);
    }
  }
}
