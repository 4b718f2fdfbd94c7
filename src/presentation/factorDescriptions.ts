// User-facing names for factors and users, used in prompts, confirmations and document titles.
// Kept free of `vscode` so it is unit-tested in plain Node.
import { linkAllows } from '../okta/links';
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
function factorDetail(factor: UserFactor): string | undefined {
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
    default: {
      const credentialId = (factor.profile as { credentialId?: unknown } | undefined)?.credentialId;
      return typeof credentialId === 'string' ? credentialId : undefined;
    }
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

/** Factor types the activate operation accepts a passcode for. */
const PASSCODE_ACTIVATION_TYPES = new Set(['sms', 'call', 'email', 'token:software:totp']);
const RESENDABLE_TYPES = new Set(['sms', 'call', 'email']);

export function isPendingActivation(factor: UserFactor): boolean {
  return factor.status === 'PENDING_ACTIVATION';
}

export function activatesWithPasscode(factor: UserFactor): boolean {
  return PASSCODE_ACTIVATION_TYPES.has(factor.factorType);
}

/** Pending factors this extension can activate: passcode types and push. */
export function canActivate(factor: UserFactor): boolean {
  return isPendingActivation(factor) && (activatesWithPasscode(factor) || factor.factorType === 'push');
}

/** Resend exists only for pending sms/call/email enrollments. */
export function canResend(factor: UserFactor): boolean {
  return isPendingActivation(factor) && RESENDABLE_TYPES.has(factor.factorType);
}

/** The self link's hints say whether the server lets this factor be deleted right now. */
export function isDeletable(factor: UserFactor): boolean {
  return linkAllows(factor._links, 'self', 'DELETE');
}

/** Only sms and call factors double as a recovery phone. */
export function hasRecoveryPhone(factor: UserFactor): boolean {
  return factor.factorType === 'sms' || factor.factorType === 'call';
}
