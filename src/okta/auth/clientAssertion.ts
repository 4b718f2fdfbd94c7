// The private_key_jwt client assertion (RFC 7523) that authenticates a service app at the org's
// token endpoint: `iss` = `sub` = the client id, `aud` = the token URL, a unique `jti`, and a short
// life (5 minutes, well inside Okta's one-hour ceiling, so a slow clock still leaves it valid).
import { randomUUID } from 'node:crypto';
import { loadJose } from './joseLoader';
import type { ServiceAppKey } from './serviceAppKey';

const ASSERTION_LIFETIME_SECONDS = 300;

export async function signClientAssertion(clientId: string, tokenUrl: string, key: ServiceAppKey): Promise<string> {
  const jose = await loadJose();
  const now = Math.floor(Date.now() / 1000);
  return new jose.SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: key.alg, ...(key.kid ? { kid: key.kid } : {}) })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(tokenUrl)
    .setIssuedAt(now)
    .setExpirationTime(now + ASSERTION_LIFETIME_SECONDS)
    .sign(key.privateKey);
}
