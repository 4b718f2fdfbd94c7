// API calls made as a service app: `DPoP <token>` with a fresh proof bound to the token (`ath`) and
// the org's latest nonce, or `Bearer <token>` when the app does not require DPoP. A 401 that says
// the token is invalid (expired, revoked) renews it once; a 401 `use_dpop_nonce` resends with the
// new nonce; a 403 names the scope or role the app lacks.
import type { PreparedRequest } from '../http/apiRequest';
import type { OktaApiError } from '../errors';
import { serviceAppRefusal } from './oauthErrors';
import type { RawResponse } from '../http/rawResponse';
import type { AttemptCredentials, RequestAuthorizer } from './requestAuthorizer';
import type { RequestLogEntry } from '../http/requestLogEntry';
import type { IssuedToken, ServiceAppTokens } from './serviceAppTokens';

export class ServiceAppAuthorizer implements RequestAuthorizer {
  readonly #tokens: ServiceAppTokens;
  readonly #orgUrl: string;
  /** The token each request's last attempt carried, to renew exactly that one when refused. */
  readonly #sentWith = new WeakMap<PreparedRequest, IssuedToken>();
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
    this.#sentWith.set(request, token);
    if (token.scheme === 'Bearer' || !token.dpop) return { headers: { Authorization: `Bearer ${token.accessToken}` } };
    const proof = await token.dpop.proof({
      method: request.method, url: `${this.#orgUrl}${request.path}`, nonce: this.#tokens.apiNonce, accessToken: token.accessToken,
    });
    return { headers: { Authorization: `DPoP ${token.accessToken}`, DPoP: proof } };
  }

  answered(response: RawResponse, request: PreparedRequest): boolean {
    const newNonce = this.#tokens.noteApiNonce(response.headers['dpop-nonce']);
    if (response.status !== 401) return false;
    const challenge = String(response.headers['www-authenticate'] ?? '');
    if (/error="use_dpop_nonce"/.test(challenge)) return newNonce;
    const used = this.#sentWith.get(request);
    if (!used) return false;
    this.#tokens.invalidate(used);
    return true;
  }

  explain(error: OktaApiError, response: RawResponse, request: PreparedRequest): OktaApiError {
    if (error.status === 401) {
      return error.retold(
        `Okta refused the service app's access token (HTTP 401) even after requesting a new one${error.errorSummary ? `: ${error.errorSummary}` : ''}. Check that the app is active and still has its scopes.`);
    }
    return serviceAppRefusal(error, request.method, request.path, response.headers['www-authenticate']);
  }
}
