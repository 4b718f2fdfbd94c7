// The HOTP counterpart of the built-in authenticator, for custom `token:hotp` factors the
// extension enrolls with a shared secret: keeps secret and counter, hands out the next code.
import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { SecretStore } from '../orgs/secretStore';
import { otpDigits } from './otpParameters';
import {
  OKTA_SECRET_GUARDRAILS, SecretEncoding, decodeSharedSecret, parseSecretEncoding,
} from './sharedSecret';
import { OtpSecretRecord, StoredOtpAuthenticator } from './storedOtpAuthenticator';

/** Secret key kind: `okta.hotp/<orgId>/<userId>/<factorId>` holds a HotpSecretRecord as JSON. */
export const HOTP_SECRET_KIND = 'okta.hotp';

export interface HotpSecretRecord extends OtpSecretRecord {
  /** The counter of the next code to hand out. */
  counter: number;
}

export interface HotpEnrollment {
  /** `profile.sharedSecret` as sent to Okta: hex in Okta's example. */
  sharedSecret: string;
  encoding?: SecretEncoding;
  digits?: number;
  counter?: number;
}

export class HotpSecretMissingError extends Error {
  override readonly name = 'HotpSecretMissingError';
  constructor() {
    super('The built-in authenticator holds no secret for this HOTP factor: it was not enrolled through this extension, or was forgotten.');
  }
}

/** A fresh shared secret for enrolling a custom HOTP factor (20 random bytes, hex like Okta's example). */
export function newHotpSharedSecret(): string {
  return randomBytes(20).toString('hex');
}

export class HotpAuthenticator extends StoredOtpAuthenticator<HotpSecretRecord> {
  // Handing out a code and advancing the counter must not interleave within this window.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(secrets: SecretStore) {
    super(secrets, HOTP_SECRET_KIND, isHotpSecretRecord);
  }

  /** Keeps the secret of a just-enrolled factor; throws, storing nothing, when it is malformed. */
  async remember(orgId: string, userId: string, factorId: string, enrollment: HotpEnrollment, meta: { label: string; issuer: string }): Promise<void> {
    const encoding = parseSecretEncoding(enrollment.encoding ?? 'hex');
    decodeSharedSecret(enrollment.sharedSecret, encoding);
    const counter = enrollment.counter ?? 0;
    if (!Number.isSafeInteger(counter) || counter < 0) throw new Error('The HOTP counter must be a whole number from 0.');
    await this.records.write({ orgId, userId, factorId }, {
      secret: enrollment.sharedSecret,
      encoding,
      digits: otpDigits(enrollment.digits),
      algorithm: 'sha1',
      counter,
      label: meta.label,
      issuer: meta.issuer,
    });
  }

  /** The next code; the stored counter moves past it, so each call gives a new code. */
  nextCode(orgId: string, userId: string, factorId: string): Promise<{ code: string; counter: number }> {
    const work = async () => {
      const factor = { orgId, userId, factorId };
      const record = await this.require(factor);
      const code = await generate({
        strategy: 'hotp',
        secret: decodeSharedSecret(record.secret, record.encoding),
        algorithm: record.algorithm,
        digits: record.digits,
        counter: record.counter,
        guardrails: OKTA_SECRET_GUARDRAILS,
      });
      await this.records.write(factor, { ...record, counter: record.counter + 1 });
      return { code, counter: record.counter };
    };
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** The otpauth URI starts at the next unused counter. */
  protected otpauthKind(record: HotpSecretRecord) {
    return { type: 'hotp' as const, counter: record.counter };
  }

  protected missingSecretError(): Error {
    return new HotpSecretMissingError();
  }
}

function isHotpSecretRecord(value: unknown): value is HotpSecretRecord {
  const r = value as Partial<HotpSecretRecord> | null;
  return !!r && typeof r.secret === 'string' && typeof r.encoding === 'string' && typeof r.algorithm === 'string'
    && Number.isSafeInteger(r.counter) && Number.isSafeInteger(r.digits);
}
