// How factors and users are described in prompts, confirmations and document titles (their names
// are in factors/names.ts). Kept free of `vscode` so it is unit-tested in plain Node.
import { factorTypeLabel } from '../factors/names';
import type { OktaUser, UserFactor } from '../okta/models';

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
