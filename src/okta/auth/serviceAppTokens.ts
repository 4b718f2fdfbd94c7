// A service app's access tokens (OAuth 2.0 client credentials with private_key_jwt, RFC 7523, and
// DPoP, RFC 9449) from the org authorization server's token endpoint. One token request at a time
// (concurrent first calls wait for the same one), each with a new DPoP key pair kept for the token's
// life; the token is kept until shortly before it expires, or until an API call finds it refused.
// Every attempt signs a fresh assertion and proof (new `jti`); a `use_dpop_nonce` answer is repeated
// with the nonce; a 429 is waited out by the request policy, on this endpoint's own rate-limit state.
import type { PreparedRequest } from '../http/apiRequest';
import { signClientAssertion } from './clientAssertion';
import { DpopKey } from './dpopKey';
import { cancelledError, OktaNetworkError, type OktaApiError } from '../errors';
import { tokenEndpointError } from './oauthErrors';
import { OrgTraffic } from '../http/orgTraffic';
import type { RawResponse } from '../http/rawResponse';
import { SecretRedactor, type Redact } from '../http/redact';
import type { AttemptCredentials, Renewal, RequestAuthorizer } from './requestAuthorizer';
import { RequestPolicy, type RequestLogEntry, type RequestPolicyOptions } from '../http/requestPolicy';
import type { ServiceAppKey } from './serviceAppKey';
import { untilSettledOrAborted } from '../../util/signals';
import type { HttpTransport } from '../http/transport';

export const TOKEN_PATH = '/oauth2/v1/token';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Renewed this long before it expires, so a call never goes out with a token about to lapse. */
const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;
const MAX_TOKEN_LENGTH = 16 * 1024;

export interface ServiceAppAuth {
  clientId: string;
  key: ServiceAppKey;
  scopes: string[];
}

export interface IssuedToken {
  readonly accessToken: string;
  /** `DPoP` when Okta bound the token to `dpop`'s key; `Bearer` for apps that do not require DPoP. */
  readonly scheme: 'DPoP' | 'Bearer';
  readonly dpop?: DpopKey;
  readonly renewAtMs: number;
}

type PolicyOptions = Omit<RequestPolicyOptions, 'redact' | 'onRequest' | 'onRateLimit'>;

/** The token cache of each org's traffic: clients sharing an OrgTraffic (one org, one set of credentials) share it too. */
const cacheOfTraffic = new WeakMap<OrgTraffic, ServiceAppTokens>();

/** The cache shared through `traffic`, made (or replaced, for other credentials) with `make`. */
export function sharedServiceAppTokens(traffic: OrgTraffic, auth: ServiceAppAuth, make: () => ServiceAppTokens): ServiceAppTokens {
  let tokens = cacheOfTraffic.get(traffic);
  if (!tokens?.serves(auth)) {
    tokens = make();
    cacheOfTraffic.set(traffic, tokens);
  }
  return tokens;
}

/** Client assertions and DPoP proofs kept for scrubbing: one per attempt, so far more than tokens, and than can be on the wire. */
const SIGNED_KEPT = 64;

export class ServiceAppTokens {
  /** The access tokens this cache was issued (one an hour, the last few kept). */
  readonly #tokenSecrets = new SecretRedactor();
  /** The client assertions and DPoP proofs signed for this app, which an answer may echo. */
  readonly #signedSecrets = new SecretRedactor([], SIGNED_KEPT);
  /** Scrubs every token, assertion and proof this cache's requests carried from text. */
  readonly redact: Redact = (text) => this.#signedSecrets.redact(this.#tokenSecrets.redact(text));
  readonly #auth: ServiceAppAuth;
  readonly #tokenUrl: string;
  readonly #transport: HttpTransport;
  readonly #policyOptions: PolicyOptions;
  /** The token endpoint's own rate-limit state, and one request on the wire at a time. */
  readonly #traffic = new OrgTraffic(1);
  #current?: IssuedToken;
  #pending?: Promise<IssuedToken>;
  #tokenNonce?: string;
  #apiNonce?: string;

  /** `makeTransport` gets this cache's `redact`, which learns each token, assertion and proof as it is made. */
  constructor(orgUrl: string, auth: ServiceAppAuth, makeTransport: (redact: Redact) => HttpTransport, policyOptions: PolicyOptions) {
    this.#auth = auth;
    this.#tokenUrl = `${orgUrl}${TOKEN_PATH}`;
    this.#transport = makeTransport(this.redact);
    this.#policyOptions = policyOptions;
  }

  /** True when these are the credentials this cache was made for (same app, key and scopes). */
  serves(auth: ServiceAppAuth): boolean {
    const own = this.#auth;
    return own.clientId === auth.clientId && own.key.kid === auth.key.kid && own.key.privateKey.equals(auth.key.privateKey)
      && own.scopes.join(' ') === auth.scopes.join(' ');
  }

  /** The current token, requesting one when there is none or it is due for renewal. */
  token(signal: AbortSignal | undefined, onRequest?: (entry: RequestLogEntry) => void): Promise<IssuedToken> {
    if (this.#current && Date.now() < this.#current.renewAtMs) return Promise.resolve(this.#current);
    this.#pending ??= this.request(onRequest).finally(() => {
      this.#pending = undefined;
    });
    return untilSettledOrAborted(this.#pending, signal, (reason) => cancelledError(reason, { method: 'POST', path: TOKEN_PATH }));
  }

  /** Drops `token` after Okta refused it (expired, revoked); a token renewed meanwhile is kept. */
  invalidate(token: IssuedToken): void {
    if (this.#current === token) this.#current = undefined;
  }

  /** The resource server's latest DPoP nonce, for API call proofs. */
  get apiNonce(): string | undefined {
    return this.#apiNonce;
  }

  /** Keeps a `DPoP-Nonce` an API answer carried. */
  noteApiNonce(value: unknown): void {
    if (typeof value === 'string' && value) this.#apiNonce = value;
  }

  /** Learns a client assertion or DPoP proof about to be sent, so that an answer echoing it is scrubbed. */
  signed(jwt: string): string {
    this.#signedSecrets.add(jwt);
    return jwt;
  }

  private async request(onRequest: ((entry: RequestLogEntry) => void) | undefined): Promise<IssuedToken> {
    const dpop = await DpopKey.generate();
    const signer = new TokenRequestSigner(this.#auth, this.#tokenUrl, dpop, (jwt) => this.signed(jwt), () => this.#tokenNonce, (nonce) => {
      this.#tokenNonce = nonce;
    });
    const policy = new RequestPolicy(this.#transport, this.#traffic, signer, { ...this.#policyOptions, redact: this.redact, onRequest });
    const response = await policy.send({
      method: 'POST', path: TOKEN_PATH, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, repeatable: true,
    });
    const token = this.issued(response, dpop, Date.now());
    this.#current = token;
    return token;
  }

  private issued(response: RawResponse, dpop: DpopKey, receivedAtMs: number): IssuedToken {
    const body = response.json.ok ? response.json.value as Record<string, unknown> | null : undefined;
    const accessToken = body?.access_token;
    const type = typeof body?.token_type === 'string' ? body.token_type.toLowerCase() : '';
    const expiresIn = typeof body?.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : undefined;
    if (typeof accessToken !== 'string' || !accessToken || accessToken.length > MAX_TOKEN_LENGTH || /[\s\u0000-\u001f\u007f]/.test(accessToken)
      || (type !== 'dpop' && type !== 'bearer') || expiresIn === undefined) {
      throw new OktaNetworkError('invalid-response',
        `Okta's token endpoint answered HTTP ${response.status} without a usable access token (token_type, access_token and expires_in are required).`,
        { method: 'POST', path: TOKEN_PATH });
    }
    this.#tokenSecrets.add(accessToken);
    const lifetimeMs = expiresIn * 1000;
    return {
      accessToken,
      scheme: type === 'dpop' ? 'DPoP' : 'Bearer',
      dpop: type === 'dpop' ? dpop : undefined,
      renewAtMs: receivedAtMs + Math.max(lifetimeMs - RENEW_BEFORE_EXPIRY_MS, lifetimeMs / 2),
    };
  }
}

/** Each attempt of the token request: a new assertion in the form body and a new DPoP proof. */
class TokenRequestSigner implements RequestAuthorizer {
  constructor(
    private readonly auth: ServiceAppAuth,
    private readonly tokenUrl: string,
    private readonly dpop: DpopKey,
    private readonly signed: (jwt: string) => string,
    private readonly nonce: () => string | undefined,
    private readonly setNonce: (nonce: string) => void,
  ) {}

  async ready(): Promise<void> {}

  async forAttempt(request: PreparedRequest): Promise<AttemptCredentials> {
    const assertion = this.signed(await signClientAssertion(this.auth.clientId, this.tokenUrl, this.auth.key));
    const proof = this.signed(await this.dpop.proof({ method: request.method, url: this.tokenUrl, nonce: this.nonce() }));
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      scope: this.auth.scopes.join(' '),
      client_assertion_type: JWT_BEARER,
      client_assertion: assertion,
    }).toString().replace(/\+/g, '%20');
    return { headers: { DPoP: proof }, body };
  }

  answered(response: RawResponse): Renewal | undefined {
    const nonce = response.headers['dpop-nonce'];
    const fresh = typeof nonce === 'string' && nonce !== '' && nonce !== this.nonce();
    if (fresh) this.setNonce(nonce);
    const error = response.json.ok ? (response.json.value as { error?: unknown } | null)?.error : undefined;
    return response.status === 400 && error === 'use_dpop_nonce' && fresh ? 'nonce' : undefined;
  }

  explain(error: OktaApiError, response: RawResponse): OktaApiError {
    return tokenEndpointError(error, this.auth.scopes, response.headers['www-authenticate']);
  }
}
