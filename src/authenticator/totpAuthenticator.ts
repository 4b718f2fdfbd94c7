// The built-in authenticator for test users: keeps the shared secret of TOTP factors enrolled
// through the extension in SecretStorage and generates their codes (RFC 6238, via otplib).
import { generate, type HashAlgorithm } from 'otplib';
import type { TotpActivation } from '../okta/models';
import { Disposable, Emitter } from '../orgs/emitter';
import { OrgSecretIndex, orgSecretKey } from '../orgs/orgSecretIndex';
import { SecretStore } from '../orgs/secretStore';
import { buildOtpauthUri } from './otpauthUri';
import {
  OKTA_SECRET_GUARDRAILS, SecretEncoding, decodeSharedSecret, parseSecretEncoding, toBase32,
} from './sharedSecret';

/** Secret key kind: `okta.totp/<orgId>/<userId>/<factorId>` holds a TotpSecretRecord as JSON. */
export const TOTP_SECRET_KIND = 'okta.totp';

/** What is kept per factor. `secret` stays in the encoding Okta gave it. */
export interface TotpSecretRecord {
  secret: string;
  timeStep: number;
  digits: number;
  encoding: SecretEncoding;
  algorithm: HashAlgorithm;
  /** Account name shown by authenticator apps (the user's login). */
  label: string;
  /** Issuer shown by authenticator apps (the org's name). */
  issuer: string;
}

export interface TotpMeta {
  label: string;
  issuer: string;
  /** Okta's TOTP factors use SHA-1 (the default); others are for completeness. */
  algorithm?: HashAlgorithm;
}

export interface TotpCode {
  code: string;
  /** Seconds until this code's time step ends (1..timeStep). */
  secondsRemaining: number;
  timeStep: number;
}

export interface TotpSecretChange {
  orgId: string;
  userId: string;
  factorId: string;
}

export class TotpSecretMissingError extends Error {
  override readonly name = 'TotpSecretMissingError';
  constructor() {
    super('The built-in authenticator holds no secret for this factor: it was not enrolled through this extension, or was forgotten.');
  }
}

const SUPPORTED_DIGITS = { min: 6, max: 10 };

export class TotpAuthenticator implements Disposable {
  private readonly index: OrgSecretIndex;
  private readonly changes = new Emitter<TotpSecretChange>();
  private readonly secretListener: Disposable;

  /** Fires when a factor's secret is stored or deleted, in this window or another. */
  readonly onDidChange = this.changes.event;

  constructor(private readonly secrets: SecretStore) {
    this.index = new OrgSecretIndex(secrets);
    this.secretListener = secrets.onDidChange(({ key }) => {
      const [kind, orgId, userId, factorId] = key.split('/');
      if (kind === TOTP_SECRET_KIND && orgId && userId && factorId) this.changes.fire({ orgId, userId, factorId });
    });
  }

  /**
   * Keeps the secret of a just-enrolled factor (`_embedded.activation`). Throws, storing nothing,
   * when the activation cannot produce codes (unknown encoding, malformed secret).
   */
  async remember(orgId: string, userId: string, factorId: string, activation: TotpActivation, meta: TotpMeta): Promise<void> {
    const encoding = parseSecretEncoding(activation.encoding);
    decodeSharedSecret(activation.sharedSecret ?? '', encoding);
    const record: TotpSecretRecord = {
      secret: activation.sharedSecret,
      timeStep: positiveInteger(activation.timeStep) ?? 30,
      digits: digitsFrom(activation.keyLength),
      encoding,
      algorithm: meta.algorithm ?? 'sha1',
      label: meta.label,
      issuer: meta.issuer,
    };
    await this.index.store(orgId, keyOf(orgId, userId, factorId), JSON.stringify(record));
  }

  async has(orgId: string, userId: string, factorId: string): Promise<boolean> {
    return (await this.read(orgId, userId, factorId)) !== undefined;
  }

  /** The code for `atMs` (default now) and how long it stays current. */
  async currentCode(orgId: string, userId: string, factorId: string, atMs: number = Date.now()): Promise<TotpCode> {
    const record = await this.require(orgId, userId, factorId);
    const epoch = Math.floor(atMs / 1000);
    const code = await generate({
      secret: decodeSharedSecret(record.secret, record.encoding),
      algorithm: record.algorithm,
      digits: record.digits,
      period: record.timeStep,
      epoch,
      guardrails: OKTA_SECRET_GUARDRAILS,
    });
    return { code, secondsRemaining: record.timeStep - (epoch % record.timeStep), timeStep: record.timeStep };
  }

  /** `otpauth://totp/...` for a QR code a phone authenticator app can scan. */
  async otpauthUri(orgId: string, userId: string, factorId: string): Promise<string> {
    const record = await this.require(orgId, userId, factorId);
    return buildOtpauthUri({
      type: 'totp',
      issuer: record.issuer,
      label: record.label,
      secretBase32: toBase32(decodeSharedSecret(record.secret, record.encoding)),
      digits: record.digits,
      algorithm: record.algorithm,
      period: record.timeStep,
    });
  }

  /** Call when the factor is unenrolled or its activation failed for good. */
  async forget(orgId: string, userId: string, factorId: string): Promise<void> {
    await this.index.delete(orgId, keyOf(orgId, userId, factorId));
  }

  /** Deletes every TOTP secret of an org (the registry also does this when an org is removed). */
  async forgetOrg(orgId: string): Promise<void> {
    await this.index.deleteAll(orgId, (key) => key.startsWith(`${TOTP_SECRET_KIND}/`));
  }

  dispose(): void {
    this.secretListener.dispose();
    this.changes.dispose();
  }

  private async require(orgId: string, userId: string, factorId: string): Promise<TotpSecretRecord> {
    const record = await this.read(orgId, userId, factorId);
    if (!record) throw new TotpSecretMissingError();
    return record;
  }

  private async read(orgId: string, userId: string, factorId: string): Promise<TotpSecretRecord | undefined> {
    const json = await this.secrets.get(keyOf(orgId, userId, factorId));
    if (!json) return undefined;
    try {
      const record = JSON.parse(json) as TotpSecretRecord;
      return typeof record.secret === 'string' && positiveInteger(record.timeStep) ? record : undefined;
    } catch {
      return undefined;
    }
  }
}

function keyOf(orgId: string, userId: string, factorId: string): string {
  return orgSecretKey(TOTP_SECRET_KIND, orgId, userId, factorId);
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * `keyLength` is the number of digits. One Okta example says 16, which no authenticator can
 * show (a code holds at most 10 digits): anything outside 6..10 falls back to the usual 6.
 */
function digitsFrom(keyLength: unknown): number {
  const digits = positiveInteger(keyLength);
  return digits !== undefined && digits >= SUPPORTED_DIGITS.min && digits <= SUPPORTED_DIGITS.max ? digits : 6;
}
