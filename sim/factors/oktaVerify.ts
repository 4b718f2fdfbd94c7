// Okta Verify as one enrollment: push, its TOTP and FastPass (signed_nonce) belong to the same app
// on the same device. In Identity Engine, activating push also enrolls the TOTP and signed_nonce
// factors, and only the first Okta Verify enrollment can be made through the Factors API.
import type { SimContext } from '../context';
import { oktaErrors } from '../errors';
import { randomToken } from '../ids';
import type { SimFactor, SimUser } from '../model';
import { addFactor, newFactor } from './create';
import { findKind, type FactorKind } from './kinds';
import { newTotpSecret } from './otp';

const OKTA_VERIFY_TYPES = new Set(['push', 'signed_nonce', 'token:software:totp']);

export function isOktaVerify(factor: { factorType: string; provider: string }): boolean {
  return factor.provider === 'OKTA' && OKTA_VERIFY_TYPES.has(factor.factorType);
}

/** Identity Engine: a second Okta Verify enrollment (e.g. its TOTP next to an existing push) is refused. */
export function refuseSecondOktaVerify(ctx: SimContext, user: SimUser, kind: FactorKind): void {
  if (ctx.engine !== 'identity' || !isOktaVerify(kind) || !user.factors.some(isOktaVerify)) return;
  throw oktaErrors.validation('factorEnrollRequest',
    'Okta Verify is already set up for this user. Only the first Okta Verify enrollment can be made through the Factors API.');
}

/** Identity Engine: the just-activated push brings its TOTP and FastPass companions, ACTIVE. */
export function addOktaVerifyCompanions(ctx: SimContext, user: SimUser, push: SimFactor): void {
  if (ctx.engine !== 'identity') return;
  const has = (factorType: string) => user.factors.some((f) => f.factorType === factorType && f.provider === 'OKTA');
  if (!has('token:software:totp')) {
    const totp = companion(ctx, user, 'token:software:totp', { credentialId: user.profile.login });
    totp.secrets.totp = newTotpSecret(ctx.store.rng);
  }
  if (!has('signed_nonce')) {
    const key = { kty: 'EC', use: 'sig', kid: 'default', jwkType: 'proofOfPossession', crv: 'P-256', x: randomToken(43), y: randomToken(43) };
    companion(ctx, user, 'signed_nonce', { ...push.profile, keys: [key] });
  }
}

function companion(ctx: SimContext, user: SimUser, factorType: string, profile: Record<string, unknown>): SimFactor {
  const factor = newFactor(ctx.store, findKind(factorType, 'OKTA')!, 'ACTIVE', profile, ctx.now());
  addFactor(ctx, user, factor);
  return factor;
}
