// How a request proves who sends it. An API token or a pasted Bearer token is one fixed header; a
// service app needs a token from the org first, a fresh DPoP proof on every attempt, and reads
// each answer (a new DPoP nonce, an expired token). The request policy calls these hooks; the
// implementations are StaticAuthorizer (here) and ServiceAppAuthorizer (serviceAppAuthorizer.ts).
import type { PreparedRequest } from '../http/apiRequest';
import type { OktaApiError } from '../errors';
import type { RawResponse } from '../http/rawResponse';
import type { RequestLogEntry } from '../http/requestLogEntry';

export interface AttemptCredentials {
  /** Authorization (and DPoP) headers for this attempt. */
  headers: Record<string, string>;
  /** A body made for this attempt (the token request's fresh assertion), replacing the request's. */
  body?: string;
}

export interface RequestAuthorizer {
  /** Gets credentials ready (a service app's token), before quota or a connection slot is taken. */
  ready(signal: AbortSignal | undefined, onRequest: ((entry: RequestLogEntry) => void) | undefined): Promise<void>;
  /** What this attempt sends; called with the slot held, just before sending. */
  forAttempt(request: PreparedRequest): Promise<AttemptCredentials>;
  /**
   * Reads every answer (a DPoP-Nonce may come on any); true when the answer refused credentials
   * that are now renewed (an expired token, a stale nonce), so sending again at once can succeed.
   * The policy re-sends at most twice per call for this.
   */
  answered(response: RawResponse, request: PreparedRequest): boolean;
  /** An error status explained for these credentials (a service app's missing scope), or the error as it is. */
  explain(error: OktaApiError, response: RawResponse, request: PreparedRequest): OktaApiError;
}

/** `SSWS <API token>` or `Bearer <access token>`: one header, nothing to renew. */
export class StaticAuthorizer implements RequestAuthorizer {
  readonly #authorization: string;

  constructor(authorization: string) {
    this.#authorization = authorization;
  }

  async ready(): Promise<void> {}

  async forAttempt(): Promise<AttemptCredentials> {
    return { headers: { Authorization: this.#authorization } };
  }

  answered(): boolean {
    return false;
  }

  explain(error: OktaApiError): OktaApiError {
    return error;
  }
}
