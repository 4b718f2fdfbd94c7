// API calls made with a token the org's token endpoint issued: `Bearer <token>` for apps without
// DPoP, `DPoP <token>` plus a fresh proof (with `ath`, signed by the key the token is bound to) on
// every request otherwise. Refusals: 401 E0000011 with an invalid_token challenge (unknown, expired
// or wrongly presented token), 400 invalid_dpop_proof with a challenge (a bad proof).
import type { ApiResponse } from '../http';
import { OktaError } from '../errors';
import type { AccessTokens } from './accessTokens';
import { challenge, type TokenScheme } from './challenge';
import { DpopProofError, verifyDpopProof } from './dpopProof';
import type { SingleUseIds } from './singleUseIds';

export interface ServiceAppCaller {
  clientId: string;
  scopes: ReadonlySet<string>;
  scheme: TokenScheme;
}

/** A refusal with its full answer (status, body, WWW-Authenticate). */
export class AccessDenied extends Error {
  constructor(readonly response: ApiResponse) {
    super(`${response.status}`);
  }
}

export interface ResourceState {
  tokens: AccessTokens;
  proofIds: SingleUseIds;
}

export interface ResourceRequest {
  scheme: TokenScheme;
  token: string;
  method: string;
  /** Pathname as sent (for the proof's htu and the challenge's `resource`). */
  path: string;
  origin: string;
  dpop: string | string[] | undefined;
  nowMs: number;
}

export async function authenticateServiceApp(state: ResourceState, request: ResourceRequest): Promise<ServiceAppCaller> {
  const { scheme, origin, path } = request;
  const invalidToken = (description: string, challengeScheme: TokenScheme = scheme) =>
    new AccessDenied({
      status: 401,
      body: new OktaError(401, 'E0000011', 'Invalid token provided').body(),
      headers: { 'WWW-Authenticate': challenge(challengeScheme, origin, path, { error: 'invalid_token', description }) },
    });
  const issued = state.tokens.find(request.token);
  if (!issued) throw invalidToken('The access token is invalid.');
  if (issued.expiresAtMs <= request.nowMs) throw invalidToken('The access token expired.');
  if (scheme === 'Bearer' && issued.jkt) throw invalidToken('The access token is DPoP-bound: send it as "DPoP <token>" with a DPoP proof.', 'DPoP');
  if (scheme === 'DPoP' && !issued.jkt) throw invalidToken('The access token is not DPoP-bound: send it as "Bearer <token>".', 'Bearer');

  if (issued.jkt) {
    const badProof = (description: string) =>
      new AccessDenied({
        status: 400,
        body: { error: 'invalid_dpop_proof', error_description: description },
        headers: { 'WWW-Authenticate': challenge('DPoP', origin, path, { error: 'invalid_dpop_proof', description }) },
      });
    try {
      const proof = await verifyDpopProof(
        request.dpop,
        { method: request.method, uri: `${origin}${path}`, accessToken: request.token, nowMs: request.nowMs },
        state.proofIds,
      );
      if (proof.jkt !== issued.jkt) throw badProof("The DPoP proof key does not match the access token's binding.");
    } catch (error) {
      if (error instanceof DpopProofError) throw badProof(error.message);
      throw error;
    }
  }
  return { clientId: issued.clientId, scopes: new Set(issued.scopes), scheme };
}
