// A service app's private key, read from the text a user pastes or imports: a PEM (PKCS#8, or PKCS#1
// RSA, or SEC1 EC) or a JWK as JSON. Okta signs client assertions with RS256 (RSA of 2048 bits or
// more) or ES256 (EC P-256), so any other key is refused here, before anything is sent or stored,
// with a message that says what to do. Node's crypto reads the formats jose cannot (PKCS#1, SEC1).
import type { JsonWebKey, KeyObject } from 'node:crypto';
import { nodeCrypto } from '../../util/nodeCrypto';
import { OktaInputError } from '../errors';

export type SigningAlg = 'RS256' | 'ES256';

export interface ServiceAppKey {
  alg: SigningAlg;
  /** The key id for the assertion's header: the one given, else the JWK's `kid`. */
  kid?: string;
  /** Never serialised: a KeyObject shows no key material in inspection or JSON. */
  privateKey: KeyObject;
}

const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'];

export function readServiceAppKey(text: string, keyId?: string): ServiceAppKey {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (!trimmed) throw new OktaInputError('The private key is empty.');
  const kidGiven = keyId?.trim() || undefined;
  if (kidGiven && /[\u0000-\u001f\u007f]/.test(kidGiven)) throw new OktaInputError('The key id contains control characters.');
  const { privateKey, jwkKid } = trimmed.startsWith('{') ? fromJwkText(trimmed) : { privateKey: fromPem(trimmed), jwkKid: undefined };
  return { alg: algorithmOf(privateKey), kid: kidGiven ?? jwkKid, privateKey };
}

/** The public half as a JWK (with `kid`, `use`, `alg` when known): what is registered in Okta. */
export function publicJwkOf(key: ServiceAppKey): JsonWebKey {
  const jwk = nodeCrypto().createPublicKey(key.privateKey).export({ format: 'jwk' });
  return { ...jwk, ...(key.kid ? { kid: key.kid } : {}), use: 'sig', alg: key.alg };
}

export function publicPemOf(key: ServiceAppKey): string {
  return nodeCrypto().createPublicKey(key.privateKey).export({ format: 'pem', type: 'spki' }).toString();
}

/** A new RSA 2048 key pair (what the Admin Console itself generates), as PKCS#8 PEM text. */
export function generateServiceAppKeyPem(): string {
  const { privateKey } = nodeCrypto().generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

function fromPem(pem: string): KeyObject {
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
  if (!label) throw new OktaInputError('The private key is neither a PEM block (-----BEGIN PRIVATE KEY-----) nor a JWK (JSON).');
  if (label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/.test(pem)) {
    throw new OktaInputError('The private key is encrypted with a passphrase. Export it without one (for example: openssl pkey -in key.pem -out key-plain.pem) and import that.');
  }
  if (/PUBLIC KEY|CERTIFICATE/.test(label)) {
    throw new OktaInputError(`This is a ${label.toLowerCase()}, not a private key. Import the private key the public key was made from.`);
  }
  if (!/^(PRIVATE KEY|RSA PRIVATE KEY|EC PRIVATE KEY)$/.test(label)) {
    throw new OktaInputError(`A PEM "${label}" block is not a supported private key; use PKCS#8 (BEGIN PRIVATE KEY), PKCS#1 RSA or EC.`);
  }
  try {
    return nodeCrypto().createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    // The cause is not kept: crypto's message may quote the key's bytes.
    throw new OktaInputError('The private key PEM is malformed: it could not be read. Copy the whole block, BEGIN and END lines included.');
  }
}

function fromJwkText(text: string): { privateKey: KeyObject; jwkKid?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new OktaInputError('The private key looks like JSON but is not valid JSON.');
  }
  const keys = (parsed as { keys?: unknown })?.keys;
  if (Array.isArray(keys)) {
    if (keys.length !== 1) throw new OktaInputError(`The JWK Set holds ${keys.length} keys; import the one private key alone.`);
    parsed = keys[0];
  }
  const jwk = parsed as Record<string, unknown> | null;
  if (!jwk || typeof jwk !== 'object' || Array.isArray(jwk) || typeof jwk.kty !== 'string') {
    throw new OktaInputError('The JSON is not a JWK: it has no "kty".');
  }
  if (jwk.kty === 'OKP') throw unsupported(`${String(jwk.crv ?? 'OKP')} keys`);
  if (jwk.kty !== 'RSA' && jwk.kty !== 'EC') throw unsupported(`"${jwk.kty}" keys`);
  if (!PRIVATE_JWK_MEMBERS.some((member) => member in jwk) || typeof jwk.d !== 'string') {
    throw new OktaInputError('This JWK is a public key (it has no "d"). Import the private JWK the public key was made from.');
  }
  let privateKey: KeyObject;
  try {
    privateKey = nodeCrypto().createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' });
  } catch {
    throw new OktaInputError('The private JWK is malformed: its members do not form a valid key.');
  }
  return { privateKey, jwkKid: typeof jwk.kid === 'string' && jwk.kid.trim() ? jwk.kid.trim() : undefined };
}

function algorithmOf(key: KeyObject): SigningAlg {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      if ((details.modulusLength ?? 0) < 2048) {
        throw new OktaInputError(`The RSA key has ${details.modulusLength ?? 'too few'} bits; Okta needs 2048 or more.`);
      }
      return 'RS256';
    case 'ec':
      if (details.namedCurve !== 'prime256v1') throw unsupported(`EC keys on the ${details.namedCurve ?? 'unknown'} curve`);
      return 'ES256';
    case 'ed25519': case 'ed448':
      throw unsupported(`${key.asymmetricKeyType === 'ed25519' ? 'Ed25519' : 'Ed448'} keys`);
    default:
      throw unsupported(`${key.asymmetricKeyType ?? 'these'} keys`);
  }
}

function unsupported(what: string): OktaInputError {
  return new OktaInputError(`${what} are not supported: Okta service apps sign with RSA (2048 bits or more, RS256) or EC P-256 (ES256).`);
}
