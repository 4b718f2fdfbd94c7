// The names of things that every layer above the client uses, the factors layer included (the
// matrix's columns and rows, a bulk step's message): a factor type, a user, a count. Free of `vscode`.
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
  webauthn: 'Passkey',
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

/** "Ann Lee", or the login when the profile has no name. */
export function userDisplayName(user: OktaUser): string {
  const name = [user.profile.firstName, user.profile.lastName].filter(Boolean).join(' ');
  return name || user.profile.login;
}

/** "1 factor", "3 users". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
