// How events name a factor: Okta's internal factor name in `outcome.reason` ("User set up
// EMAIL_FACTOR factor") and `debugData.factor`, and the authenticator's name on an Identity Engine
// `AuthenticatorEnrollment` target. Recorded names: EMAIL_FACTOR (stix-shifter's recorded event),
// OKTA_VERIFY_PUSH, FIDO_WEBAUTHN, SIGNED_NONCE (Panther's Okta rules); OKTA_SOFT_TOKEN,
// SECURITY_QUESTION, SMS_FACTOR, CALL_FACTOR, SECURID_FACTOR, YUBIKEY_OTP_FACTOR (the event-type
// catalogue's factor enum). GOOGLE_OTP, SYMANTEC_VIP_FACTOR, CUSTOM_HOTP and FIDO_U2F are guesses,
// as are the authenticator names (sim/README.md).
import type { SimFactor } from '../model';

interface FactorNames {
  log: string;
  authenticator: string;
}

const NAMES: Record<string, FactorNames> = {
  'question/OKTA': { log: 'SECURITY_QUESTION', authenticator: 'Security Question' },
  'token:software:totp/OKTA': { log: 'OKTA_SOFT_TOKEN', authenticator: 'Okta Verify' },
  'token:software:totp/GOOGLE': { log: 'GOOGLE_OTP', authenticator: 'Google Authenticator' },
  'sms/OKTA': { log: 'SMS_FACTOR', authenticator: 'Phone' },
  'call/OKTA': { log: 'CALL_FACTOR', authenticator: 'Phone' },
  'email/OKTA': { log: 'EMAIL_FACTOR', authenticator: 'Email' },
  'push/OKTA': { log: 'OKTA_VERIFY_PUSH', authenticator: 'Okta Verify' },
  'signed_nonce/OKTA': { log: 'SIGNED_NONCE', authenticator: 'Okta Verify' },
  'token/RSA': { log: 'SECURID_FACTOR', authenticator: 'RSA SecurID' },
  'token/SYMANTEC': { log: 'SYMANTEC_VIP_FACTOR', authenticator: 'Symantec VIP' },
  'token:hardware/YUBICO': { log: 'YUBIKEY_OTP_FACTOR', authenticator: 'YubiKey' },
  'token:hotp/CUSTOM': { log: 'CUSTOM_HOTP', authenticator: 'Custom TOTP' },
  'u2f/FIDO': { log: 'FIDO_U2F', authenticator: 'Security Key (U2F)' },
  'webauthn/FIDO': { log: 'FIDO_WEBAUTHN', authenticator: 'Passkey (FIDO2 WebAuthn)' },
};

function namesOf(factor: Pick<SimFactor, 'factorType' | 'provider'>): FactorNames {
  return NAMES[`${factor.factorType}/${factor.provider}`] ?? { log: factor.factorType.toUpperCase(), authenticator: factor.factorType };
}

/** `SMS_FACTOR`, `OKTA_VERIFY_PUSH`... */
export const factorLogName = (factor: Pick<SimFactor, 'factorType' | 'provider'>): string => namesOf(factor).log;

/** The authenticator an enrollment belongs to, as Identity Engine names it ("Phone", "Okta Verify"...). */
export function authenticatorName(factor: SimFactor): string {
  if (factor.factorType === 'token:hotp') return factor.vendorName;
  return namesOf(factor).authenticator;
}
