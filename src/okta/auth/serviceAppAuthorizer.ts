// API calls made as a service app: `DPoP <token>` with a fresh proof bound to the token (`ath`) and
// the org's latest nonce, or `Bearer <token>` when the app does not require DPoP. A 401 that says
// the token is invalid (expired, revoked) renews it once; a 401 `use_dpop_nonce` resends once with
// the new nonce, for every call whose proof carried an older one (all the calls in flight when the
// nonce changed, not just the first answered); a refused proof and a 403 are explained.
import type { PreparedRequest } from '../http/apiRequest';
import type { OktaApiError } from '../errors';
import { dpopProofRefusal, serviceAppRefusal, USE_DPOP_NONCE } from './oauthErrors';
import type { RawResponse } from '../http/rawResponse';
import type { AttemptCredentials, Renewal, RequestAuthorizer } from './requestAuthorizer';
import type { RequestLogEntry } from '../http/requestLogEntry';
import type { IssuedToken, ServiceAppTokens } from './serviceAppTokens';

/** What a request's last attempt carried, to renew exactly that when refused. */
interface SentCredentials {
  token: IssuedToken;
  /** The nonce in its DPoP proof (none for Bearer, or before the API asked for one). */
  nonce?: string;
}

export class ServiceAppAuthorizer implements RequestAuthorizer {
  readonly #tokens: ServiceAppTokens;
  readonly #orgUrl: string;
  readonly #sentWith = new WeakMap<PreparedRequest, SentCredentials>();
  #onRequest?: (entry: RequestLogEntry) => void;

  constructor(orgUrl: string, tokens: ServiceAppTokens) {
    this.#orgUrl = orgUrl;
    this.#tokens = tokens;
  }

  async ready(signal: AbortSignal | undefined, onRequest: ((entry: RequestLogEntry) => void) | undefined): Promise<void> {
    this.#onRequest = onRequest;
    await this.#tokens.token(signal, onRequest);
  }

  async forAttempt(request: PreparedRequest): Promise<AttemptCredentials> {
    const token = await this.#tokens.token(undefined, this.#onRequest);
    if (token.scheme === 'Bearer' || !token.dpop) {
      this.#sentWith.set(request, { token });
      return { headers: { Authorization: `Bearer ${token.accessToken}` } };
    }
    const nonce = this.#tokens.apiNonce;
    this.#sentWith.set(request, { token, nonce });
    const proof = this.#tokens.signed(await token.dpop.proof({
      method: request.method, url: `${this.#orgUrl}${request.path}`, nonce, accessToken: token.accessToken,
    }));
    return { headers: { Authorization: `DPoP ${token.accessToken}`, DPoP: proof } };
  }

  answered(response: RawResponse, request: PreparedRequest): Renewal | undefined {
    this.#tokens.noteApiNonce(response.headers['dpop-nonce']);
    const sent = this.#sentWith.get(request);
    if (response.status !== 401 || !sent) return undefined;
    if (USE_DPOP_NONCE.test(String(response.headers['www-authenticate'] ?? ''))) {
      // Compared with what this proof carried, not with the last nonce seen: another call's answer may have brought it first.
      return this.#tokens.apiNonce !== sent.nonce ? 'nonce' : undefined;
    }
    this.#tokens.invalidate(sent.token);
    return 'token';
  }

  explain(error: OktaApiError, response: RawResponse, request: PreparedRequest, renewed: ReadonlySet<Renewal>): OktaApiError {
    const challenge = response.headers['www-authenticate'];
    if (error.status === 401 && USE_DPOP_NONCE.test(String(challenge ?? ''))) {
      const what = renewed.has('nonce')
        ? 'asked for a new DPoP nonce again (HTTP 401 use_dpop_nonce) after the call was sent again with the one it gave'
        : 'asked for a new DPoP nonce (HTTP 401 use_dpop_nonce) without giving one the call had not already sent';
      return error.retold(`Okta's API ${what}. Try again in a moment.`);
    }
    if (error.status === 401) {
      return error.retold(`Okta refused the service app's access token (HTTP 401) even after a new one was requested${
        error.errorSummary ? `: ${error.errorSummary}` : ''}. Check that the app is active and still has its scopes.`);
    }
    return dpopProofRefusal(error, challenge) ?? serviceAppRefusal(error, request.method, request.path, challenge);
  }
}
