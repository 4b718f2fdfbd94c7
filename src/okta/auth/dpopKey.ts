// DPoP (RFC 9449): a key pair the client makes for one access token and keeps for its life, and the
// proofs it signs. Each proof names the method and URL (without query or fragment), is new (`iat`,
// a unique `jti`), carries the server's latest nonce when there is one, and, for API calls, `ath`,
// the hash of the token it accompanies. Only the public JWK is embedded.
import { createHash, randomUUID } from 'node:crypto';
import type { CryptoKey, JWK } from 'jose';
import { loadJose } from './joseLoader';

export interface ProofClaims {
  method: string;
  /** The absolute URL; any query or fragment is dropped. */
  url: string;
  nonce?: string;
  accessToken?: string;
}

export class DpopKey {
  readonly #privateKey: CryptoKey;
  readonly #publicJwk: JWK;

  private constructor(privateKey: CryptoKey, publicJwk: JWK) {
    this.#privateKey = privateKey;
    this.#publicJwk = publicJwk;
  }

  static async generate(): Promise<DpopKey> {
    const jose = await loadJose();
    const { privateKey, publicKey } = await jose.generateKeyPair('ES256');
    const { kty, crv, x, y } = await jose.exportJWK(publicKey);
    return new DpopKey(privateKey, { kty, crv, x, y });
  }

  async proof(claims: ProofClaims): Promise<string> {
    const jose = await loadJose();
    const url = new URL(claims.url);
    const htu = `${url.origin}${url.pathname}`;
    return new jose.SignJWT({
      htm: claims.method,
      htu,
      jti: randomUUID(),
      ...(claims.nonce ? { nonce: claims.nonce } : {}),
      ...(claims.accessToken ? { ath: accessTokenHash(claims.accessToken) } : {}),
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: this.#publicJwk })
      .setIssuedAt()
      .sign(this.#privateKey);
  }
}

/** `ath`: base64url of the SHA-256 of the access token's ASCII text. */
export function accessTokenHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest('base64url');
}
