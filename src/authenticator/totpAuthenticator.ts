// The built-in authenticator for test users: keeps the shared secret of TOTP factors enrolled
// through the extension in SecretStorage and generates their codes (RFC 6238, via otplib). Okta
// Verify / Google TOTP come with `_embedded.activation`; Custom TOTP (`token:hotp`) secrets are kept
// with their factor profile's algorithm, digits, step and encoding in the same record kind.
import type { HashAlgorithm } from 'otplib';
import { totpCode } from './otpGenerator';
import type { TotpActivation } from '../okta/models';
import { SecretStore } from '../orgs/secretStore';
import { CustomTotpSettings, customTotpParameters } from './customTotpProfile';
import { FactorRef } from './factorSecrets';
import { otpDigits, positiveInteger } from './otpParameters';
import { decodeSharedSecret, parseSecretEncoding } from './sharedSecret';
import { OtpSecretRecord, StoredOtpAuthenticator } from './storedOtpAuthenticator';

/** Secret key kind: `okta.totp/<orgId>/<userId>/<factorId>` holds a TotpSecretRecord as JSON. */
export const TOTP_SECRET_KIND = 'okta.totp';

/** What is kept per factor. */
export interface TotpSecretRecord extends OtpSecretRecord {
  timeStep: number;
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

export class TotpAuthenticator extends StoredOtpAuthenticator<TotpSecretRecord> {
  constructor(secrets: SecretStore) {
    super(secrets, TOTP_SECRET_KIND, isTotpSecretRecord);
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

  /**
   * Keeps the secret of a just-enrolled Custom TOTP factor: `sharedSecret` exactly as sent to Okta
   * (in the profile's encoding) and the profile's settings. Throws, storing nothing, when the
   * settings are unsupported or the secret is not valid in the profile's encoding.
   */
  async rememberCustomTotp(
    orgId: string,
    userId: string,
    factorId: string,
    enrollment: { sharedSecret: string; settings: CustomTotpSettings },
    meta: { label: string; issuer: string },
  ): Promise<void> {
    const { digits, algorithm, timeStep, encoding } = customTotpParameters(enrollment.settings);
    decodeSharedSecret(enrollment.sharedSecret, encoding);
    await this.records.write({ orgId, userId, factorId }, {
      secret: enrollment.sharedSecret, timeStep, digits, encoding, algorithm, label: meta.label, issuer: meta.issuer,
    });
  }

  /** The code for `atMs` (default now) and how long it stays current. */
  async currentCode(orgId: string, userId: string, factorId: string, atMs: number = Date.now()): Promise<TotpCode> {
    const record = await this.require({ orgId, userId, factorId });
    const epoch = Math.floor(atMs / 1000);
    const code = await totpCode({
      secret: decodeSharedSecret(record.secret, record.encoding),
      algorithm: record.algorithm,
      digits: record.digits,
      period: record.timeStep,
      epoch,
    });
    return { code, secondsRemaining: record.timeStep - (epoch % record.timeStep), timeStep: record.timeStep };
  }

  protected otpauthKind(record: TotpSecretRecord) {
    return { type: 'totp' as const, period: record.timeStep };
  }

  protected missingSecretError(): Error {
    return new TotpSecretMissingError();
  }
}

function isTotpSecretRecord(value: unknown): value is TotpSecretRecord {
  const r = value as Partial<TotpSecretRecord> | null;
  return !!r && typeof r.secret === 'string' && positiveInteger(r.timeStep) !== undefined
    && positiveInteger(r.digits) !== undefined && typeof r.encoding === 'string' && typeof r.algorithm === 'string';
}
