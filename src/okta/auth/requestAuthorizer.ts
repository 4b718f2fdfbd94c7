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

/** What an answer refused that is now renewed: the access token, or the DPoP nonce a proof carried. */
export type Renewal = 'token' | 'nonce';

export interface RequestAuthorizer {
  /** Gets credentials ready (a service app's token), before quota or a connection slot is taken. */
  ready(signal: AbortSignal | undefined, onRequest: ((entry: RequestLogEntry) => void) | undefined): Promise<void>;
  /** What this attempt sends; called with the slot held, just before sending. */
  forAttempt(request: PreparedRequest): Promise<AttemptCredentials>;
  /**
   * Reads every answer (a DPoP-Nonce may come on any); names what the answer refused when that is
   * now renewed (an expired token, a stale nonce), so sending again at once can succeed. The policy
   * re-sends once per kind of renewal per call: a second refusal of the same kind is the error.
   */
  answered(response: RawResponse, request: PreparedRequest): Renewal | undefined;
  /**
   * An error status explained for these credentials (a service app's missing scope), or the error
   * as it is; `renewed` is what the call was already re-sent with.
   */
  explain(error: OktaApiError, response: RawResponse, request: PreparedRequest, renewed: ReadonlySet<Renewal>): OktaApiError;
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

  answered(): undefined {
    return undefined;
  }

  explain(error: OktaApiError): OktaApiError {
    return error;
  }
}
