// The built-in authenticator for test users: keeps the shared secret of TOTP factors enrolled
// through the extension in SecretStorage and generates their codes (RFC 6238, via otplib).
import { generate, type HashAlgorithm } from 'otplib';
import type { TotpActivation } from '../okta/models';
import { Disposable } from '../orgs/emitter';
import { SecretStore } from '../orgs/secretStore';
import { FactorRef, FactorSecrets } from './factorSecrets';
import { buildOtpauthUri } from './otpauthUri';
import { otpDigits, positiveInteger } from './otpParameters';
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

export type TotpSecretChange = FactorRef;

export class TotpSecretMissingError extends Error {
  override readonly name = 'TotpSecretMissingError';
  constructor() {
    super('The built-in authenticator holds no secret for this factor: it was not enrolled through this extension, or was forgotten.');
  }
}

export class TotpAuthenticator implements Disposable {
  private readonly records: FactorSecrets<TotpSecretRecord>;

  /** Fires when a factor's secret is stored or deleted, in this window or another. */
  readonly onDidChange: FactorSecrets<TotpSecretRecord>['onDidChange'];

  constructor(secrets: SecretStore) {
    this.records = new FactorSecrets(secrets, TOTP_SECRET_KIND, isTotpSecretRecord);
    this.onDidChange = this.records.onDidChange;
  }

  /**
   * Keeps the secret of a just-enrolled factor (`_embedded.activation`). Throws, storing nothing,
   * when the activation cannot produce codes (unknown encoding, malformed secret).
   */
  async remember(orgId: string, userId: string, factorId: string, activation: TotpActivation, meta: TotpMeta): Promise<void> {
    const encoding = parseSecretEncoding(activation.encoding);
    decodeSharedSecret(activation.sharedSecret ?? '', encoding);
    await this.records.write({ orgId, userId, factorId }, {
      secret: activation.sharedSecret,
      timeStep: positiveInteger(activation.timeStep) ?? 30,
      digits: otpDigits(activation.keyLength),
      encoding,
      algorithm: meta.algorithm ?? 'sha1',
      label: meta.label,
      issuer: meta.issuer,
    });
  }

  async has(orgId: string, userId: string, factorId: string): Promise<boolean> {
    return (await this.records.read({ orgId, userId, factorId })) !== undefined;
  }

  /** The code for `atMs` (default now) and how long it stays current. */
  async currentCode(orgId: string, userId: string, factorId: string, atMs: number = Date.now()): Promise<TotpCode> {
    const record = await this.require({ orgId, userId, factorId });
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
    const record = await this.require({ orgId, userId, factorId });
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
    await this.records.delete({ orgId, userId, factorId });
  }

  /** Deletes every TOTP secret of an org (the registry also does this when an org is removed). */
  async forgetOrg(orgId: string): Promise<void> {
    await this.records.deleteOrg(orgId);
  }

  dispose(): void {
    this.records.dispose();
  }

  private async require(factor: FactorRef): Promise<TotpSecretRecord> {
    const record = await this.records.read(factor);
    if (!record) throw new TotpSecretMissingError();
    return record;
  }
}

function isTotpSecretRecord(value: unknown): value is TotpSecretRecord {
  const r = value as Partial<TotpSecretRecord> | null;
  return !!r && typeof r.secret === 'string' && positiveInteger(r.timeStep) !== undefined
    && positiveInteger(r.digits) !== undefined && typeof r.encoding === 'string' && typeof r.algorithm === 'string';
}
