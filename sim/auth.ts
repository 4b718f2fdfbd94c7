// Okta's API authentication: `SSWS <api token>` or `Bearer <access token>`; anything else is 401
// E0000011. Every accepted token acts as the org's token owner (GET /users/me).
import { timingSafeEqual } from 'node:crypto';

export interface Credentials {
  apiToken: string;
  accessTokens: readonly string[];
}

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function isAuthorized(authorization: string | undefined, credentials: Credentials): boolean {
  const match = /^(\S+)\s+(.+)$/.exec(authorization?.trim() ?? '');
  if (!match) return false;
  const [, scheme, value] = match;
  if (scheme.toUpperCase() === 'SSWS') return same(value, credentials.apiToken);
  if (scheme.toLowerCase() === 'bearer') return credentials.accessTokens.some((t) => same(value, t));
  return false;
}
