// Every Okta factor workflow, once: read, enroll, activate (passcode, built-in authenticator, push),
// resend with its cooldown, verify (passcode, answer), unenroll, reset. Commands, panels and bulk
// runs call this and only show the outcome; it announces each change (org, user) through
// FactorChanges so the tree refreshes without being asked. Push verifications are PushVerifications'.
// Every call ends with the org's work (the registry's signal). Free of `vscode`.
import type { TotpAuthenticator } from '../authenticator/totpAuthenticator';
import type { OktaClient } from '../okta/client';
import { isCancellation } from '../okta/errors';
import { linkHref } from '../okta/api/links';
import {
  isUserFactor, type CustomTotpProfile, type EnrollFactorOptions, type EnrollFactorRequest, type PushActivation, type SecurityQuestion,
  type SupportedFactor, type TotpActivation, type UserFactor, type VerifyFactorOptions, type VerifyFactorRequest,
} from '../okta/models';
import type { Event } from '../util/emitter';
import { canActivate, canResend, canVerify, isDeletable } from './capabilities';
import { isNotFound, isRateLimited, isWrongPasscode, sendCooldownSeconds, verifyResultOf } from './errorKinds';
import { FactorChanges, type FactorChange } from './factorChanges';
import {
  FactorStateError, ResendCooldownError, type ActivateOutcome, type ActivationStep, type EnrollOutcome,
  type PushActivationStep, type VerifyOutcome,
} from './outcomes';
import type { PasskeyFactors } from './passkeyFactors';
import { pollPushActivation } from './pushPolling';
import { resendCooldownSeconds as cooldownOf, ResendCooldowns } from './resendCooldowns';
import type { FactorRef, UserRef } from './targets';
import { boundToOrg, DEFAULT_POLL_INTERVAL_MS, factorKey, outcomeOf, requireAllowed, type PollOptions } from './workflowParts';

export type { FactorChange } from './factorChanges';

/** Okta allows 5 activation attempts per factor in 5 minutes. */
const ACTIVATION_WINDOW_MS = 5 * 60_000;

export interface FactorServiceDeps {
  clientFor(orgId: string): Promise<OktaClient>;
  totp: Pick<TotpAuthenticator, 'remember' | 'rememberCustomTotp' | 'has' | 'forget' | 'forgetOrg' | 'currentCode' | 'otpauthUri' | 'factorsWithSecrets'>;
  /** The issuer name authenticator apps show for the org's codes. */
  issuerOf(orgId: string): string;
  /** Errors that must not fail the action (a keychain that cannot forget a secret), logged at error level. */
  log(line: string): void;
  /** The org's work signal (the registry's): aborted on removal or new credentials, ending every call. */
  workSignal(orgId: string): AbortSignal;
  /** Software passkeys of webauthn factors: activated on enrollment, forgotten with their factor. */
  passkeys: Pick<PasskeyFactors, 'activate' | 'forget' | 'forgetOrg' | 'keptFactorIds'>;
  /** Where changes are announced (shared with push verifications and bulk runs); a new one by default. */
  changes?: FactorChanges;
  now?: () => number;
}

export class FactorService {
  readonly changes: FactorChanges;
  private readonly cooldowns: ResendCooldowns;
  private readonly profiles = new Map<string, Promise<CustomTotpProfile[]>>();

  /** A factor of (org, user) was enrolled, activated, verified or unenrolled, or may have been. */
  readonly onDidChange: Event<FactorChange>;

  constructor(private readonly deps: FactorServiceDeps) {
    this.changes = deps.changes ?? new FactorChanges();
    this.onDidChange = this.changes.event;
    this.cooldowns = new ResendCooldowns(deps.now);
  }

  // ---- reads ----

  async listFactors({ orgId, user }: UserRef, signal?: AbortSignal): Promise<UserFactor[]> {
    return (await this.client(orgId)).listFactors(user.id, { signal: this.bound(orgId, signal) });
  }

  /** The org's Custom TOTP profiles, read once per org (they change only in the Admin Console). */
  customTotpProfiles(orgId: string, signal?: AbortSignal): Promise<CustomTotpProfile[]> {
    let profiles = this.profiles.get(orgId);
    if (!profiles) {
      profiles = this.client(orgId).then((client) => client.listCustomTotpProfiles({ signal: this.bound(orgId, signal) }));
      this.profiles.set(orgId, profiles);
      profiles.catch(() => this.profiles.delete(orgId)); // a failure is not remembered
    }
    return profiles;
  }

  async getFactor(ref: FactorRef, signal?: AbortSignal): Promise<UserFactor> {
    return (await this.client(ref.orgId)).getFactor(ref.user.id, ref.factor.id, { signal: this.bound(ref.orgId, signal) });
  }

  /** A factor by ids alone (a factor document restored after a reload). */
  async factorById(orgId: string, userId: string, factorId: string, signal?: AbortSignal): Promise<UserFactor> {
    return (await this.client(orgId)).getFactor(userId, factorId, { signal: this.bound(orgId, signal) });
  }

  async catalog({ orgId, user }: UserRef, signal?: AbortSignal): Promise<SupportedFactor[]> {
    return (await this.client(orgId)).listSupportedFactors(user.id, { signal: this.bound(orgId, signal) });
  }

  async securityQuestions({ orgId, user }: UserRef, signal?: AbortSignal): Promise<SecurityQuestion[]> {
    return (await this.client(orgId)).listSupportedSecurityQuestions(user.id, { signal: this.bound(orgId, signal) });
  }

  // ---- enroll ----

  /** Enrolls, keeps a TOTP/HOTP secret in the built-in authenticator, and says how activation goes on. */
  async enroll(ref: UserRef, request: EnrollFactorRequest, options: EnrollFactorOptions, signal?: AbortSignal): Promise<EnrollOutcome> {
    const { orgId, user } = ref;
    const work = this.bound(orgId, signal);
    const factor = await (await this.client(orgId)).enrollFactor(user.id, request, { ...options, signal: work });
    this.announce(orgId, user.id);
    if (factor.factorType === 'token:hotp') await this.keepCustomTotpSecret({ ...ref, factor }, request, work);
    if (factor.factorType === 'webauthn' && factor.status === 'PENDING_ACTIVATION') return this.activatePasskey({ ...ref, factor }, work);
    let activation: ActivationStep;
    try {
      activation = await this.activationStep({ ...ref, factor }, work);
    } catch (err) {
      if (work.aborted) throw err;
      activation = { kind: 'failed', error: err };
    }
    return { factor, activation };
  }

  /** A passkey enrolled here is activated at once with a software passkey, so it shows active (or why not). */
  private async activatePasskey(ref: FactorRef, work: AbortSignal): Promise<EnrollOutcome> {
    try {
      const outcome = await this.deps.passkeys.activate(ref, work);
      return outcome.kind === 'active'
        ? { factor: outcome.factor, activation: { kind: 'done' } }
        : { factor: ref.factor, activation: { kind: 'failed', error: new Error(`Okta answered ${outcome.kind === 'not-active' ? outcome.factorResult : outcome.kind}.`) } };
    } catch (err) {
      if (work.aborted) throw err;
      return { factor: ref.factor, activation: { kind: 'failed', error: err } };
    }
  }

  private async activationStep(ref: FactorRef, signal: AbortSignal): Promise<ActivationStep> {
    const { factor } = ref;
    if (factor.status !== 'PENDING_ACTIVATION') return { kind: 'done' };
    switch (factor.factorType) {
      case 'token:software:totp':
        return this.keepTotpSecret(ref, signal);
      case 'push':
        return { kind: 'push', activation: (factor._embedded?.activation ?? { factorResult: 'WAITING' }) as PushActivation };
      case 'sms':
      case 'call':
      case 'email': {
        // Enrolling sent a code, so the resend cooldown starts now.
        this.cooldowns.start(factorKey(ref), cooldownOf(factor));
        const sentTo = factor.factorType === 'email' ? factor.profile?.email : factor.profile?.phoneNumber;
        return { kind: 'passcode', channel: factor.factorType, sentTo, resendAvailableAt: this.resendAvailableAt(ref) };
      }
      default:
        return { kind: 'manual', reason: 'unsupported' };
    }
  }

  /** Keeps the enrollment's secret; an org removed meanwhile keeps nothing. */
  private async keepTotpSecret(ref: FactorRef, signal: AbortSignal): Promise<ActivationStep> {
    const { orgId, user, factor } = ref;
    const activation = factor._embedded?.activation as TotpActivation | undefined;
    if (!activation?.sharedSecret) return { kind: 'manual', reason: 'no-secret' };
    signal.throwIfAborted();
    try {
      await this.deps.totp.remember(orgId, user.id, factor.id, activation, { label: user.profile.login, issuer: this.deps.issuerOf(orgId) });
    } catch (err) {
      throw new Error(`The built-in authenticator could not keep the factor's secret: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    if (signal.aborted) {
      await this.deps.totp.forget(orgId, user.id, factor.id);
      signal.throwIfAborted();
    }
    const otpauthUri = await this.deps.totp.otpauthUri(orgId, user.id, factor.id);
    // Base32 as authenticator apps expect, whatever encoding Okta used.
    return { kind: 'totp', otpauthUri, secret: new URL(otpauthUri).searchParams.get('secret') ?? activation.sharedSecret };
  }

  /**
   * A Custom TOTP secret is the tester's own, in its profile's encoding: kept with the profile's
   * settings so codes are computed as the org computes them. The factor is enrolled whatever happens
   * here, so a secret that cannot be kept is logged, not thrown.
   */
  private async keepCustomTotpSecret({ orgId, user, factor }: FactorRef, request: EnrollFactorRequest, work: AbortSignal): Promise<void> {
    try {
      const profile = (await this.customTotpProfiles(orgId)).find((p) => p.id === request.factorProfileId);
      if (!profile) throw new Error(`the org has no factor profile ${request.factorProfileId}`);
      await this.deps.totp.rememberCustomTotp(orgId, user.id, factor.id, { sharedSecret: String(request.profile?.sharedSecret ?? ''), settings: profile.settings },
        { label: user.profile.login, issuer: this.deps.issuerOf(orgId) });
      // An org removed while the secret was written keeps nothing.
      if (work.aborted) await this.deps.totp.forget(orgId, user.id, factor.id);
    } catch (err) {
      this.deps.log(`The Custom TOTP factor was enrolled, but the built-in authenticator cannot keep its secret: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  // ---- activate ----

  /** Activates a pending passcode factor (sms, call, email, TOTP). */
  async activate(ref: FactorRef, passCode: string, signal?: AbortSignal): Promise<ActivateOutcome> {
    requireAllowed(ref, canActivate, 'activated');
    const { orgId, user, factor } = ref;
    try {
      const result = await (await this.client(orgId)).activateFactor(user.id, factor.id, { passCode }, { signal: this.bound(orgId, signal) });
      if (!isUserFactor(result)) return { kind: 'not-active', factorResult: result.factorResult };
      this.announce(orgId, user.id);
      return { kind: 'active', factor: result };
    } catch (err) {
      if (isWrongPasscode(err)) return { kind: 'wrong-passcode', message: (err as Error).message, error: err };
      if (isRateLimited(err)) return { kind: 'too-many-attempts', retryBy: new Date(this.now() + ACTIVATION_WINDOW_MS) };
      if (factor.factorType === 'token:software:totp') await this.forgetSecretIfFactorGone(ref);
      throw err;
    }
  }

  /** Activates a TOTP factor with the built-in authenticator's current code. */
  async activateWithAuthenticator(ref: FactorRef, signal?: AbortSignal): Promise<ActivateOutcome> {
    const { code } = await this.deps.totp.currentCode(ref.orgId, ref.user.id, ref.factor.id);
    return this.activate(ref, code, signal);
  }

  /** Starts (or restarts) a push activation: a new QR code, and the activation to wait on. */
  async startPushActivation(ref: FactorRef, signal?: AbortSignal): Promise<PushActivationStep> {
    requireAllowed(ref, canActivate, 'activated');
    const result = await (await this.client(ref.orgId)).activateFactor(ref.user.id, ref.factor.id, undefined, { signal: this.bound(ref.orgId, signal) });
    return this.pushActivationStep(ref, result);
  }

  /** Polls the activation until the phone completes it or it ends (TIMEOUT, CANCELLED...). */
  async waitForPushActivation(ref: FactorRef, activation: PushActivation, options: PollOptions<UserFactor | PushActivation> = {}): Promise<PushActivationStep> {
    const client = await this.client(ref.orgId);
    const result = await pollPushActivation(client, ref.user.id, ref.factor.id, linkHref(activation._links, 'poll') ?? linkHref(ref.factor._links, 'poll'), {
      intervalMs: options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      signal: this.bound(ref.orgId, options.signal),
      onProgress: options.onProgress,
    });
    return this.pushActivationStep(ref, result);
  }

  private pushActivationStep(ref: FactorRef, result: UserFactor | PushActivation): PushActivationStep {
    if (!isUserFactor(result)) return { kind: 'pending', activation: result };
    this.announce(ref.orgId, ref.user.id);
    return { kind: 'active', factor: result };
  }

  /**
   * The image of a push activation's QR code, fetched by the host with the org's credentials (a panel
   * never loads a remote URL); undefined when Okta gave no `qrcode` link.
   */
  async pushActivationQrCode(ref: FactorRef, activation: PushActivation, signal?: AbortSignal): Promise<{ contentType: string; data: Uint8Array } | undefined> {
    const href = linkHref(activation._links, 'qrcode');
    if (!href) return undefined;
    return (await this.client(ref.orgId)).activationQrCode(href, { signal: this.bound(ref.orgId, signal) });
  }

  /** Sends the push activation link to the user's phone (sms) or address (email), through `_links.send`. */
  async sendPushActivationLink(ref: FactorRef, activation: PushActivation, channel: 'sms' | 'email', to: string, signal?: AbortSignal): Promise<PushActivationStep> {
    requireAllowed(ref, canActivate, 'activated');
    const href = linkHref(activation._links, 'send', channel);
    if (!href) throw new FactorStateError(`Okta offers no way to send this activation by ${channel === 'sms' ? 'SMS' : 'email'}.`);
    const profile = channel === 'sms' ? { phoneNumber: to } : { email: to };
    const result = await (await this.client(ref.orgId)).sendActivationLink(href, profile, { signal: this.bound(ref.orgId, signal) });
    return this.pushActivationStep(ref, result);
  }

  // ---- resend ----

  /** Whole seconds before this factor may be sent another code; 0 when it may now. */
  resendWaitSeconds(ref: FactorRef): number {
    return this.cooldowns.remainingSeconds(factorKey(ref));
  }

  /** When the next code may be sent (epoch ms). */
  resendAvailableAt(ref: FactorRef): number {
    return this.now() + this.resendWaitSeconds(ref) * 1000;
  }

  /** Sends a new enrollment code; refuses locally during the cooldown. Returns the new cooldown. */
  async resend(ref: FactorRef, options: { templateId?: string } = {}, signal?: AbortSignal): Promise<{ cooldownSeconds: number }> {
    requireAllowed(ref, canResend, 'sent a new code');
    const { orgId, user, factor } = ref;
    const key = factorKey(ref);
    const cooldown = cooldownOf(factor);
    const left = this.cooldowns.remainingSeconds(key);
    if (left > 0) throw new ResendCooldownError(left, cooldown);
    try {
      await (await this.client(orgId)).resendEnrollFactor(user.id, factor.id, {
        factorType: factor.factorType as 'sms' | 'call' | 'email',
        provider: String(factor.provider),
        profile: factor.profile,
      }, { templateId: options.templateId, signal: this.bound(orgId, signal) });
    } catch (err) {
      // Okta's "sent moments ago" wins over ours; a cancel may come after Okta sent the code.
      const wait = sendCooldownSeconds(err) ?? (isCancellation(err) ? cooldown : undefined);
      if (wait) this.cooldowns.start(key, wait);
      throw err;
    }
    this.cooldowns.start(key, cooldown);
    return { cooldownSeconds: cooldown };
  }

  // ---- verify ----

  /** sms/call/email: asks Okta to send a code. */
  async sendChallenge(ref: FactorRef, options: VerifyFactorOptions = {}, signal?: AbortSignal): Promise<VerifyOutcome> {
    requireAllowed(ref, canVerify, 'verified');
    const result = await (await this.client(ref.orgId)).verifyFactor(ref.user.id, ref.factor.id, undefined, { ...options, signal: this.bound(ref.orgId, signal) });
    return outcomeOf(result);
  }

  /** Checks a passcode or answer; a wrong one is an outcome, not an error. */
  async verify(ref: FactorRef, body: VerifyFactorRequest, options: VerifyFactorOptions = {}, signal?: AbortSignal): Promise<VerifyOutcome> {
    requireAllowed(ref, canVerify, 'verified');
    try {
      const result = await (await this.client(ref.orgId)).verifyFactor(ref.user.id, ref.factor.id, body, { ...options, signal: this.bound(ref.orgId, signal) });
      if (result.factorResult === 'SUCCESS') this.announce(ref.orgId, ref.user.id);
      return outcomeOf(result);
    } catch (err) {
      // Okta reports these outcomes as errors; they are results to the tester.
      const named = verifyResultOf(err, body.answer !== undefined);
      if (!named) throw err;
      return { factorResult: named, verdict: 'failure', errorMessage: (err as Error).message, error: err };
    }
  }

  // ---- unenroll ----

  /** Deletes the factor and forgets its secrets; after a lost answer, forgets them only if it is gone. */
  async unenroll(ref: FactorRef, options: { removeRecoveryEnrollment?: boolean } = {}, signal?: AbortSignal): Promise<void> {
    requireAllowed(ref, isDeletable, 'unenrolled');
    const { orgId, user, factor } = ref;
    const client = await this.client(orgId);
    try {
      await client.unenrollFactor(user.id, factor.id, { removeRecoveryEnrollment: options.removeRecoveryEnrollment, signal: this.bound(orgId, signal) });
    } catch (err) {
      // Cancelled (or the answer lost) after the DELETE went out: the factor may be gone all the same.
      if (await this.isGone(ref)) await this.forgetSecrets(ref);
      throw err;
    } finally {
      this.announce(orgId, user.id);
    }
    await this.forgetSecrets(ref);
  }

  // ---- reset ----

  /**
   * Resets every factor of the user (one request) and forgets the secrets the built-in authenticator
   * kept for them. Identity Engine keeps the recovery question until a second reset.
   */
  async resetFactors({ orgId, user }: UserRef, signal?: AbortSignal): Promise<void> {
    const client = await this.client(orgId);
    const work = this.bound(orgId, signal);
    try {
      await client.resetFactors(user.id, { signal: work });
    } finally {
      this.announce(orgId, user.id);
    }
    // Every factor is gone now, so no secret or passkey kept for this user is of use.
    const kept = (await this.deps.totp.factorsWithSecrets(orgId)).filter((ref) => ref.userId === user.id).map((ref) => ref.factorId);
    const passkeys = await this.deps.passkeys.keptFactorIds(orgId, user.id);
    await Promise.all([...new Set([...kept, ...passkeys])].map((factorId) => this.forgetSecret(orgId, user.id, factorId, 'The factors were reset')));
  }

  // ---- org lifetime ----

  /** The org was removed (its work already ended with it): forgets its secrets and state. */
  async forgetOrg(orgId: string): Promise<void> {
    this.cooldowns.clear((key) => key.startsWith(`${orgId}/`));
    this.profiles.delete(orgId);
    await Promise.all([this.deps.totp.forgetOrg(orgId), this.deps.passkeys.forgetOrg(orgId)]);
  }

  dispose(): void {
    this.changes.dispose();
  }

  // ---- helpers ----

  private client(orgId: string): Promise<OktaClient> {
    return this.deps.clientFor(orgId);
  }

  /** The caller's signal joined with the org's work. */
  private bound(orgId: string, signal?: AbortSignal): AbortSignal {
    return boundToOrg(this.deps.workSignal(orgId), signal);
  }

  private announce(orgId: string, userId: string): void {
    this.changes.announce(orgId, userId);
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private async isGone(ref: FactorRef): Promise<boolean> {
    return (await this.client(ref.orgId)).getFactor(ref.user.id, ref.factor.id).then(() => false, isNotFound);
  }

  /** After a failed activation, a TOTP secret is useless only once the factor is gone. */
  private async forgetSecretIfFactorGone(ref: FactorRef): Promise<void> {
    if (!(await this.deps.totp.has(ref.orgId, ref.user.id, ref.factor.id))) return;
    if (await this.isGone(ref).catch(() => false)) await this.deps.totp.forget(ref.orgId, ref.user.id, ref.factor.id);
  }

  /** The factor is gone whatever happens here, so a keychain failure is logged, not thrown. */
  private async forgetSecrets({ orgId, user, factor }: FactorRef): Promise<void> {
    await this.forgetSecret(orgId, user.id, factor.id, 'The factor was unenrolled');
  }

  private async forgetSecret(orgId: string, userId: string, factorId: string, done: string): Promise<void> {
    try {
      await Promise.all([this.deps.totp.forget(orgId, userId, factorId), this.deps.passkeys.forget(orgId, userId, factorId)]);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      this.deps.log(`${done}, but the built-in authenticator could not forget its secret: ${why}`);
    }
  }
}
