// POST /oauth2/v1/token of the org authorization server: the client-credentials grant for service
// apps, authenticated by a private_key_jwt assertion, with DPoP for apps that require it. Checks, in
// order: form encoding, client authentication, grant type, scopes, DPoP proof, DPoP nonce.
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiResponse } from '../http';
import { ACCESS_TOKEN_LIFETIME_SECONDS, type AccessTokens } from './accessTokens';
import { verifyClientAssertion } from './clientAssertion';
import { DpopProofError, verifyDpopProof } from './dpopProof';
import type { DpopNonces } from './dpopNonces';
import { OAuthError, oauthErrors } from './oauthErrors';
import type { ServiceApp } from './serviceApps';
import type { SingleUseIds } from './singleUseIds';

export const TOKEN_PATH = '/oauth2/v1/token';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Grant types Okta knows; a service app is configured for client_credentials only. */
const OTHER_GRANT_TYPES = new Set([
  'authorization_code', 'refresh_token', 'password', 'implicit', 'urn:ietf:params:oauth:grant-type:device_code',
  'urn:ietf:params:oauth:grant-type:jwt-bearer', 'urn:ietf:params:oauth:grant-type:token-exchange',
  'urn:ietf:params:oauth:grant-type:saml2-bearer', 'interaction_code', 'urn:okta:params:oauth:grant-type:otp',
  'urn:okta:params:oauth:grant-type:oob',
]);

export interface TokenEndpointState {
  findApp(clientId: string): ServiceApp | undefined;
  tokens: AccessTokens;
  nonces: DpopNonces;
  assertionIds: SingleUseIds;
  proofIds: SingleUseIds;
}

export interface TokenRequest {
  method: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** `http://host:port` as the client addressed the org. */
  origin: string;
  nowMs: number;
}

export async function answerTokenRequest(state: TokenEndpointState, request: TokenRequest): Promise<ApiResponse> {
  try {
    return await issueToken(state, request);
  } catch (error) {
    if (error instanceof OAuthError) return error.response();
    throw error;
  }
}

async function issueToken(state: TokenEndpointState, request: TokenRequest): Promise<ApiResponse> {
  if (request.method !== 'POST') {
    throw new OAuthError(405, 'invalid_request', 'The token endpoint accepts POST only.', { Allow: 'POST' });
  }
  const params = formParams(request);
  const tokenUrl = `${request.origin}${TOKEN_PATH}`;
  const grantType = params.get('grant_type');
  if (!grantType) throw oauthErrors.invalidRequest("The 'grant_type' parameter is required.");

  const assertion = params.get('client_assertion');
  if (params.get('client_assertion_type') !== JWT_BEARER || !assertion) {
    throw oauthErrors.invalidClient(
      `The client must authenticate with a signed JWT: client_assertion_type=${JWT_BEARER} and a client_assertion (private_key_jwt).`,
    );
  }
  const app = await verifyClientAssertion(assertion, {
    tokenUrl,
    nowMs: request.nowMs,
    clientIdParam: params.get('client_id') ?? undefined,
    findApp: (clientId) => state.findApp(clientId),
    usedIds: state.assertionIds,
  });

  if (grantType !== 'client_credentials') {
    throw OTHER_GRANT_TYPES.has(grantType) ? oauthErrors.unauthorizedClient() : oauthErrors.unsupportedGrantType(grantType);
  }
  const scopes = requestedScopes(params.get('scope'), app);

  let jkt: string | undefined;
  // An app that does not require DPoP ignores a proof (Okta's Node SDK sends one on every token
  // request and expects a Bearer token back from such apps).
  if (app.requireDpop) {
    let proof;
    try {
      proof = await verifyDpopProof(request.headers.dpop, { method: 'POST', uri: tokenUrl, nowMs: request.nowMs }, state.proofIds);
    } catch (error) {
      if (error instanceof DpopProofError) throw oauthErrors.invalidDpopProof(error.message);
      throw error;
    }
    if (!state.nonces.accepts(proof.nonce, request.nowMs)) throw oauthErrors.useDpopNonce(state.nonces.issue(request.nowMs));
    jkt = proof.jkt;
  }

  const accessToken = state.tokens.issue({ clientId: app.clientId, scopes, jkt }, request.nowMs);
  return {
    status: 200,
    body: {
      token_type: jkt ? 'DPoP' : 'Bearer',
      expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
      access_token: accessToken,
      scope: scopes.join(' '),
    },
  };
}

function formParams(request: TokenRequest): URLSearchParams {
  const contentType = String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded') {
    throw oauthErrors.invalidRequest('The token request must be form-encoded (Content-Type: application/x-www-form-urlencoded).');
  }
  const params = new URLSearchParams(request.body.toString('utf8'));
  const seen = new Set<string>();
  for (const name of params.keys()) {
    if (seen.has(name)) throw oauthErrors.invalidRequest(`The '${name}' parameter must not be repeated.`);
    seen.add(name);
  }
  return params;
}

/** The requested scopes (space-separated, duplicates dropped); each must be granted to the app. */
function requestedScopes(raw: string | null, app: ServiceApp): string[] {
  const scopes = [...new Set((raw ?? '').split(' ').filter(Boolean))];
  if (scopes.length === 0) {
    throw oauthErrors.invalidScope("The authorization server resource does not have any configured default scopes, 'scope' must be provided.");
  }
  const missing = scopes.filter((scope) => !app.scopes.has(scope));
  if (missing.length > 0) {
    throw oauthErrors.invalidScope(`The following scopes are not granted to the client: ${missing.join(' ')}.`);
  }
  return scopes;
}
