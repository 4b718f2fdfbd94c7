// Key pairs for service apps, for the Add Org and key-rotation flows: a new pair made here (its
// public half to register in Okta, its private half for SecretStorage only), or an imported private
// key checked before anything is stored. The key id of a generated pair is its JWK thumbprint
// (RFC 7638), so the key registered in Okta and the one signing assertions are recognisably the same.
import { OktaInputError } from '../okta/errors';
import { loadJose } from '../okta/auth/joseLoader';
import { generateServiceAppKeyPem, publicJwkOf, publicPemOf, readServiceAppKey } from '../okta/auth/serviceAppKey';
import { OrgRegistryError } from './errors';

export interface GeneratedKeyPair {
  /** PKCS#8 PEM: goes to SecretStorage and nowhere else. */
  privateKey: string;
  keyId: string;
  /** The public key as a JWK (with `kid`, `use`, `alg`) and as a PEM, to register in Okta. */
  publicJwk: string;
  publicPem: string;
}

export async function generateKeyPair(): Promise<GeneratedKeyPair> {
  const privateKey = generateServiceAppKeyPem();
  const unnamed = readServiceAppKey(privateKey);
  const jose = await loadJose();
  const { kty, n, e } = publicJwkOf(unnamed);
  const keyId = await jose.calculateJwkThumbprint({ kty, n, e });
  const key = { ...unnamed, kid: keyId };
  return { privateKey, keyId, publicJwk: JSON.stringify(publicJwkOf(key), null, 2), publicPem: publicPemOf(key) };
}

/**
 * Checks a private key (and the key id given with it); returns its algorithm and its key id (the
 * one given, else a JWK's `kid`), or refuses it as invalid input.
 */
export function checkPrivateKey(text: string, keyId?: string): { alg: string; keyId?: string } {
  try {
    const key = readServiceAppKey(text, keyId);
    return { alg: key.alg, keyId: key.kid };
  } catch (error) {
    if (error instanceof OktaInputError) throw new OrgRegistryError('invalid-input', error.message);
    throw error;
  }
}
