// Push verification as Okta models it: verify answers 201 WAITING with poll/cancel links to
// …/transactions/{id}; the transaction ends SUCCESS, REJECTED or TIMEOUT. Approve/deny/expire come
// from the control API (the simulated phone). Unknown or cancelled ids answer 404 E0000191.
import { factorUrl, link, notify, type SimContext } from '../context';
import { OktaError, oktaErrors } from '../errors';
import { bodyObject, header, json, noContent, type ApiRequest, type ApiResponse } from '../http';
import { isoSeconds, randomToken } from '../ids';
import { logPushRejected, logPushSent, logVerification } from '../logs/events';
import { currentOrigin } from '../logs/requestOrigin';
import type { PushChallenge, PushTransaction, SimFactor, SimUser } from '../model';
import { markVerified } from './lastVerified';
import { completePushActivation, pushActivationState } from './pushActivation';

export type PushOutcome = 'approve' | 'deny' | 'expire';

function refresh(ctx: SimContext, tx: PushTransaction): PushTransaction {
  if (tx.result === 'WAITING' && tx.expiresAtMs <= ctx.now()) tx.result = 'TIMEOUT';
  return tx;
}

function transactionUrl(ctx: SimContext, tx: PushTransaction): string {
  return `${factorUrl(ctx, tx.userId, tx.factorId)}/transactions/${tx.id}`;
}

function waitingBody(ctx: SimContext, tx: PushTransaction, withProfile: boolean, user: SimUser): Record<string, unknown> {
  const href = transactionUrl(ctx, tx);
  return {
    expiresAt: isoSeconds(tx.expiresAtMs),
    factorResult: 'WAITING',
    ...(withProfile ? { profile: { credentialId: user.profile.login } } : {}),
    _links: { poll: link(href, ['GET']), cancel: link(href, ['DELETE']) },
    ...(tx.correctAnswer !== undefined ? { _embedded: { challenge: { correctAnswer: tx.correctAnswer } } } : {}),
  };
}

export function startPushVerify(ctx: SimContext, req: ApiRequest, user: SimUser, factor: SimFactor): ApiResponse {
  const numberMatching = bodyObject(req.body).useNumberMatchingChallenge === true;
  const tx: PushTransaction = {
    id: `v2mst.${randomToken(22)}`,
    userId: user.id,
    factorId: factor.id,
    expiresAtMs: ctx.now() + ctx.pushTimeoutSeconds * 1000,
    result: 'WAITING',
    ...(numberMatching ? { correctAnswer: 1 + Math.floor(ctx.store.rng() * 99) } : {}),
    userAgent: header(req, 'user-agent'),
    ip: header(req, 'x-forwarded-for'),
    origin: currentOrigin(),
  };
  ctx.store.transactions.set(tx.id, tx);
  logPushSent(ctx, user, factor);
  notify(ctx, 'push', challengeOf(tx));
  return json(waitingBody(ctx, tx, false, user), 201);
}

export function transactionStatus(ctx: SimContext, req: ApiRequest): ApiResponse {
  const { user, tx } = findTransaction(ctx, req);
  refresh(ctx, tx);
  if (tx.result === 'WAITING') return json(waitingBody(ctx, tx, true, user));
  if (tx.result === 'SUCCESS') return json({ factorResult: 'SUCCESS' });
  const self = factorUrl(ctx, tx.userId, tx.factorId);
  return json({
    factorResult: tx.result,
    profile: { credentialId: user.profile.login },
    _links: { verify: link(`${self}/verify`, ['POST']), factor: link(self, ['GET', 'DELETE']) },
  });
}

/** DELETE on the cancel link: the transaction is dropped (later polls answer 404). */
export function cancelTransaction(ctx: SimContext, req: ApiRequest): ApiResponse {
  const { tx } = findTransaction(ctx, req);
  ctx.store.transactions.delete(tx.id);
  return noContent();
}

function findTransaction(ctx: SimContext, req: ApiRequest): { user: SimUser; tx: PushTransaction } {
  const user = ctx.store.requireUser(req.params.userId);
  const factor = ctx.store.requireFactor(user, req.params.factorId);
  const tx = ctx.store.transactions.get(req.params.transactionId);
  if (!tx || tx.factorId !== factor.id) throw oktaErrors.transactionNotFound();
  return { user, tx };
}

function challengeOf(tx: PushTransaction): PushChallenge {
  return {
    kind: 'verify',
    userId: tx.userId,
    factorId: tx.factorId,
    transactionId: tx.id,
    expiresAt: isoSeconds(tx.expiresAtMs),
    ...(tx.correctAnswer !== undefined ? { correctAnswer: tx.correctAnswer } : {}),
    ...(tx.userAgent ? { userAgent: tx.userAgent } : {}),
    ...(tx.ip ? { ip: tx.ip } : {}),
  };
}

/** Every push still waiting for the simulated phone (verify transactions and activations). */
export function waitingPushChallenges(ctx: SimContext): PushChallenge[] {
  const out: PushChallenge[] = [];
  for (const user of ctx.store.users) {
    for (const factor of user.factors) {
      if (factor.status === 'PENDING_ACTIVATION' && pushActivationState(ctx, factor) === 'WAITING') {
        out.push({ kind: 'activation', userId: user.id, factorId: factor.id, expiresAt: isoSeconds(factor.pushActivation!.expiresAtMs) });
      }
    }
  }
  for (const tx of ctx.store.transactions.values()) if (refresh(ctx, tx).result === 'WAITING') out.push(challengeOf(tx));
  return out;
}

const conflict = (message: string): OktaError => new OktaError(409, 'SIM0000409', message);

/**
 * The simulated phone's answer. Without a transaction id, a push factor still pending activation is
 * "scanned" (approve) / cancelled (deny) / timed out (expire); otherwise the newest waiting verify
 * transaction of that factor is settled.
 */
export function settlePush(
  ctx: SimContext,
  userId: string,
  factorId: string,
  outcome: PushOutcome,
  transactionId?: string,
): { kind: 'verify' | 'activation'; result: string; transactionId?: string } {
  const user = ctx.store.requireUser(userId);
  const factor = ctx.store.requireFactor(user, factorId);
  if (!transactionId && factor.factorType === 'push' && factor.status === 'PENDING_ACTIVATION') {
    if (pushActivationState(ctx, factor) !== 'WAITING') throw conflict('The push activation is not waiting.');
    if (outcome === 'approve') {
      completePushActivation(ctx, user, factor);
      return { kind: 'activation', result: 'ACTIVE' };
    }
    factor.pushActivation!.state = outcome === 'deny' ? 'CANCELLED' : 'TIMEOUT';
    return { kind: 'activation', result: factor.pushActivation!.state };
  }
  const tx = transactionId
    ? ctx.store.transactions.get(transactionId)
    : [...ctx.store.transactions.values()].reverse().find((t) => t.factorId === factorId && refresh(ctx, t).result === 'WAITING');
  if (!tx || tx.factorId !== factorId) throw oktaErrors.transactionNotFound();
  if (refresh(ctx, tx).result !== 'WAITING') throw conflict(`The push transaction is already ${tx.result}.`);
  tx.result = outcome === 'approve' ? 'SUCCESS' : outcome === 'deny' ? 'REJECTED' : 'TIMEOUT';
  // An answered push is the verification the log records, under the verify request that sent it;
  // one left to expire was never answered, and is not logged.
  if (tx.result === 'SUCCESS') {
    markVerified(ctx, factor);
    logVerification(ctx, user, factor, undefined, tx.origin);
  } else if (tx.result === 'REJECTED') {
    logPushRejected(ctx, user, factor, tx.origin);
  }
  if (outcome === 'expire') tx.expiresAtMs = ctx.now();
  return { kind: 'verify', result: tx.result, transactionId: tx.id };
}
