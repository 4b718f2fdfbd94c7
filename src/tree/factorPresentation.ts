// How a factor looks in the tree: codicon per type, colour per status, tooltip rows. Labels come
// from ../presentation/factorDescriptions so the tree and the prompts name factors alike.
// Free of `vscode` (ids only; the nodes wrap them in ThemeIcon/ThemeColor) for unit tests.
import type { FactorStatus, FactorType, SupportedFactor, UserFactor } from '../okta/models';
import { describeStatus, factorDetail } from '../presentation/factorDescriptions';
import { factorTypeLabel } from '../factors/names';
import { timeAgo } from '../presentation/relativeTime';
import { SECRET_FACTOR_KEYS } from '../presentation/secretFactorKeys';

const ICONS: Record<FactorType, string> = {
  sms: 'device-mobile',
  push: 'device-mobile',
  call: 'call-outgoing',
  email: 'mail',
  question: 'question',
  token: 'key',
  'token:hardware': 'key',
  'token:hotp': 'key',
  'token:software:totp': 'key',
  u2f: 'shield',
  webauthn: 'shield',
  web: 'globe',
  signed_nonce: 'verified',
};

export function factorIconId(factorType: FactorType | string): string {
  return ICONS[factorType as FactorType] ?? 'lock';
}

/** Theme colour id for a factor status: green when usable, yellow while pending, red when broken. */
export function factorStatusColorId(status: FactorStatus | string): string {
  switch (status) {
    case 'ACTIVE':
      return 'charts.green';
    case 'PENDING_ACTIVATION':
      return 'charts.yellow';
    case 'EXPIRED':
    case 'DISABLED':
      return 'charts.red';
    default:
      return 'disabledForeground';
  }
}

/** A factor row's label: the factor alone ("SMS", "Okta Verify push"), never the user's own login. */
export function factorRowLabel(factor: UserFactor): string {
  return factorTypeLabel(factor);
}

/** What tells two factors of one type apart, short enough to follow the status (a question's text is not). */
function rowDetail(factor: UserFactor): string | undefined {
  return factor.factorType === 'question' ? undefined : factorDetail(factor);
}

/**
 * Status first ("pending activation · +1-555-0100"): it is what the sidebar must not cut off. An
 * email factor on the user's own primary address (Identity Engine enrolls it by itself) says so.
 */
export function factorRowDescription(factor: UserFactor, hasTotpSecret: boolean, userEmail?: string): string {
  const primaryEmail = factor.factorType === 'email' && userEmail !== undefined
    && factor.profile?.email?.toLowerCase() === userEmail.toLowerCase();
  const detail = primaryEmail ? 'primary email' : rowDetail(factor);
  return [describeStatus(factor), detail, hasTotpSecret && 'code in VS Code'].filter(Boolean).join(' · ');
}

/** Rows for the factor tooltip: identity, lifecycle dates and the readable profile attributes. */
export function factorTooltipRows(factor: UserFactor): Array<[string, string]> {
  const rows: Array<[string, string | undefined]> = [
    ['Type', factor.factorType],
    ['Provider', String(factor.provider)],
    ['Vendor', factor.vendorName],
    ['Status', factor.status],
    ['ID', factor.id],
    ['Created', factor.created],
    ['Last updated', factor.lastUpdated],
    ['Last verified', factor.lastVerified && `${timeAgo(factor.lastVerified) ?? ''} (${factor.lastVerified})`],
  ];
  for (const [key, value] of Object.entries(factor.profile ?? {})) {
    if (SECRET_FACTOR_KEYS.has(key) || value === null || value === undefined || typeof value === 'object') continue;
    rows.push([`profile.${key}`, String(value)]);
  }
  return rows.filter((row): row is [string, string] => Boolean(row[1]));
}

/** A catalog entry counts as enrolled when the user has a factor of the same type and provider. */
export function isCatalogEntryEnrolled(entry: SupportedFactor, factors: UserFactor[]): boolean {
  const provider = String(entry.provider).toUpperCase();
  return factors.some((f) => f.factorType === entry.factorType && String(f.provider).toUpperCase() === provider);
}
