// How the System Log names a factor: Okta's internal factor names, in `outcome.reason` ("User set up
// SMS_FACTOR factor", "User reset FIDO_WEBAUTHN factor") and on some events in
// `debugContext.debugData.factor`. Recorded names: EMAIL_FACTOR, FIDO_WEBAUTHN, OKTA_VERIFY_PUSH,
// SIGNED_NONCE; from the event-type catalogue's factor list: OKTA_SOFT_TOKEN, SECURITY_QUESTION,
// SMS_FACTOR, CALL_FACTOR, SECURID_FACTOR, YUBIKEY_OTP_FACTOR. GOOGLE_OTP, SYMANTEC_VIP_FACTOR,
// CUSTOM_HOTP and FIDO_U2F are guesses (the simulator uses the same ones); any other name is shown
// in plain words. Free of `vscode`.
import { factorTypeLabel } from '../factors/names';
import type { UserFactor } from '../okta/models';

type FactorKind = Pick<UserFactor, 'factorType' | 'provider'>;

const BY_LOG_NAME: Record<string, FactorKind> = {
  SMS_FACTOR: { factorType: 'sms', provider: 'OKTA' },
  CALL_FACTOR: { factorType: 'call', provider: 'OKTA' },
  EMAIL_FACTOR: { factorType: 'email', provider: 'OKTA' },
  OKTA_VERIFY_PUSH: { factorType: 'push', provider: 'OKTA' },
  OKTA_SOFT_TOKEN: { factorType: 'token:software:totp', provider: 'OKTA' },
  GOOGLE_OTP: { factorType: 'token:software:totp', provider: 'GOOGLE' },
  SECURITY_QUESTION: { factorType: 'question', provider: 'OKTA' },
  FIDO_WEBAUTHN: { factorType: 'webauthn', provider: 'FIDO' },
  FIDO_U2F: { factorType: 'u2f', provider: 'FIDO' },
  SIGNED_NONCE: { factorType: 'signed_nonce', provider: 'OKTA' },
  SECURID_FACTOR: { factorType: 'token', provider: 'RSA' },
  SYMANTEC_VIP_FACTOR: { factorType: 'token', provider: 'SYMANTEC' },
  YUBIKEY_OTP_FACTOR: { factorType: 'token:hardware', provider: 'YUBICO' },
  CUSTOM_HOTP: { factorType: 'token:hotp', provider: 'CUSTOM' },
};

/** A name as the log writes them: capitals, digits and underscores. */
const LOG_NAME = /^[A-Z][A-Z0-9_]{1,60}$/;

/** "User set up SMS_FACTOR factor", "User reset FIDO_WEBAUTHN factor": the sentence names the factor and nothing else. */
const FACTOR_SENTENCE = /^User [a-z][a-z ]{1,30} ([A-Z][A-Z0-9_]{1,60}) factor$/;

export function isLogFactorName(value: unknown): value is string {
  return typeof value === 'string' && LOG_NAME.test(value);
}

/** The factor a reason sentence names ("User set up SMS_FACTOR factor" -> SMS_FACTOR); undefined for any other reason. */
export function factorNameInReason(reason: string): string | undefined {
  return FACTOR_SENTENCE.exec(reason)?.[1];
}

/** "SMS", "Google Authenticator", "RSA SecurID"; an unknown name in words ("DUO_FACTOR" -> "Duo"). */
export function factorLabelOfLogName(name: string): string {
  if (Object.hasOwn(BY_LOG_NAME, name)) return factorTypeLabel(BY_LOG_NAME[name]);
  const words = name.replace(/_FACTOR$/, '').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
