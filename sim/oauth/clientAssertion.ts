// Checks a private_key_jwt client assertion (RFC 7523 §3, Okta's service-app guide): signed RS256 or
// ES256 with one of the app's registered keys (the one its `kid` names, when it names one), `iss` =
// `sub` = the client id, `aud` = the token URL, an `exp` in the future and at most an hour after `iat`,
// and a `jti` used once. Every refusal is Okta's 401 invalid_client.
import { compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import { CLOCK_SKEW_SECONDS } from './dpopProof';
import { oauthErrors } from './oauthErrors';
import type { ServiceApp } from './serviceApps';
import type { SingleUseIds } from './singleUseIds';

export const MAX_ASSERTION_LIFETIME_SECONDS = 3600;

export interface AssertionContext {
  tokenUrl: string;
  nowMs: number;
  /** The `client_id` form parameter, when the client sent one. */
  clientIdParam?: string;
  findApp(clientId: string): ServiceApp | undefined;
  usedIds: SingleUseIds;
}

const refused = oauthErrors.invalidClient;

/** The authenticated app. */
export async function verifyClientAssertion(assertion: string, context: AssertionContext): Promise<ServiceApp> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  let unverified: ReturnType<typeof decodeJwt>;
  try {
    header = decodeProtectedHeader(assertion);
    unverified = decodeJwt(assertion);
  } catch {
    throw refused('The client_assertion is not a well-formed signed JWT.');
  }
  const clientId = unverified.sub;
  if (typeof clientId !== 'string' || unverified.iss !== clientId) {
    throw refused("The client_assertion must have 'iss' and 'sub' claims equal to the client id.");
  }
  if (context.clientIdParam !== undefined && context.clientIdParam !== clientId) {
    throw refused("The 'client_id' parameter does not match the client_assertion's 'sub' claim.");
  }
  const app = context.findApp(clientId);
  if (!app) throw refused("Invalid value for 'client_id' parameter.");
  if (header.alg !== 'RS256' && header.alg !== 'ES256') {
    throw refused("The client_assertion 'alg' is not supported: sign it with RS256 or ES256.");
  }
  const candidates = app.keys.filter((k) => k.alg === header.alg && (header.kid === undefined || k.kid === header.kid));
  if (header.kid !== undefined && candidates.length === 0) {
    throw refused("The client_assertion 'kid' does not match any key registered for the client.");
  }
  if (!(await signedByOneOf(assertion, candidates))) {
    throw refused('The client_assertion signature is invalid: it was not signed with a key registered for the client.');
  }

  const { aud, exp, iat, nbf, jti } = unverified;
  const nowSeconds = context.nowMs / 1000;
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(context.tokenUrl)) {
    throw refused(`The client_assertion 'aud' claim must be the token endpoint, ${context.tokenUrl}.`);
  }
  if (typeof exp !== 'number') throw refused("The client_assertion must have an 'exp' claim.");
  if (exp <= nowSeconds - CLOCK_SKEW_SECONDS) throw refused('The client_assertion token is expired.');
  if (iat !== undefined && (typeof iat !== 'number' || iat > nowSeconds + CLOCK_SKEW_SECONDS)) {
    throw refused("The client_assertion 'iat' claim is in the future: check the clock of the machine that signed it.");
  }
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSeconds + CLOCK_SKEW_SECONDS)) {
    throw refused('The client_assertion token is not valid yet.');
  }
  if (exp - (iat ?? nowSeconds) > MAX_ASSERTION_LIFETIME_SECONDS) {
    throw refused('The client_assertion token has an expiration too far into the future (at most one hour after it was issued).');
  }
  if (jti !== undefined) {
    if (typeof jti !== 'string' || jti === '') throw refused("The client_assertion 'jti' claim must be a non-empty string.");
    if (!context.usedIds.use(`${clientId}:${jti}`, (exp + CLOCK_SKEW_SECONDS) * 1000, context.nowMs)) {
      throw refused("The client_assertion 'jti' has already been used: sign a new assertion for every token request.");
    }
  }
  return app;
}

async function signedByOneOf(assertion: string, keys: ServiceApp['keys']): Promise<boolean> {
  for (const candidate of keys) {
    try {
      await compactVerify(assertion, await candidate.key, { algorithms: [candidate.alg] });
      return true;
    } catch {
      // Not this key; try the next.
    }
  }
  return false;
}
