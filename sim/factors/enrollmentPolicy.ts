// The simulated org's authenticator enrollment policy: which kinds the catalog offers and POST
// /factors accepts. Real orgs evaluate the highest-priority policy per user and network zone; the
// simulator has one fixed policy per engine (documented in sim/README.md).
import type { SimContext } from '../context';
import type { FactorKind } from './kinds';

/** Identity Engine has no U2F authenticator (FIDO2 WebAuthn replaces it), so its policy cannot offer u2f. */
const NOT_IN_IDENTITY_POLICY = new Set(['u2f']);

export function offeredKind(ctx: SimContext, kind: FactorKind): boolean {
  if (!kind.enrollable) return false;
  return ctx.engine === 'classic' || !NOT_IN_IDENTITY_POLICY.has(kind.factorType);
}
