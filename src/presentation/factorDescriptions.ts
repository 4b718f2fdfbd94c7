// User-facing names for factors and users, used in prompts, confirmations and document titles.
// Kept free of `vscode` so it is unit-tested in plain Node.
import type { OktaUser, UserFactor } from '../okta/models';

const TYPE_LABELS: Record<string, string> = {
  call: 'Voice call',
  email: 'Email',
  push: 'Okta Verify push',
  question: 'Security question',
  signed_nonce: 'Okta FastPass',
  sms: 'SMS',
  token: 'Hardware token',
  'token:hardware': 'YubiKey',
  'token:hotp': 'Custom HOTP',
  'token:software:totp': 'TOTP',
  u2f: 'U2F key',
  web: 'Duo',
  webauthn: 'WebAuthn',
};

const TOTP_PROVIDER_LABELS: Record<string, string> = { OKTA: 'Okta Verify TOTP', GOOGLE: 'Google Authenticator' };
const TOKEN_PROVIDER_LABELS: Record<string, string> = { RSA: 'RSA SecurID', SYMANTEC: 'Symantec VIP' };

/** "SMS", "Google Authenticator", "RSA SecurID"... */
export function factorTypeLabel(factor: Pick<UserFactor, 'factorType' | 'provider'>): string {
  const provider = String(factor.provider ?? '').toUpperCase();
  if (factor.factorType === 'token:software:totp') return TOTP_PROVIDER_LABELS[provider] ?? TYPE_LABELS[factor.factorType];
  if (factor.factorType === 'token') return TOKEN_PROVIDER_LABELS[provider] ?? TYPE_LABELS.token;
  return TYPE_LABELS[factor.factorType] ?? factor.factorType;
}

/** The profile detail that tells two factors of one type apart (phone, email, device, question). */
export function factorDetail(factor: UserFactor): string | undefined {
  switch (factor.factorType) {
    case 'sms':
    case 'call':
      return factor.profile?.phoneNumber;
    case 'email':
      return factor.profile?.email;
    case 'question':
      return factor.profile?.questionText ?? factor.profile?.question;
    case 'push':
      return factor.profile?.name;
    default:
      // TOTP, token and FastPass credential ids are the user's own login or a long device id.
      return undefined;
  }
}

/** "SMS +1-555-415-1337", "Security question (What is your favorite piece of art?)". */
export function describeFactor(factor: UserFactor): string {
  const label = factorTypeLabel(factor);
  const detail = factorDetail(factor);
  if (!detail) return label;
  return factor.factorType === 'question' || factor.factorType === 'push' ? `${label} (${detail})` : `${label} ${detail}`;
}

/** The login, which is what testers search by; the display name is only extra. */
export function describeUser(user: OktaUser): string {
  return user.profile.login;
}

/** Status in words: "pending activation", "active". */
export function describeStatus(factor: UserFactor): string {
  return factor.status.toLowerCase().replace(/_/g, ' ');
}
