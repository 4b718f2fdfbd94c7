// `authenticatorName` "is set from the AAGUID metadata during enrollment" [SPEC]. The simulator knows
// the one AAGUID of Okta's own example (whose name there is "MacBook Touch ID"); what a real org
// names an unknown AAGUID is unverified.
const KNOWN = new Map([['adce000235bcc60a648b0b25f1f05503', 'MacBook Touch ID']]);

export const UNKNOWN_AUTHENTICATOR = 'Security Key or Biometric Authenticator';

export const authenticatorName = (aaguid: Buffer): string => KNOWN.get(aaguid.toString('hex')) ?? UNKNOWN_AUTHENTICATOR;
