// The HOTP counterpart of the built-in authenticator, for custom `token:hotp` factors the
// extension enrolls with a shared secret: keeps secret and counter, hands out the next code.
import { randomBytes } from 'node:crypto';
import { generate, type HashAlgorithm } from 'otplib';
import { Disposable } from '../orgs/emitter';
import { SecretStore } from '../orgs/secretStore';
import { FactorRef, FactorSecrets } from './factorSecrets';
import { buildOtpauthUri } from './otpauthUri';
import { otpDigits } from './otpParameters';
import {
  OKTA_SECRET_GUARDRAILS, SecretEncoding, decodeSharedSecret, parseSecretEncoding, toBase32,
} from './sharedSecret';

/** Secret key kind: `okta.hotp/<orgId>/<userId>/<factorId>` holds a HotpSecretRecord as JSON. */
export const HOTP_SECRET_KIND = 'okta.hotp';

export interface HotpSecretRecord {
  secret: string;
  encoding: SecretEncoding;
  digits: number;
  algorithm: HashAlgorithm;
  /** The counter of the next code to hand out. */
  counter: number;
  label: string;
  issuer: string;
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

export class HotpAuthenticator implements Disposable {
  private readonly records: FactorSecrets<HotpSecretRecord>;
  // Handing out a code and advancing the counter must not interleave within this window.
  private queue: Promise<unknown> = Promise.resolve();

  readonly onDidChange: FactorSecrets<HotpSecretRecord>['onDidChange'];

  constructor(secrets: SecretStore) {
    this.records = new FactorSecrets(secrets, HOTP_SECRET_KIND, isHotpSecretRecord);
    this.onDidChange = this.records.onDidChange;
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

  async has(orgId: string, userId: string, factorId: string): Promise<boolean> {
    return (await this.records.read({ orgId, userId, factorId })) !== undefined;
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

  /** `otpauth://hotp/...` starting at the next unused counter. */
  async otpauthUri(orgId: string, userId: string, factorId: string): Promise<string> {
    const record = await this.require({ orgId, userId, factorId });
    return buildOtpauthUri({
      type: 'hotp',
      issuer: record.issuer,
      label: record.label,
      secretBase32: toBase32(decodeSharedSecret(record.secret, record.encoding)),
      digits: record.digits,
      algorithm: record.algorithm,
      counter: record.counter,
    });
  }

  async forget(orgId: string, userId: string, factorId: string): Promise<void> {
    await this.records.delete({ orgId, userId, factorId });
  }

  async forgetOrg(orgId: string): Promise<void> {
    await this.records.deleteOrg(orgId);
  }

  dispose(): void {
    this.records.dispose();
  }

  private async require(factor: FactorRef): Promise<HotpSecretRecord> {
    const record = await this.records.read(factor);
    if (!record) throw new HotpSecretMissingError();
    return record;
  }
}

function isHotpSecretRecord(value: unknown): value is HotpSecretRecord {
  const r = value as Partial<HotpSecretRecord> | null;
  return !!r && typeof r.secret === 'string' && typeof r.encoding === 'string' && typeof r.algorithm === 'string'
    && Number.isSafeInteger(r.counter) && Number.isSafeInteger(r.digits);
}
