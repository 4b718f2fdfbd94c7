// The control API: what the /sim/... endpoints and the methods on startSimulator()'s result do.
import type { SimContext } from '../context';
import { OktaError, oktaErrors } from '../errors';
import type { FaultInjector, Fault } from '../faults';
import { yubikeyOtp } from '../factors/hardwareTokens';
import { currentCustomTotp } from '../factors/customTotp';
import { requireHotpProfile } from '../factors/hotpProfiles';
import { currentTotp } from '../factors/otp';
import { encodeSecret } from '../factors/secretEncoding';
import { settlePush, waitingPushChallenges, type PushOutcome } from '../factors/pushTransactions';
import type { LogSettings } from '../logs/systemLog';
import type { Channel, OutboxMessage, PushChallenge } from '../model';
import type { OAuthServer } from '../oauth/oauthServer';
import type { ServiceAppView } from '../oauth/serviceApps';
import type { RateLimiter, RateLimitSettings } from '../rateLimits';
import type { RequestCounter } from '../requestCounter';
import { configureWebAuthn, type WebAuthnSettings } from '../webauthn/settings';

export interface OutboxFilter {
  userId?: string;
  factorId?: string;
  channel?: Channel;
}

export interface ControlDeps {
  ctx: SimContext;
  rateLimiter: RateLimiter;
  faults: FaultInjector;
  counter: RequestCounter;
  oauth: OAuthServer;
  /** Re-seeds the store with `seed` (or the current one). */
  reseed(seed?: string): void;
}

const MAX_ADVANCE_SECONDS = 366 * 24 * 3600;
const MAX_OFFSET_SECONDS = 10 * MAX_ADVANCE_SECONDS;

/** A passcode the deterministic RSA/Symantec rule accepts. */
const ACCEPTED_TOKEN_CODE = '135790';

/** A Custom TOTP secret in its profile's encoding, with the settings its codes are computed under. */
function customTotpSecrets(factorProfileId: string, key: Uint8Array): Record<string, unknown> {
  const { settings } = requireHotpProfile(factorProfileId);
  return {
    factorProfileId,
    sharedSecret: encodeSecret(key, settings.encoding),
    encoding: settings.encoding,
    timeStep: settings.timeStep,
    digits: settings.otpLength,
    algorithm: settings.hmacAlgorithm,
    acceptableAdjacentIntervals: settings.acceptableAdjacentIntervals,
  };
}

export class SimControl {
  constructor(private readonly deps: ControlDeps) {}

  outbox(filter: OutboxFilter = {}): OutboxMessage[] {
    return this.deps.ctx.store.outbox.filter(
      (m) =>
        (!filter.userId || m.userId === filter.userId) &&
        (!filter.factorId || m.factorId === filter.factorId) &&
        (!filter.channel || m.channel === filter.channel),
    );
  }

  clearOutbox(): void {
    this.deps.ctx.store.outbox.length = 0;
  }

  /** A code that works now: the latest one sent (sms/call/email) or one computed from the secret. */
  currentCode(userId: string, factorId: string): { code: string; source: string } {
    const { store } = this.deps.ctx;
    const user = store.requireUser(userId);
    const factor = store.requireFactor(user, factorId);
    const { totp, customTotp, yubikeyPublicId, usedOtps } = factor.secrets;
    if (totp) return { code: currentTotp(totp, this.deps.ctx.now()), source: 'totp' };
    if (customTotp) {
      const { settings } = requireHotpProfile(factor.factorProfileId!);
      return { code: currentCustomTotp(customTotp, settings, this.deps.ctx.now()), source: 'custom-totp' };
    }
    if (yubikeyPublicId) {
      let n = usedOtps?.size ?? 0;
      while (usedOtps?.has(yubikeyOtp(yubikeyPublicId, n))) n++;
      return { code: yubikeyOtp(yubikeyPublicId, n), source: 'yubikey' };
    }
    if (factor.factorType === 'token') return { code: ACCEPTED_TOKEN_CODE, source: 'rule' };
    const sent = this.outbox({ userId: user.id, factorId }).filter((m) => m.purpose !== 'activation-link').pop();
    if (sent) return { code: sent.code, source: 'outbox' };
    throw new OktaError(404, 'E0000007', `Not found: no code for factor ${factorId}`);
  }

  /** The secrets behind a factor, for tests that compute codes themselves. */
  factorSecrets(userId: string, factorId: string): Record<string, unknown> {
    const { store } = this.deps.ctx;
    const factor = store.requireFactor(store.requireUser(userId), factorId);
    const { totp, customTotp, answer, yubikeyPublicId } = factor.secrets;
    return {
      ...(totp ? { sharedSecret: totp.sharedSecret, encoding: 'base32', timeStep: totp.timeStep, digits: totp.digits } : {}),
      ...(customTotp ? customTotpSecrets(factor.factorProfileId!, customTotp.key) : {}),
      ...(answer ? { answer } : {}),
      ...(yubikeyPublicId ? { yubikeyPublicId } : {}),
      ...(factor.pendingCode ? { pendingCode: factor.pendingCode.code } : {}),
    };
  }

  pushChallenges(): PushChallenge[] {
    return waitingPushChallenges(this.deps.ctx);
  }

  approvePush(userId: string, factorId: string, transactionId?: string) {
    return this.settle(userId, factorId, 'approve', transactionId);
  }

  denyPush(userId: string, factorId: string, transactionId?: string) {
    return this.settle(userId, factorId, 'deny', transactionId);
  }

  expirePush(userId: string, factorId: string, transactionId?: string) {
    return this.settle(userId, factorId, 'expire', transactionId);
  }

  private settle(userId: string, factorId: string, outcome: PushOutcome, transactionId?: string) {
    return settlePush(this.deps.ctx, userId, factorId, outcome, transactionId);
  }

  /**
   * Moves the simulator's clock forward (cooldowns, code and push expiry, rate-limit windows). Bounded
   * so that dates stay valid: at most a year per call and ten years in all until the next reset.
   */
  advanceClock(seconds: number): { now: string; offsetSeconds: number } {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
      throw new Error(`"advanceSeconds" must be a number from 0 to ${MAX_ADVANCE_SECONDS} (one year).`);
    }
    const offsetMs = this.deps.ctx.clockOffsetMs + seconds * 1000;
    if (offsetMs > MAX_OFFSET_SECONDS * 1000) {
      throw new Error(`The clock may run at most ${MAX_OFFSET_SECONDS} seconds (ten years) ahead; reset the simulator to start again.`);
    }
    this.deps.ctx.clockOffsetMs = offsetMs;
    return this.clock();
  }

  clock(): { now: string; offsetSeconds: number } {
    const { ctx } = this.deps;
    return { now: new Date(ctx.now()).toISOString(), offsetSeconds: ctx.clockOffsetMs / 1000 };
  }

  /**
   * Re-seeds and clears outbox, push transactions, throttles, clock offset, rate-limit windows, faults,
   * counts, and OAuth state (apps registered here, issued tokens, nonces, used jtis).
   */
  reset(seed?: string): void {
    this.deps.reseed(seed);
    this.deps.rateLimiter.reset();
    this.deps.faults.clear();
    this.deps.counter.reset();
  }

  rateLimits(): RateLimitSettings {
    return this.deps.rateLimiter.current();
  }

  setRateLimits(changes: Partial<RateLimitSettings>): RateLimitSettings {
    return this.deps.rateLimiter.configure(changes);
  }

  /** The org's WebAuthn method settings (webauthn/settings.ts); a reset restores the defaults. */
  webauthnSettings(): WebAuthnSettings {
    return { ...this.deps.ctx.store.webauthnSettings };
  }

  setWebauthnSettings(changes: Record<string, unknown>): WebAuthnSettings {
    return configureWebAuthn(this.deps.ctx.store.webauthnSettings, changes);
  }

  /** The org's System Log settings (logs/systemLog.ts); a reset restores the defaults. */
  logSettings(): LogSettings {
    return { ...this.deps.ctx.store.systemLog.settings };
  }

  /** `{ delaySeconds?, tokenOwnerMayReadLogs? }`: all applied, or none when one is invalid. */
  setLogSettings(changes: Record<string, unknown>): LogSettings {
    return this.deps.ctx.store.systemLog.configure(changes);
  }

  addFault(spec: unknown): Fault {
    return this.deps.faults.add(spec);
  }

  faults(): Fault[] {
    return this.deps.faults.list();
  }

  removeFault(id: string): void {
    if (!this.deps.faults.remove(id)) throw oktaErrors.noSuchEndpoint(`/sim/faults/${id}`);
  }

  clearFaults(): void {
    this.deps.faults.clear();
  }

  requestCounts(): { total: number; counts: Record<string, number> } {
    return this.deps.counter.snapshot();
  }

  requestCount(method: string, path: string): number {
    return this.deps.counter.count(method, path);
  }

  resetRequestCounts(): void {
    this.deps.counter.reset();
  }

  /** Registers (or replaces) an OAuth service app: `{ clientId, jwks, scopes, requireDpop? }`. */
  registerServiceApp(spec: unknown): Promise<ServiceAppView> {
    return this.deps.oauth.register(spec);
  }

  serviceApps(): ServiceAppView[] {
    return this.deps.oauth.list();
  }

  removeServiceApp(clientId: string): void {
    if (!this.deps.oauth.remove(clientId)) throw oktaErrors.noSuchEndpoint(`/sim/service-apps/${clientId}`);
  }

  /** Revokes every token the app holds: its next API call gets 401 invalid_token. */
  revokeServiceAppTokens(clientId: string): { revoked: number } {
    const revoked = this.deps.oauth.revokeTokens(clientId);
    if (revoked === undefined) throw oktaErrors.noSuchEndpoint(`/sim/service-apps/${clientId}`);
    return { revoked };
  }

  /** Adds a public JWK to an app, as an admin does in the Admin Console. */
  async addServiceAppKey(clientId: string, jwk: unknown): Promise<ServiceAppView> {
    const app = await this.deps.oauth.addKey(clientId, jwk);
    if (!app) throw oktaErrors.noSuchEndpoint(`/sim/service-apps/${clientId}`);
    return app;
  }

  removeServiceAppKey(clientId: string, kid: string): void {
    if (!this.deps.oauth.removeKey(clientId, kid)) throw oktaErrors.noSuchEndpoint(`/sim/service-apps/${clientId}/keys/${kid}`);
  }
}
