// What the TOTP and HOTP authenticators share: one secret record per enrolled factor in the
// SecretStore, the same look-up/forget operations, and an otpauth:// URI for phone apps.
import type { HashAlgorithm } from 'otplib';
import { Disposable } from '../util/emitter';
import { SecretStore } from '../orgs/secretStore';
import { FactorRef, FactorSecrets } from './factorSecrets';
import { OtpauthUriInput, buildOtpauthUri } from './otpauthUri';
import { SecretEncoding, decodeSharedSecret, toBase32 } from './sharedSecret';

/** The fields every stored OTP record has. `secret` stays in the encoding Okta gave it. */
export interface OtpSecretRecord {
  secret: string;
  encoding: SecretEncoding;
  digits: number;
  algorithm: HashAlgorithm;
  /** Account name shown by authenticator apps (the user's login). */
  label: string;
  /** Issuer shown by authenticator apps (the org's name). */
  issuer: string;
}

export abstract class StoredOtpAuthenticator<R extends OtpSecretRecord> implements Disposable {
  protected readonly records: FactorSecrets<R>;

  /** Fires when a factor's secret is stored or deleted, in this window or another. */
  readonly onDidChange: FactorSecrets<R>['onDidChange'];

  protected constructor(secrets: SecretStore, kind: string, isRecord: (value: unknown) => value is R) {
    this.records = new FactorSecrets(secrets, kind, isRecord);
    this.onDidChange = this.records.onDidChange;
  }

  async has(orgId: string, userId: string, factorId: string): Promise<boolean> {
    return (await this.records.read({ orgId, userId, factorId })) !== undefined;
  }

  /** `otpauth://<type>/...` for a QR code a phone authenticator app can scan. */
  async otpauthUri(orgId: string, userId: string, factorId: string): Promise<string> {
    const record = await this.require({ orgId, userId, factorId });
    return buildOtpauthUri({
      ...this.otpauthKind(record),
      issuer: record.issuer,
      label: record.label,
      secretBase32: toBase32(decodeSharedSecret(record.secret, record.encoding)),
      digits: record.digits,
      algorithm: record.algorithm,
    });
  }

  /** The org's factors whose secret is kept here. */
  factorsWithSecrets(orgId: string): Promise<FactorRef[]> {
    return this.records.refs(orgId);
  }

  /** Call when the factor is unenrolled or its activation failed for good. */
  async forget(orgId: string, userId: string, factorId: string): Promise<void> {
    await this.records.delete({ orgId, userId, factorId });
  }

  /** Deletes every secret of this kind for an org (the registry also does this when an org is removed). */
  async forgetOrg(orgId: string): Promise<void> {
    await this.records.deleteOrg(orgId);
  }

  dispose(): void {
    this.records.dispose();
  }

  protected async require(factor: FactorRef): Promise<R> {
    const record = await this.records.read(factor);
    if (!record) throw this.missingSecretError();
    return record;
  }

  /** The URI type and its moving factor: period for TOTP, next counter for HOTP. */
  protected abstract otpauthKind(record: R): Pick<OtpauthUriInput, 'type' | 'period' | 'counter'>;

  protected abstract missingSecretError(): Error;
}
