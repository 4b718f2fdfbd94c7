// What the TOTP and HOTP authenticators share beyond the stored records: look-up and forget by
// factor ids, and an otpauth:// URI for phone apps.
import type { HashAlgorithm } from 'otplib';
import { OtpauthUriInput, buildOtpauthUri } from './otpauthUri';
import { SecretEncoding, decodeSharedSecret, toBase32 } from './sharedSecret';
import { StoredFactorSecrets } from './storedFactorSecrets';

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

export abstract class StoredOtpAuthenticator<R extends OtpSecretRecord> extends StoredFactorSecrets<R> {
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

  /** Call when the factor is unenrolled or its activation failed for good. */
  async forget(orgId: string, userId: string, factorId: string): Promise<void> {
    await this.records.delete({ orgId, userId, factorId });
  }

  /** The URI type and its moving factor: period for TOTP, next counter for HOTP. */
  protected abstract otpauthKind(record: R): Pick<OtpauthUriInput, 'type' | 'period' | 'counter'>;
}
