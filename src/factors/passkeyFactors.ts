// Passkey (webauthn) factors of test users, with the software passkey the built-in authenticator
// keeps: activating a pending factor (a new credential, its attestation sent to Okta) and verifying
// one (Okta's challenge, signed). A refusal names the org settings that can cause it. Free of `vscode`.
import type { PasskeyAuthenticator } from '../authenticator/passkey/passkeyAuthenticator';
import type { OktaClient } from '../okta/client';
import { OktaApiError } from '../okta/errors';
import { isUserFactor, type PushActivation, type UserFactor, type VerifyFactorOptions, type WebAuthnActivation, type WebAuthnChallenge } from '../okta/models';
import { canVerify } from './capabilities';
import type { FactorChanges } from './factorChanges';
import { FactorStateError, type ActivateOutcome, type VerifyOutcome } from './outcomes';
import type { FactorRef } from './targets';
import { boundToOrg, outcomeOf, requireAllowed } from './workflowParts';

export interface PasskeyFactorsDeps {
  clientFor(orgId: string): Promise<OktaClient>;
  workSignal(orgId: string): AbortSignal;
  passkeys: Pick<PasskeyAuthenticator, 'createCredential' | 'signAssertion' | 'forget' | 'forgetOrg' | 'factorsWithSecrets'>;
  changes: FactorChanges;
}

/** What a real org may be set up to refuse a software passkey for, said where the refusal shows. */
export const PASSKEY_REFUSAL_ADVICE = 'Check in the Admin Console that the Passkey (FIDO2 WebAuthn) authenticator is enabled and its '
  + 'enrollment policy allows this user, that attestation validation (certificate-based) is off and no AAGUID allow-list is set, '
  + 'that the authenticator uses no custom relying party id, and that the credentials\' admin role may manage this user\'s factors.';

export class PasskeyRefusedError extends Error {
  override readonly name = 'PasskeyRefusedError';
}

const isPendingPasskey = (factor: UserFactor) => factor.factorType === 'webauthn' && factor.status === 'PENDING_ACTIVATION';

const factorRefOf = ({ orgId, user, factor }: FactorRef) => ({ orgId, userId: user.id, factorId: factor.id });

export class PasskeyFactors {
  constructor(private readonly deps: PasskeyFactorsDeps) {}

  /**
   * Activates a pending webauthn factor with a new software passkey: forgotten when Okta refused it
   * (the factor stays pending), kept otherwise, also when the answer was lost on the way (Okta may
   * have taken it: the key is then the only way to use the factor).
   */
  async activate(ref: FactorRef, signal?: AbortSignal): Promise<ActivateOutcome> {
    requireAllowed(ref, isPendingPasskey, 'activated with a software passkey');
    const activation = ref.factor._embedded?.activation as WebAuthnActivation | undefined;
    if (!activation?.challenge) throw new FactorStateError('Okta sent no WebAuthn challenge with this enrollment: enroll the passkey again.');
    const work = boundToOrg(this.deps.workSignal(ref.orgId), signal);
    const client = await this.deps.clientFor(ref.orgId);
    // The org's URL is the origin the passkey signs for; its host is the relying party id.
    const body = await this.deps.passkeys.createCredential(factorRefOf(ref), activation, { orgUrl: client.orgUrl });
    let result: UserFactor | PushActivation;
    try {
      result = await client.activateFactor(ref.user.id, ref.factor.id, body, { signal: work });
    } catch (err) {
      if (err instanceof OktaApiError) await this.deps.passkeys.forget(factorRefOf(ref)).catch(() => undefined);
      throw refusal(err, 'took');
    }
    if (work.aborted) await this.deps.passkeys.forget(factorRefOf(ref)); // the org was removed meanwhile
    work.throwIfAborted();
    if (!isUserFactor(result)) return { kind: 'not-active', factorResult: result.factorResult };
    this.deps.changes.announce(ref.orgId, ref.user.id);
    return { kind: 'active', factor: result };
  }

  /** Verifies an active webauthn factor with its kept passkey: asks Okta for a challenge, signs it, answers. */
  async verify(ref: FactorRef, options: VerifyFactorOptions = {}, signal?: AbortSignal): Promise<VerifyOutcome> {
    requireAllowed(ref, canVerify, 'verified');
    const work = boundToOrg(this.deps.workSignal(ref.orgId), signal);
    const client = await this.deps.clientFor(ref.orgId);
    const asked = await client.verifyFactor(ref.user.id, ref.factor.id, undefined, { ...options, signal: work });
    const challenge = (asked._embedded as { challenge?: WebAuthnChallenge } | undefined)?.challenge;
    if (asked.factorResult !== 'CHALLENGE' || !challenge?.challenge) return outcomeOf(asked);
    const body = await this.deps.passkeys.signAssertion(factorRefOf(ref), challenge);
    try {
      const result = await client.verifyFactor(ref.user.id, ref.factor.id, body, { ...options, signal: work });
      if (result.factorResult === 'SUCCESS') this.deps.changes.announce(ref.orgId, ref.user.id);
      return outcomeOf(result);
    } catch (err) {
      throw refusal(err, 'accepted');
    }
  }

  /** Forgets the passkey kept for a factor (unenrolled, or reset with its user's factors). */
  forget(orgId: string, userId: string, factorId: string): Promise<void> {
    return this.deps.passkeys.forget({ orgId, userId, factorId });
  }

  /** The factors of a user whose passkey is kept here. */
  async keptFactorIds(orgId: string, userId: string): Promise<string[]> {
    return (await this.deps.passkeys.factorsWithSecrets(orgId)).filter((ref) => ref.userId === userId).map((ref) => ref.factorId);
  }

  forgetOrg(orgId: string): Promise<void> {
    return this.deps.passkeys.forgetOrg(orgId);
  }
}

/** Okta's 403 E0000068 to a passkey means the org did not take it: say which settings to check. */
function refusal(err: unknown, what: 'took' | 'accepted'): unknown {
  if (!(err instanceof OktaApiError) || err.status !== 403) return err;
  return new PasskeyRefusedError(`The org ${what === 'took' ? 'did not take' : 'did not accept'} the software passkey (${err.errorCode ?? `HTTP ${err.status}`}). ${PASSKEY_REFUSAL_ADVICE}`, { cause: err });
}
