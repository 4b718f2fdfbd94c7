// Secrets kept by the earlier built-in authenticator, which treated Custom TOTP (`token:hotp`) as
// counter-based HOTP (records `okta.hotp/<orgId>/<userId>/<factorId>`). Okta always computed those
// factors' codes by time under their profile, so the secret itself is still the one Okta holds: it
// moves to a TOTP record under the factor's profile when the profile is known and the secret is
// valid in its encoding (Okta decoded it by that encoding), and is dropped otherwise.
import { SecretStore } from '../orgs/secretStore';
import { CustomTotpSettings } from './customTotpProfile';
import { FactorRef, FactorSecrets } from './factorSecrets';
import { TotpAuthenticator } from './totpAuthenticator';

/** Secret key kind of the earlier counter-based records: `okta.hotp/<orgId>/<userId>/<factorId>`. */
export const HOTP_SECRET_KIND = 'okta.hotp';

interface LegacyRecord {
  secret: string;
  label?: string;
  issuer?: string;
}

export interface DroppedLegacySecret {
  factor: FactorRef;
  /** The account the secret was for (the user's login), when the record named it. */
  label?: string;
  reason: string;
}

export interface LegacyHotpMigration {
  migrated: FactorRef[];
  dropped: DroppedLegacySecret[];
}

const isLegacyRecord = (value: unknown): value is LegacyRecord =>
  !!value && typeof value === 'object' && typeof (value as LegacyRecord).secret === 'string';

/**
 * Moves every legacy record of an org into `totp`. `profileOf` gives the factor's profile settings
 * (from its `factorProfileId` and GET /api/v1/org/factors/hotp/profiles), or undefined when the
 * factor or its profile is gone. Every legacy record of the org is deleted, migrated or not.
 */
export async function migrateLegacyHotpSecrets(
  secrets: SecretStore,
  totp: TotpAuthenticator,
  orgId: string,
  profileOf: (factor: FactorRef) => Promise<CustomTotpSettings | undefined>,
): Promise<LegacyHotpMigration> {
  const legacy = new FactorSecrets(secrets, HOTP_SECRET_KIND, isLegacyRecord);
  const outcome: LegacyHotpMigration = { migrated: [], dropped: [] };
  try {
    for (const factor of await legacy.refs(orgId)) {
      const record = await legacy.read(factor);
      const reason = record ? await adopt(totp, factor, record, profileOf) : 'the stored record was unreadable';
      if (reason) outcome.dropped.push({ factor, label: record?.label, reason });
      else outcome.migrated.push(factor);
      await legacy.delete(factor);
    }
  } finally {
    legacy.dispose();
  }
  return outcome;
}

/** Undefined when the record now lives under the profile, else why it could not. */
async function adopt(
  totp: TotpAuthenticator,
  factor: FactorRef,
  record: LegacyRecord,
  profileOf: (factor: FactorRef) => Promise<CustomTotpSettings | undefined>,
): Promise<string | undefined> {
  const settings = await profileOf(factor);
  if (!settings) return 'the factor or its factor profile no longer exists';
  try {
    await totp.rememberCustomTotp(factor.orgId, factor.userId, factor.factorId, { sharedSecret: record.secret, settings },
      { label: record.label ?? '', issuer: record.issuer ?? '' });
    return undefined;
  } catch (error) {
    // The message never carries the secret (see sharedSecret.ts).
    return error instanceof Error ? error.message : String(error);
  }
}

/** A notification text for the dropped secrets (no secrets in it), or undefined when none was. */
export function droppedLegacySecretsMessage(dropped: readonly DroppedLegacySecret[]): string | undefined {
  if (dropped.length === 0) return undefined;
  const which = dropped.map((d) => `${d.label || d.factor.userId} (factor ${d.factor.factorId}): ${d.reason}`).join('; ');
  return `The built-in authenticator dropped ${dropped.length} Custom TOTP secret${dropped.length === 1 ? '' : 's'} kept by an earlier ` +
    `version, which computed counter-based codes that Okta refuses: ${which}. Unenroll and enroll those factors again to get codes here.`;
}
