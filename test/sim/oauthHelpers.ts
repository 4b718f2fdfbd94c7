// Test-side OAuth client pieces, built with jose: key pairs, private_key_jwt assertions, DPoP proofs,
// service apps registered through the control endpoint, and token requests over real HTTP.
import { createHash, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { RunningSimulator } from '../../sim';
import type { Reply } from './simHelpers';

export type Alg = 'RS256' | 'ES256';

export interface KeyPair {
  alg: Alg;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface TestApp {
  clientId: string;
  key: KeyPair;
  kid: string;
}

export async function keyPair(alg: Alg = 'ES256'): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { alg, privateKey, publicJwk: await exportJWK(publicKey) };
}

let appCount = 0;

/** Registers a new app with a fresh key pair through POST /sim/service-apps. */
export async function registerApp(
  sim: RunningSimulator,
  options: { alg?: Alg; requireDpop?: boolean; scopes?: string[] } = {},
): Promise<TestApp> {
  const key = await keyPair(options.alg);
  const clientId = `0oatest${String(++appCount).padStart(13, '0')}`;
  const kid = `kid-${appCount}`;
  const reply = await control(sim, 'POST', '/sim/service-apps', {
    clientId,
    jwks: { keys: [{ ...key.publicJwk, kid }] },
    scopes: options.scopes ?? ['okta.users.read', 'okta.users.manage'],
    requireDpop: options.requireDpop ?? true,
  });
  if (reply.status !== 201) throw new Error(`registration failed: ${reply.status} ${reply.text}`);
  return { clientId, key, kid };
}

export async function control(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<Reply> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, text };
}

export const tokenUrl = (sim: RunningSimulator): string => `${sim.url}/oauth2/v1/token`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A client assertion for the app; `claims` and `header` override or (with undefined) drop fields. */
export async function assertion(
  sim: RunningSimulator,
  app: TestApp,
  claims: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
  signingKey: KeyPair = app.key,
): Promise<string> {
  const iat = nowSeconds();
  const payload = defined({ iss: app.clientId, sub: app.clientId, aud: tokenUrl(sim), iat, exp: iat + 300, jti: randomUUID(), ...claims });
  return new SignJWT(payload)
    .setProtectedHeader(defined({ alg: signingKey.alg, kid: app.kid, ...header }) as { alg: string })
    .sign(signingKey.privateKey);
}

/** A DPoP proof signed by `key`, embedding its public JWK. */
export async function proof(
  key: KeyPair,
  claims: { htm: string; htu: string; nonce?: string; accessToken?: string } & Record<string, unknown>,
  header: Record<string, unknown> = {},
): Promise<string> {
  const { accessToken, ...rest } = claims;
  const payload = defined({
    iat: nowSeconds(),
    jti: randomUUID(),
    ...(accessToken !== undefined ? { ath: createHash('sha256').update(accessToken).digest('base64url') } : {}),
    ...rest,
  });
  return new SignJWT(payload)
    .setProtectedHeader(defined({ typ: 'dpop+jwt', alg: key.alg, jwk: key.publicJwk, ...header }) as { alg: string })
    .sign(key.privateKey);
}

function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

/** POSTs a form to the token endpoint. */
export async function postToken(sim: RunningSimulator, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(tokenUrl(sim), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, text };
}

export const tokenForm = (clientAssertion: string, scope = 'okta.users.read okta.users.manage'): Record<string, string> => ({
  grant_type: 'client_credentials',
  scope,
  client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
  client_assertion: clientAssertion,
});

/** The server's current DPoP nonce, from the use_dpop_nonce answer to a proof without one. */
export async function dpopNonce(sim: RunningSimulator, app: TestApp, dpopKey: KeyPair): Promise<string> {
  const reply = await postToken(sim, tokenForm(await assertion(sim, app)), {
    DPoP: await proof(dpopKey, { htm: 'POST', htu: tokenUrl(sim) }),
  });
  if (reply.body?.error !== 'use_dpop_nonce') throw new Error(`expected use_dpop_nonce: ${reply.text}`);
  return reply.headers.get('dpop-nonce')!;
}

export interface IssuedToken {
  accessToken: string;
  tokenType: string;
  dpopKey: KeyPair;
}

/** The whole dance: nonce exchange (for DPoP apps), then the token. */
export async function obtainToken(sim: RunningSimulator, app: TestApp, scope?: string, requireDpop = true): Promise<IssuedToken> {
  const dpopKey = await keyPair('ES256');
  const headers: Record<string, string> = requireDpop
    ? { DPoP: await proof(dpopKey, { htm: 'POST', htu: tokenUrl(sim), nonce: await dpopNonce(sim, app, dpopKey) }) }
    : {};
  const reply = await postToken(sim, tokenForm(await assertion(sim, app), scope), headers);
  if (reply.status !== 200) throw new Error(`token request failed: ${reply.status} ${reply.text}`);
  return { accessToken: reply.body.access_token, tokenType: reply.body.token_type, dpopKey };
}

/** An API call with an issued token: DPoP with a fresh proof, or Bearer. */
export async function apiCall(
  sim: RunningSimulator,
  token: IssuedToken,
  method: string,
  path: string,
  body?: unknown,
  proofClaims: Record<string, unknown> = {},
): Promise<Reply> {
  const url = `${sim.url}${path}`;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token.tokenType === 'DPoP') {
    headers.Authorization = `DPoP ${token.accessToken}`;
    headers.DPoP = await proof(token.dpopKey, { htm: method, htu: url.split('?')[0], accessToken: token.accessToken, ...proofClaims });
  } else {
    headers.Authorization = `Bearer ${token.accessToken}`;
  }
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, text };
}
