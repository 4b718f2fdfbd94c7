// A test-only software authenticator (node:crypto + cbor-x) that makes the attestations and
// assertions the simulator checks, with knobs to break one thing at a time. Stand-in until the
// extension's own authenticator (src/authenticator/passkey/) can be used here.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { Encoder } from 'cbor-x';

const cbor = new Encoder({ useRecords: false, mapsAsObjects: false });

export const UP = 0x01;
export const UV = 0x04;
export const AT = 0x40;
const AAGUID = Buffer.from('adce000235bcc60a648b0b25f1f05503', 'hex');

/** What a ceremony claims; every field defaults to the honest value for the org at `origin`. */
export interface Ceremony {
  challenge: string;
  origin: string;
  type?: string;
  /** Hashed into rpIdHash; defaults to the origin's host name. */
  rpId?: string;
  flags?: number;
  signCount?: number;
  /** Signs something else, so the signature does not verify. */
  badSignature?: boolean;
}

export interface AttestationOptions {
  fmt?: 'packed' | 'none';
  /** Overrides the alg written into the COSE key (and the packed statement). */
  coseAlg?: number;
}

const sha256 = (data: Buffer | string): Buffer => createHash('sha256').update(data).digest();

export class TestAuthenticator {
  readonly credentialId = randomBytes(32);
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  signCount = 0;

  constructor(readonly alg: -7 | -257 = -7) {
    const pair = alg === -7
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  coseKey(alg: number = this.alg): Buffer {
    const jwk = this.publicKey.export({ format: 'jwk' });
    const b = (v: string | undefined) => Buffer.from(v!, 'base64url');
    const entries: [number, unknown][] = this.alg === -7
      ? [[1, 2], [3, alg], [-1, 1], [-2, b(jwk.x)], [-3, b(jwk.y)]]
      : [[1, 3], [3, alg], [-1, b(jwk.n)], [-2, b(jwk.e)]];
    return cbor.encode(new Map(entries));
  }

  /** `{attestation, clientData}` for Okta's activate call (base64url, as Ledger sends them). */
  attest(ceremony: Ceremony, options: AttestationOptions = {}): { attestation: string; clientData: string } {
    const clientDataJson = this.clientData(ceremony, 'webauthn.create');
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([
      this.authDataHeader(ceremony, UP | UV | AT), AAGUID, idLength, this.credentialId, this.coseKey(options.coseAlg),
    ]);
    const fmt = options.fmt ?? 'packed';
    const attStmt = fmt === 'none'
      ? new Map()
      : new Map<string, unknown>([['alg', options.coseAlg ?? this.alg], ['sig', this.sign(ceremony, authData, clientDataJson)]]);
    const attestation = cbor.encode(new Map<string, unknown>([['fmt', fmt], ['attStmt', attStmt], ['authData', authData]]));
    return { attestation: attestation.toString('base64url'), clientData: clientDataJson.toString('base64url') };
  }

  /** `{clientData, authenticatorData, signatureData}` for Okta's verify call (the last two standard base64). */
  assert(ceremony: Ceremony): { clientData: string; authenticatorData: string; signatureData: string } {
    this.signCount = ceremony.signCount ?? this.signCount + 1;
    const clientDataJson = this.clientData(ceremony, 'webauthn.get');
    const authData = this.authDataHeader(ceremony, UP | UV);
    return {
      clientData: clientDataJson.toString('base64url'),
      authenticatorData: authData.toString('base64'),
      signatureData: this.sign(ceremony, authData, clientDataJson).toString('base64'),
    };
  }

  private clientData(ceremony: Ceremony, type: string): Buffer {
    const { challenge, origin } = ceremony;
    return Buffer.from(JSON.stringify({ type: ceremony.type ?? type, challenge, origin, crossOrigin: false }));
  }

  private authDataHeader(ceremony: Ceremony, flags: number): Buffer {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.signCount);
    const rpId = ceremony.rpId ?? new URL(ceremony.origin).hostname;
    return Buffer.concat([sha256(rpId), Buffer.from([ceremony.flags ?? flags]), counter]);
  }

  private sign(ceremony: Ceremony, authData: Buffer, clientDataJson: Buffer): Buffer {
    const signed = Buffer.concat([authData, sha256(clientDataJson)]);
    return sign('sha256', ceremony.badSignature ? Buffer.concat([signed, Buffer.from([0])]) : signed, this.privateKey);
  }
}
