// The typed Okta client: one method per User Factor operation plus the Users calls the tree needs
// and the System Log. A facade over four parts, so that nothing above this layer builds URLs or sees a raw HTTP error
// (which would carry the token): the transport (transport.ts: the axios exchange, size cap,
// decoding), the request policy (requestPolicy.ts: retries, throttling, rate-limit state), and the
// factor, user and log APIs (factorApi.ts, userApi.ts, logApi.ts).
import { cleanScopes, clientIdProblem, scopesProblem, tokenProblem } from './auth/credentialRules';
import { ApiCalls } from './api/apiCalls';
import { OktaInputError } from './errors';
import { FactorApi, type CallOptions } from './api/factorApi';
import { LogApi } from './api/logApi';
import type {
  ActivateFactorRequest, CreateUserRequest, CustomTotpProfile, EnrollFactorOptions, EnrollFactorRequest, ListUsersQuery, LogEventsPage, LogQuery, OktaUser,
  PushActivation, ResendFactorRequest, SecurityQuestion, SupportedFactor, TokenType, UserFactor,
  UserLifecycleOperation, UserProfile, UsersPage, VerifyFactorOptions, VerifyFactorRequest, VerifyFactorResult,
} from './models';
import { OrgTraffic } from './http/orgTraffic';
import type { OffsetBounds } from './http/serverClock';
import { normalizeOrgUrl } from './orgUrl';
import type { RateLimitStatus } from './http/rateLimits';
import { redactor, type Redact } from './http/redact';
import { StaticAuthorizer, type RequestAuthorizer } from './auth/requestAuthorizer';
import { RequestPolicy, type RequestLogEntry } from './http/requestPolicy';
import { ServiceAppAuthorizer } from './auth/serviceAppAuthorizer';
import { readServiceAppKey } from './auth/serviceAppKey';
import { ServiceAppTokens, sharedServiceAppTokens, type ServiceAppAuth } from './auth/serviceAppTokens';
import { HttpTransport } from './http/transport';
import { UserApi } from './api/userApi';

export type { RateLimitStatus } from './http/rateLimits';
export type { RequestLogEntry } from './http/requestPolicy';
export type { CallOptions } from './api/factorApi';

/** An OAuth 2.0 service app (client credentials with private_key_jwt; DPoP when the app requires it). */
export interface PrivateKeyAuth {
  clientId: string;
  /** PEM (PKCS#8, PKCS#1 RSA, EC) or a JWK as JSON text; RSA 2048+ (RS256) or EC P-256 (ES256). */
  privateKey: string;
  /** The key id registered in Okta; default: the JWK's `kid`. */
  keyId?: string;
  scopes: string[];
}

export interface OktaClientOptions {
  /** Org URL; normalised with normalizeOrgUrl (https only, http only for loopback). */
  orgUrl: string;
  /** An API token or a pasted access token; not used with `privateKeyAuth`. */
  token?: string;
  /** `SSWS` API token (default) or `Bearer` OAuth access token. */
  tokenType?: TokenType;
  /** A service app instead of a token: the client gets (and renews) its own access tokens. */
  privateKeyAuth?: PrivateKeyAuth;
  /** Per-attempt timeout (default 30 000 ms). */
  timeoutMs?: number;
  /** Prepended to the client's own User-Agent. */
  userAgent?: string;
  /** Retries per call after a 429, and for GETs after a 5xx, dropped connection or garbled body (default 3). */
  maxRetries?: number;
  /** Requests on the wire at once, shared by every client given the same `traffic` (default 6). */
  maxConcurrent?: number;
  /** First backoff step for transient-failure retries (default 500 ms; doubles, with jitter). */
  retryBaseDelayMs?: number;
  /** Longest backoff step (default 8 000 ms). */
  maxRetryDelayMs?: number;
  /** A 429 whose reset is further away than this fails at once instead of waiting (default 60 000 ms). */
  maxRateLimitWaitMs?: number;
  /** Largest answer read, after decompression; a larger one is an invalid response (default 10 MiB). */
  maxResponseBytes?: number;
  /**
   * Rate-limit state and concurrency cap to share with other clients of the same org and
   * credentials (the org registry owns one per org and token). Default: this client's own.
   */
  traffic?: OrgTraffic;
  /** This client's work: aborting it cancels calls in flight and queued, and refuses every later call. */
  signal?: AbortSignal;
  onRequest?: (entry: RequestLogEntry) => void;
  onRateLimit?: (status: RateLimitStatus) => void;
}

const CLIENT_AGENT = 'okta-factors-vscode/0.1.0';

export class OktaClient {
  /** The normalised org origin, e.g. `https://acme.okta.com`. */
  readonly orgUrl: string;
  /** Set when normalisation changed the URL meaningfully (an Admin Console URL). */
  readonly orgUrlNotice?: string;
  /** How calls are authorised: `SSWS`, `Bearer` (a pasted token) or `ServiceApp`. */
  readonly authScheme: TokenType | 'ServiceApp';

  // Private (#) so the token, which the parts below hold, shows in neither inspection nor JSON.
  readonly #traffic: OrgTraffic;
  readonly #factors: FactorApi;
  readonly #users: UserApi;
  readonly #logs: LogApi;

  constructor(options: OktaClientOptions) {
    const { url, notice } = normalizeOrgUrl(options.orgUrl);
    this.orgUrl = url;
    this.orgUrlNotice = notice;
    const maxConcurrent = options.maxConcurrent === undefined ? undefined : Math.max(1, Math.floor(options.maxConcurrent));
    const traffic = options.traffic ?? new OrgTraffic(maxConcurrent);
    if (options.traffic && maxConcurrent !== undefined) traffic.slots.setCapacity(maxConcurrent);
    this.#traffic = traffic;
    const retries = {
      maxRetries: nonNegativeInteger(options.maxRetries, 3),
      retryBaseDelayMs: positive(options.retryBaseDelayMs, 500),
      maxRetryDelayMs: positive(options.maxRetryDelayMs, 8_000),
      maxRateLimitWaitMs: nonNegativeInteger(options.maxRateLimitWaitMs, 60_000),
      workSignal: options.signal,
    };
    const transportFor = (redact: Redact) => new HttpTransport({
      orgUrl: url,
      userAgent: options.userAgent ? `${options.userAgent} ${CLIENT_AGENT}` : CLIENT_AGENT,
      timeoutMs: positive(options.timeoutMs, 30_000),
      maxResponseBytes: positive(options.maxResponseBytes, 10 * 1024 * 1024),
      redact,
    });
    let authorizer: RequestAuthorizer;
    let redact: Redact;
    if (options.privateKeyAuth !== undefined) {
      const auth = serviceAppAuth(options.privateKeyAuth);
      // Shared by every client of this org and credentials, like the rate-limit state.
      const tokens = sharedServiceAppTokens(traffic, auth, () => new ServiceAppTokens(url, auth, transportFor, retries));
      redact = tokens.redact;
      authorizer = new ServiceAppAuthorizer(url, tokens);
      this.authScheme = 'ServiceApp';
    } else {
      const { token, tokenType } = staticToken(options.token, options.tokenType);
      redact = redactor(token);
      authorizer = new StaticAuthorizer(`${tokenType} ${token}`);
      this.authScheme = tokenType;
    }
    const transport = transportFor(redact);
    const policy = new RequestPolicy(transport, traffic, authorizer, {
      ...retries,
      redact,
      onRequest: options.onRequest,
      onRateLimit: options.onRateLimit,
    });
    const calls = new ApiCalls(url, policy, redact);
    this.#factors = new FactorApi(calls);
    this.#users = new UserApi(calls);
    this.#logs = new LogApi(calls);
  }

  /** How far the org's clock is from ours (ms, server minus local), as bounded by the answers' Date headers so far. */
  serverClockOffset(): OffsetBounds {
    return this.#traffic.limits.clock.offset();
  }

  // ---- User factors ----

  listFactors(userId: string, options: CallOptions = {}): Promise<UserFactor[]> {
    return this.#factors.listFactors(userId, options);
  }

  getFactor(userId: string, factorId: string, options: CallOptions = {}): Promise<UserFactor> {
    return this.#factors.getFactor(userId, factorId, options);
  }

  listSupportedFactors(userId: string, options: CallOptions = {}): Promise<SupportedFactor[]> {
    return this.#factors.listSupportedFactors(userId, options);
  }

  listSupportedSecurityQuestions(userId: string, options: CallOptions = {}): Promise<SecurityQuestion[]> {
    return this.#factors.listSupportedSecurityQuestions(userId, options);
  }

  listCustomTotpProfiles(options: CallOptions = {}): Promise<CustomTotpProfile[]> {
    return this.#factors.listCustomTotpProfiles(options);
  }

  enrollFactor(userId: string, factor: EnrollFactorRequest, options: EnrollFactorOptions & CallOptions = {}): Promise<UserFactor> {
    return this.#factors.enrollFactor(userId, factor, options);
  }

  /** Returns the activated factor, or (push) the activation status: WAITING with a poll link, TIMEOUT... */
  activateFactor(userId: string, factorId: string, body?: ActivateFactorRequest, options: CallOptions = {}): Promise<UserFactor | PushActivation> {
    return this.#factors.activateFactor(userId, factorId, body, options);
  }

  /**
   * Polls a push activation by POSTing to the `poll` link Okta gave (validated to be on this org),
   * or to `lifecycle/activate/poll` when there is none.
   */
  pollFactorActivation(userId: string, factorId: string, pollHref?: string, options: CallOptions = {}): Promise<UserFactor | PushActivation> {
    return this.#factors.pollFactorActivation(userId, factorId, pollHref, options);
  }

  resendEnrollFactor(userId: string, factorId: string, factor: ResendFactorRequest, options: { templateId?: string } & CallOptions = {}): Promise<UserFactor> {
    return this.#factors.resendEnrollFactor(userId, factorId, factor, options);
  }

  /** Verify (or issue a challenge without a body). Push answers WAITING (HTTP 201, sometimes 200). */
  verifyFactor(userId: string, factorId: string, body?: VerifyFactorRequest, options: VerifyFactorOptions & CallOptions = {}): Promise<VerifyFactorResult> {
    return this.#factors.verifyFactor(userId, factorId, body, options);
  }

  getFactorTransactionStatus(userId: string, factorId: string, transactionId: string, options: CallOptions = {}): Promise<VerifyFactorResult> {
    return this.#factors.getFactorTransactionStatus(userId, factorId, transactionId, options);
  }

  /**
   * Cancels a WAITING push verification: DELETE on the result's `cancel` link (validated to be on
   * this org) or, given a transaction id, on `…/transactions/{id}`.
   */
  cancelFactorTransaction(userId: string, factorId: string, transactionIdOrCancelHref: string, options: CallOptions = {}): Promise<void> {
    return this.#factors.cancelFactorTransaction(userId, factorId, transactionIdOrCancelHref, options);
  }

  /** GETs a link Okta returned (e.g. a push `poll` link) after checking it points at this org's API. */
  activationQrCode(href: string, options: CallOptions = {}): Promise<{ contentType: string; data: Uint8Array }> {
    return this.#factors.activationQrCode(href, options);
  }

  sendActivationLink(href: string, profile: { phoneNumber: string } | { email: string }, options: CallOptions = {}): Promise<PushActivation> {
    return this.#factors.sendActivationLink(href, profile, options);
  }

  followLink<T = unknown>(href: string, options: CallOptions = {}): Promise<T> {
    return this.#factors.followLink<T>(href, options);
  }

  unenrollFactor(userId: string, factorId: string, options: { removeRecoveryEnrollment?: boolean } & CallOptions = {}): Promise<void> {
    return this.#factors.unenrollFactor(userId, factorId, options);
  }

  // ---- Users ----

  /** By id, login (URL-encoded here; logins with `/` cannot be addressed), or `me`. */
  getUser(idOrLogin: string, options: CallOptions = {}): Promise<OktaUser> {
    return this.#users.getUser(idOrLogin, options);
  }

  /** Resets every factor of the user (Identity Engine keeps the recovery question until a second call). */
  resetFactors(userId: string, options: CallOptions = {}): Promise<void> {
    return this.#users.resetFactors(userId, options);
  }

  /** Creates a user (ACTIVE with a password, PROVISIONED without, STAGED when `activate` is false). */
  createUser(request: CreateUserRequest, options: CallOptions = {}): Promise<OktaUser> {
    return this.#users.createUser(request, options);
  }

  /** Changes only the profile attributes given. */
  updateUserProfile(userId: string, profile: Partial<UserProfile>, options: CallOptions = {}): Promise<OktaUser> {
    return this.#users.updateProfile(userId, profile, options);
  }

  changeUserLifecycle(userId: string, operation: UserLifecycleOperation, options: CallOptions = {}): Promise<void> {
    return this.#users.changeLifecycle(userId, operation, options);
  }

  /** One page of users; `after` is the cursor of the next page (from `Link rel="next"`), if any. */
  listUsersPage(query: ListUsersQuery & CallOptions = {}): Promise<UsersPage> {
    return this.#users.listUsersPage(query);
  }

  /** Every user matching the query, fetched page by page as the caller iterates. */
  listUsers(query: ListUsersQuery & CallOptions = {}): AsyncGenerator<OktaUser, void, undefined> {
    return this.#users.listUsers(query);
  }

  // ---- System Log ----

  /**
   * One page of the org's System Log. A polling query (no `until`, ASCENDING) always has a `next`
   * link, also on an empty page: keep it and follow it later to read what happened since.
   */
  listLogEvents(query: LogQuery & CallOptions = {}): Promise<LogEventsPage> {
    return this.#logs.listLogEvents(query);
  }

  /** The page a `next` link points at (refused, nothing sent, unless it is this org's `/api/v1/logs`). */
  logEventsAt(next: string, options: CallOptions = {}): Promise<LogEventsPage> {
    return this.#logs.logEventsAt(next, options);
  }
}

function staticToken(input: string | undefined, type: TokenType | undefined): { token: string; tokenType: TokenType } {
  const token = typeof input === 'string' ? input.trim() : '';
  const problem = tokenProblem(token);
  if (problem) throw new OktaInputError(problem);
  const tokenType = type ?? 'SSWS';
  if (tokenType !== 'SSWS' && tokenType !== 'Bearer') throw new OktaInputError(`Unknown token type "${String(tokenType)}"; use SSWS or Bearer.`);
  return { token, tokenType };
}

/** The service app's settings checked, and its key read, before anything is sent. */
function serviceAppAuth(input: PrivateKeyAuth): ServiceAppAuth {
  const clientId = typeof input.clientId === 'string' ? input.clientId.trim() : '';
  const scopes = Array.isArray(input.scopes) ? cleanScopes(input.scopes) : [];
  const problem = clientIdProblem(clientId) ?? scopesProblem(scopes);
  if (problem) throw new OktaInputError(problem);
  return { clientId, scopes, key: readServiceAppKey(input.privateKey, input.keyId) };
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function nonNegativeInteger(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}
