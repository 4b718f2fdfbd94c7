// The User Factor operations (Okta's names, Okta's paths) on top of the shared API calls.
import type { ApiCalls } from './apiCalls';
import { OktaInputError } from '../errors';
import { isHref } from './links';
import type {
  ActivateFactorRequest, CustomTotpProfile, EnrollFactorOptions, EnrollFactorRequest, PushActivation, ResendFactorRequest, SecurityQuestion,
  SupportedFactor, UserFactor, VerifyFactorOptions, VerifyFactorRequest, VerifyFactorResult,
} from '../models';

/** Every method's last argument carries at least a cancellation signal. */
export interface CallOptions {
  signal?: AbortSignal;
}

export class FactorApi {
  readonly #calls: ApiCalls;

  constructor(calls: ApiCalls) {
    this.#calls = calls;
  }

  async listFactors(userId: string, options: CallOptions = {}): Promise<UserFactor[]> {
    return this.#calls.json({ method: 'GET', path: `${this.#calls.userPath(userId)}/factors`, signal: options.signal }, 'array');
  }

  async getFactor(userId: string, factorId: string, options: CallOptions = {}): Promise<UserFactor> {
    return this.#calls.json({ method: 'GET', path: this.#calls.factorPath(userId, factorId), signal: options.signal }, 'object');
  }

  async listSupportedFactors(userId: string, options: CallOptions = {}): Promise<SupportedFactor[]> {
    return this.#calls.json({ method: 'GET', path: `${this.#calls.userPath(userId)}/factors/catalog`, signal: options.signal }, 'array');
  }

  async listSupportedSecurityQuestions(userId: string, options: CallOptions = {}): Promise<SecurityQuestion[]> {
    return this.#calls.json({ method: 'GET', path: `${this.#calls.userPath(userId)}/factors/questions`, signal: options.signal }, 'array');
  }

  /** The org's Custom TOTP factor profiles (API tokens only, like the questions). */
  async listCustomTotpProfiles(options: CallOptions = {}): Promise<CustomTotpProfile[]> {
    return this.#calls.json({ method: 'GET', path: '/api/v1/org/factors/hotp/profiles', signal: options.signal }, 'array');
  }

  async enrollFactor(userId: string, factor: EnrollFactorRequest, options: EnrollFactorOptions & CallOptions = {}): Promise<UserFactor> {
    const path = `${this.#calls.userPath(userId)}/factors`;
    requireBody(factor, 'factor to enroll');
    return this.#calls.json({
      method: 'POST', path, body: factor, signal: options.signal,
      query: {
        updatePhone: options.updatePhone, templateId: options.templateId,
        tokenLifetimeSeconds: options.tokenLifetimeSeconds, activate: options.activate,
      },
      headers: { 'Accept-Language': options.acceptLanguage },
    }, 'object');
  }

  async activateFactor(userId: string, factorId: string, body?: ActivateFactorRequest, options: CallOptions = {}): Promise<UserFactor | PushActivation> {
    const path = `${this.#calls.factorPath(userId, factorId)}/lifecycle/activate`;
    return this.#calls.json({ method: 'POST', path, body, signal: options.signal }, 'object');
  }

  async pollFactorActivation(userId: string, factorId: string, pollHref?: string, options: CallOptions = {}): Promise<UserFactor | PushActivation> {
    const path = pollHref ? this.#calls.sameOriginPath(pollHref).path : `${this.#calls.factorPath(userId, factorId)}/lifecycle/activate/poll`;
    return this.#calls.json({ method: 'POST', path, signal: options.signal }, 'object');
  }

  async resendEnrollFactor(userId: string, factorId: string, factor: ResendFactorRequest, options: { templateId?: string } & CallOptions = {}): Promise<UserFactor> {
    const path = `${this.#calls.factorPath(userId, factorId)}/resend`;
    requireBody(factor, 'factor to resend');
    return this.#calls.json({ method: 'POST', path, body: factor, query: { templateId: options.templateId }, signal: options.signal }, 'object');
  }

  async verifyFactor(userId: string, factorId: string, body?: VerifyFactorRequest, options: VerifyFactorOptions & CallOptions = {}): Promise<VerifyFactorResult> {
    return this.#calls.json({
      method: 'POST', path: `${this.#calls.factorPath(userId, factorId)}/verify`, body, signal: options.signal,
      query: { templateId: options.templateId, tokenLifetimeSeconds: options.tokenLifetimeSeconds },
      headers: {
        'X-Forwarded-For': options.xForwardedFor, 'User-Agent': options.userAgent, 'Accept-Language': options.acceptLanguage,
      },
    }, 'object');
  }

  async getFactorTransactionStatus(userId: string, factorId: string, transactionId: string, options: CallOptions = {}): Promise<VerifyFactorResult> {
    return this.#calls.json({ method: 'GET', path: this.transactionPath(userId, factorId, transactionId), signal: options.signal }, 'object');
  }

  /** Okta does not document the answer: 204, an empty 2xx or a JSON object count as cancelled. */
  async cancelFactorTransaction(userId: string, factorId: string, transactionIdOrCancelHref: string, options: CallOptions = {}): Promise<void> {
    const path = isHref(transactionIdOrCancelHref)
      ? this.#calls.sameOriginPath(transactionIdOrCancelHref).path
      : this.transactionPath(userId, factorId, transactionIdOrCancelHref);
    return this.#calls.noContent({ method: 'DELETE', path, signal: options.signal }, 'the push was cancelled', { acceptJsonObject: true });
  }

  /** The image behind an activation's `qrcode` link (a PNG on the org, fetched with the client's credentials). */
  async activationQrCode(href: string, options: CallOptions = {}): Promise<{ contentType: string; data: Uint8Array }> {
    const { path, query } = this.#calls.sameOriginPath(href);
    return this.#calls.image({ method: 'GET', path, query, signal: options.signal });
  }

  /** Sends a push activation's link by SMS or email (`_links.send`): `{ profile: { phoneNumber } }` or `{ profile: { email } }`. */
  async sendActivationLink(href: string, profile: { phoneNumber: string } | { email: string }, options: CallOptions = {}): Promise<PushActivation> {
    const { path, query } = this.#calls.sameOriginPath(href);
    return this.#calls.json({ method: 'POST', path, query, body: { profile }, signal: options.signal }, 'object');
  }

  async followLink<T = unknown>(href: string, options: CallOptions = {}): Promise<T> {
    const { path, query } = this.#calls.sameOriginPath(href);
    return this.#calls.json({ method: 'GET', path, query, signal: options.signal }, 'object');
  }

  /** Okta answers 204 without a body. */
  async unenrollFactor(userId: string, factorId: string, options: { removeRecoveryEnrollment?: boolean } & CallOptions = {}): Promise<void> {
    return this.#calls.noContent({
      method: 'DELETE', path: this.#calls.factorPath(userId, factorId),
      query: { removeRecoveryEnrollment: options.removeRecoveryEnrollment }, signal: options.signal,
    }, 'the factor was unenrolled');
  }

  private transactionPath(userId: string, factorId: string, transactionId: string): string {
    return `${this.#calls.factorPath(userId, factorId)}/transactions/${this.#calls.segment(transactionId, 'transaction id')}`;
  }
}

function requireBody(value: unknown, what: string): void {
  if (!value || typeof value !== 'object') throw new OktaInputError(`The ${what} is missing.`);
}
