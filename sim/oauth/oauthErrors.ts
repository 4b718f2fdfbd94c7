// OAuth 2.0 error answers of the org authorization server: `{ error, error_description }` (RFC 6749
// §5.2, RFC 9449 §8), the shape Okta's /oauth2/v1/token uses instead of its E0000… bodies.
import type { ApiResponse } from '../http';

export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${error}: ${description}`);
  }

  response(): ApiResponse {
    return { status: this.status, body: { error: this.error, error_description: this.description }, headers: this.headers };
  }
}

export const oauthErrors = {
  invalidRequest: (description: string) => new OAuthError(400, 'invalid_request', description),
  // Okta answers a failed client authentication with 401.
  invalidClient: (description: string) => new OAuthError(401, 'invalid_client', description),
  unsupportedGrantType: (grantType: string) =>
    new OAuthError(400, 'unsupported_grant_type', `The grant type '${grantType}' is not supported. Configured grant types: [client_credentials].`),
  unauthorizedClient: () =>
    new OAuthError(400, 'unauthorized_client', 'The client is not authorized to use the provided grant type. Configured grant types: [client_credentials].'),
  invalidScope: (description: string) => new OAuthError(400, 'invalid_scope', description),
  invalidDpopProof: (description: string) => new OAuthError(400, 'invalid_dpop_proof', description),
  useDpopNonce: (nonce: string) =>
    new OAuthError(400, 'use_dpop_nonce', 'Authorization server requires nonce in DPoP proof.', { 'DPoP-Nonce': nonce }),
};
