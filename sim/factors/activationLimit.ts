// Okta allows 5 activation attempts per factor in 5 minutes; after that both activate and resend
// answer 429 E0000047 until the window has passed.
import type { SimContext } from '../context';
import { oktaErrors } from '../errors';
import type { SimFactor } from '../model';

const MAX_ATTEMPTS = 5;
const WINDOW_MS = 5 * 60_000;

function recentAttempts(ctx: SimContext, factor: SimFactor): number[] {
  const since = ctx.now() - WINDOW_MS;
  factor.activationAttempts = factor.activationAttempts.filter((t) => t > since);
  return factor.activationAttempts;
}

export function assertActivationAllowed(ctx: SimContext, factor: SimFactor): void {
  if (recentAttempts(ctx, factor).length >= MAX_ATTEMPTS) throw oktaErrors.rateLimited();
}

export function recordActivationAttempt(ctx: SimContext, factor: SimFactor): void {
  assertActivationAllowed(ctx, factor);
  factor.activationAttempts.push(ctx.now());
}
