// Okta's API authentication. `SSWS <api token>` and the `Bearer <access token>`s given at start act as
// the org's token owner (GET /users/me); a token the org's token endpoint issued acts as its service
// app (`Bearer` or, DPoP-bound, `DPoP` with a proof; see oauth/resourceAccess.ts). Anything else is
// 401 E0000011 (with an invalid_token challenge for the OAuth schemes).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { OktaError } from './errors';
import type { OAuthServer } from './oauth/oauthServer';
import { AccessDenied, type ServiceAppCaller } from './oauth/resourceAccess';

export interface Credentials {
  apiToken: string;
  accessTokens: readonly string[];
}

/** `apiToken`: the SSWS API token (events name it), not one of the start-up Bearer tokens. */
export type Caller = { kind: 'token-owner'; apiToken: boolean } | { kind: 'service-app'; app: ServiceAppCaller };

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const invalidToken = () => new AccessDenied({ status: 401, body: new OktaError(401, 'E0000011', 'Invalid token provided').body() });

/** The caller, or throws AccessDenied with the 401 to send. */
export async function authenticate(
  req: IncomingMessage,
  credentials: Credentials,
  oauth: OAuthServer,
  request: { method: string; path: string; origin: string; nowMs: number },
): Promise<Caller> {
  const match = /^(\S+)\s+(.+)$/.exec(req.headers.authorization?.trim() ?? '');
  if (!match) throw invalidToken();
  const [, rawScheme, value] = match;
  const scheme = rawScheme.toLowerCase();
  if (scheme === 'ssws') {
    if (same(value, credentials.apiToken)) return { kind: 'token-owner', apiToken: true };
    throw invalidToken();
  }
  if (scheme === 'bearer' && credentials.accessTokens.some((t) => same(value, t))) return { kind: 'token-owner', apiToken: false };
  if (scheme !== 'bearer' && scheme !== 'dpop') throw invalidToken();
  const app = await oauth.authenticate({
    ...request,
    scheme: scheme === 'dpop' ? 'DPoP' : 'Bearer',
    token: value,
    dpop: req.headers.dpop,
  });
  return { kind: 'service-app', app };
}
