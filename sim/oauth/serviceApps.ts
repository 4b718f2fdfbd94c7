// Service apps registered with the simulated org (Okta's "API Services" apps with public-key client
// authentication): client id, public signing keys, the Okta API scopes granted to the app, and whether
// it requires DPoP-bound tokens (Okta's default for new API service apps).
import { importJWK, type CryptoKey, type JWK } from 'jose';

export type SigningAlg = 'RS256' | 'ES256';

/** What a caller registers (CLI flag, control endpoint, startSimulator option). */
export interface ServiceAppSpec {
  clientId: string;
  /** Public keys: a JWK Set `{ keys: [...] }` or a plain array of JWKs. */
  jwks: { keys: JWK[] } | JWK[];
  scopes: string[];
  /** Default true, like a new API service app in Okta. */
  requireDpop?: boolean;
}

export interface PublicKey {
  jwk: JWK;
  alg: SigningAlg;
  kid?: string;
  key: Promise<CryptoKey | Uint8Array>;
}

export interface ServiceApp {
  clientId: string;
  scopes: ReadonlySet<string>;
  requireDpop: boolean;
  keys: PublicKey[];
}

/** What the control API shows of an app. */
export interface ServiceAppView {
  clientId: string;
  scopes: string[];
  requireDpop: boolean;
  keys: JWK[];
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const MAX_KEYS = 50;
const MAX_SCOPES = 100;
const MIN_RSA_BITS = 2048;
const CLIENT_ID = /^[\x21-\x7e]{1,100}$/;
const SCOPE = /^[\x21\x23-\x5b\x5d-\x7e]{1,200}$/;

/** True when the JWK carries private key material. */
export const hasPrivateMembers = (jwk: object): boolean => PRIVATE_MEMBERS.some((name) => name in jwk);

/** The algorithm a public signing JWK is used with, or an Error saying why the key is refused. */
export function signingAlgOf(jwk: unknown): SigningAlg {
  if (jwk === null || typeof jwk !== 'object' || Array.isArray(jwk)) throw new Error('A key must be a JWK object.');
  const key = jwk as JWK;
  if (hasPrivateMembers(key)) throw new Error('A registered key must be a public key: remove its private members (d, p, q, dp, dq, qi, oth, k).');
  if (key.use !== undefined && key.use !== 'sig') throw new Error('A registered key must have "use": "sig" or no "use".');
  let alg: SigningAlg;
  if (key.kty === 'RSA') {
    if (typeof key.n !== 'string' || typeof key.e !== 'string') throw new Error('An RSA key needs "n" and "e".');
    if (Buffer.from(key.n, 'base64url').length * 8 < MIN_RSA_BITS) throw new Error(`An RSA key must have at least ${MIN_RSA_BITS} bits.`);
    alg = 'RS256';
  } else if (key.kty === 'EC') {
    if (key.crv !== 'P-256') throw new Error('An EC key must be on curve P-256 (ES256).');
    if (typeof key.x !== 'string' || typeof key.y !== 'string') throw new Error('An EC key needs "x" and "y".');
    alg = 'ES256';
  } else {
    throw new Error(`Key type ${JSON.stringify(key.kty)} is not supported: use RSA (RS256) or EC P-256 (ES256).`);
  }
  if (key.alg !== undefined && key.alg !== alg) throw new Error(`A ${key.kty} key is used with ${alg}, not ${JSON.stringify(key.alg)}.`);
  if (key.kid !== undefined && (typeof key.kid !== 'string' || key.kid === '')) throw new Error('"kid" must be a non-empty string.');
  return alg;
}

function publicKey(jwk: JWK): PublicKey {
  const alg = signingAlgOf(jwk);
  const key = importJWK(jwk, alg);
  key.catch(() => undefined); // checked by `imported`; a verify attempt reports it again
  return { jwk: { ...jwk }, alg, kid: jwk.kid, key };
}

function keysOf(jwks: unknown): JWK[] {
  const keys = Array.isArray(jwks) ? jwks : (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw new Error('"jwks" must be a JWK Set { keys: [...] } (or an array) with at least one key.');
  return keys as JWK[];
}

/** Validates a registration; the keys' import is checked by `imported`. */
export function serviceApp(spec: unknown): ServiceApp {
  const s = (spec ?? {}) as Partial<ServiceAppSpec>;
  if (typeof s.clientId !== 'string' || !CLIENT_ID.test(s.clientId)) {
    throw new Error('"clientId" must be 1-100 visible ASCII characters without spaces.');
  }
  if (!Array.isArray(s.scopes) || s.scopes.length === 0 || s.scopes.length > MAX_SCOPES || !s.scopes.every((x) => typeof x === 'string' && SCOPE.test(x))) {
    throw new Error(`"scopes" must be 1-${MAX_SCOPES} scope names such as "okta.users.read".`);
  }
  if (s.requireDpop !== undefined && typeof s.requireDpop !== 'boolean') throw new Error('"requireDpop" must be true or false.');
  const app: ServiceApp = { clientId: s.clientId, scopes: new Set(s.scopes), requireDpop: s.requireDpop ?? true, keys: [] };
  for (const jwk of keysOf(s.jwks)) withKey(app, jwk);
  return app;
}

/** Adds a public key to the app (kids are unique within an app). */
export function withKey(app: ServiceApp, jwk: unknown): PublicKey {
  const key = publicKey(jwk as JWK);
  if (app.keys.length >= MAX_KEYS) throw new Error(`An app holds at most ${MAX_KEYS} keys.`);
  if (key.kid !== undefined && app.keys.some((k) => k.kid === key.kid)) throw new Error(`The app already has a key with kid ${JSON.stringify(key.kid)}.`);
  app.keys.push(key);
  return key;
}

/** Resolves once every key imported, or rejects naming the first that did not. */
export async function imported(app: ServiceApp): Promise<ServiceApp> {
  for (const key of app.keys) {
    try {
      await key.key;
    } catch {
      throw new Error(`The key ${key.kid ? JSON.stringify(key.kid) : 'without kid'} is not a valid ${key.alg} public key.`);
    }
  }
  return app;
}

export const viewOf = (app: ServiceApp): ServiceAppView => ({
  clientId: app.clientId,
  scopes: [...app.scopes],
  requireDpop: app.requireDpop,
  keys: app.keys.map((k) => ({ ...k.jwk })),
});
