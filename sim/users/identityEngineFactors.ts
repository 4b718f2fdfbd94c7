// Identity Engine lists factors a Classic org keeps elsewhere: the verified primary email of a user
// made active by an admin (created active, or activated later: admin-made accounts need not prove
// ownership) is an ACTIVE `email` factor, and the recovery (forgot-password) question is a
// `question` factor. Classic lists neither.
import type { SimContext } from '../context';
import { addFactor, newFactor } from '../factors/create';
import { findKind } from '../factors/kinds';
import type { SimUser } from '../model';

/** At creation: the primary email (if the user is ACTIVE) and the recovery question. */
export function addIdentityEngineFactors(ctx: SimContext, user: SimUser): void {
  if (ctx.engine !== 'identity') return;
  addPrimaryEmailFactor(ctx, user);
  if (user.recoveryQuestion) {
    // The question is free text, not a catalog key: both fields carry it.
    const { question, answer } = user.recoveryQuestion;
    const factor = newFactor(ctx.store, findKind('question', 'OKTA')!, 'ACTIVE', { question, questionText: question }, ctx.now());
    factor.secrets.answer = answer;
    factor.isRecoveryQuestion = true;
    addFactor(ctx, user, factor);
  }
}

/** The ACTIVE user's primary email as an ACTIVE email factor, unless one is listed already. */
export function addPrimaryEmailFactor(ctx: SimContext, user: SimUser): void {
  if (ctx.engine !== 'identity' || user.status !== 'ACTIVE' || user.factors.some((f) => f.factorType === 'email')) return;
  addFactor(ctx, user, newFactor(ctx.store, findKind('email', 'OKTA')!, 'ACTIVE', { email: user.profile.email }, ctx.now()));
}

/**
 * reset_factors: Identity Engine keeps listing the recovery question after a reset; resetting it too
 * takes a second call (when nothing else is left). Classic removes every listed factor.
 */
export function factorsToReset(ctx: SimContext, user: SimUser): SimUser['factors'] {
  if (ctx.engine !== 'identity') return [...user.factors];
  const others = user.factors.filter((f) => !f.isRecoveryQuestion);
  return others.length > 0 ? others : [...user.factors];
}
