// Checks a DPoP proof JWT (RFC 9449 §4.3) for the token endpoint and for API calls: `typ`
// dpop+jwt, an asymmetric `alg`, an embedded public `jwk` that verifies the signature, `htm` and
// `htu` (no query or fragment) naming this request, a fresh `iat`, a single-use `jti` and, for API
// calls, `ath` = base64url(SHA-256(access token)). The nonce is the caller's business.
import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { hasPrivateMembers, signingAlgOf } from './serviceApps';
import type { SingleUseIds } from './singleUseIds';

/** How old a proof may be, and how far ahead of the simulator's clock its iat may run. */
export const PROOF_MAX_AGE_SECONDS = 300;
export const CLOCK_SKEW_SECONDS = 60;
export const PROOF_ALGS = 'RS256 ES256';

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export class DpopProofError extends Error {}

export interface ProofExpectations {
  method: string;
  /** The request's target URI without query, as the server sees it. */
  uri: string;
  /** Given for API calls: the proof must carry its `ath`. */
  accessToken?: string;
  nowMs: number;
}

export interface VerifiedProof {
  /** JWK SHA-256 thumbprint (RFC 7638) of the proof key. */
  jkt: string;
  nonce?: unknown;
}

const invalid = (what: string) => new DpopProofError(`'${what}' claim in the DPoP proof JWT is invalid.`);

/** Scheme, host and path in the form two equal URIs share (RFC 9449 §4.3 step 9). */
export function comparableUri(uri: string): string | undefined {
  try {
    const url = new URL(uri);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return undefined;
  }
}

export async function verifyDpopProof(
  header: string | string[] | undefined,
  expected: ProofExpectations,
  usedIds: SingleUseIds,
): Promise<VerifiedProof> {
  if (header === undefined) throw new DpopProofError('The DPoP proof JWT header is missing.');
  if (Array.isArray(header) || !COMPACT_JWS.test(header)) throw new DpopProofError('The DPoP proof JWT is malformed.');
  let protectedHeader: ReturnType<typeof decodeProtectedHeader>;
  try {
    protectedHeader = decodeProtectedHeader(header);
  } catch {
    throw new DpopProofError('The DPoP proof JWT is malformed.');
  }
  if (protectedHeader.typ !== 'dpop+jwt') throw new DpopProofError("'typ' header in the DPoP proof JWT is invalid: it must be 'dpop+jwt'.");
  const jwk = protectedHeader.jwk;
  if (jwk === null || typeof jwk !== 'object') throw new DpopProofError("'jwk' header in the DPoP proof JWT is missing.");
  if (hasPrivateMembers(jwk)) throw new DpopProofError("'jwk' header in the DPoP proof JWT must not contain a private key.");
  let alg: string;
  try {
    alg = signingAlgOf({ ...jwk, alg: undefined, use: undefined });
  } catch (error) {
    throw new DpopProofError(`'jwk' header in the DPoP proof JWT is not usable: ${(error as Error).message}`);
  }
  if (protectedHeader.alg !== alg) throw new DpopProofError(`'alg' header in the DPoP proof JWT is invalid: supported algorithms are ${PROOF_ALGS}, matching the key.`);

  let payload: Record<string, unknown>;
  try {
    const { payload: bytes } = await compactVerify(header, await importJWK(jwk, alg), { algorithms: [alg] });
    payload = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    throw new DpopProofError('The DPoP proof JWT signature is invalid.');
  }
  if (payload === null || typeof payload !== 'object') throw new DpopProofError('The DPoP proof JWT is malformed.');

  const { jti, htm, htu, iat, ath } = payload;
  if (typeof jti !== 'string' || jti === '' || jti.length > 512) throw invalid('jti');
  if (htm !== expected.method) throw invalid('htm');
  if (typeof htu !== 'string' || /[?#]/.test(htu) || comparableUri(htu) !== comparableUri(expected.uri)) throw invalid('htu');
  const nowSeconds = expected.nowMs / 1000;
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw invalid('iat');
  if (iat > nowSeconds + CLOCK_SKEW_SECONDS) throw new DpopProofError("'iat' claim in the DPoP proof JWT is in the future.");
  if (nowSeconds - iat > PROOF_MAX_AGE_SECONDS) throw new DpopProofError("'iat' claim in the DPoP proof JWT is too old.");
  if (expected.accessToken !== undefined) {
    const hash = createHash('sha256').update(expected.accessToken).digest('base64url');
    if (ath !== hash) throw invalid('ath');
  }
  const jkt = await calculateJwkThumbprint(jwk, 'sha256');
  const forgetAtMs = (iat + PROOF_MAX_AGE_SECONDS + CLOCK_SKEW_SECONDS) * 1000;
  if (!usedIds.use(`${jkt}:${jti}`, forgetAtMs, expected.nowMs)) throw new DpopProofError("'jti' claim in the DPoP proof JWT has already been used.");
  return { jkt, nonce: payload.nonce };
}
