// Identity Engine lists factors a Classic org keeps elsewhere: the verified primary email of a user
// created active (admin-created accounts need not prove ownership) is an ACTIVE `email` factor, and
// the recovery (forgot-password) question is a `question` factor. Classic lists neither.
import type { SimContext } from '../context';
import { newFactor } from '../factors/create';
import { findKind } from '../factors/kinds';
import type { SimUser } from '../model';

export function addIdentityEngineFactors(ctx: SimContext, user: SimUser): void {
  if (ctx.engine !== 'identity') return;
  const now = ctx.now();
  if (user.status === 'ACTIVE') {
    user.factors.push(newFactor(ctx.store, findKind('email', 'OKTA')!, 'ACTIVE', { email: user.profile.email }, now));
  }
  if (user.recoveryQuestion) {
    // The question is free text, not a catalog key: both fields carry it.
    const { question, answer } = user.recoveryQuestion;
    const factor = newFactor(ctx.store, findKind('question', 'OKTA')!, 'ACTIVE', { question, questionText: question }, now);
    factor.secrets.answer = answer;
    factor.isRecoveryQuestion = true;
    user.factors.push(factor);
  }
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
