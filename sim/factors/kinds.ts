// The factor types and providers this simulated org has enabled, with Okta-like id prefixes.

export interface FactorKind {
  factorType: string;
  provider: string;
  vendorName: string;
  idPrefix: string;
  /** Can be enrolled through POST /factors (signed_nonce cannot). */
  enrollable: boolean;
}

/**
 * In the org's order, which is also the order of the catalog and of a user's factor list: the
 * contract's catalog example lists question, Okta Verify TOTP, Google TOTP, sms, call, RSA,
 * Symantec, and its factor-list example (question, TOTP, sms: not in creation order) and Okta's SDK
 * tests (call enrolled before question, listed after it) agree. Email and push, which no example
 * places, follow call; the hardware and FIDO kinds come last.
 */
export const FACTOR_KINDS: readonly FactorKind[] = [
  { factorType: 'question', provider: 'OKTA', vendorName: 'OKTA', idPrefix: 'ufs', enrollable: true },
  { factorType: 'token:software:totp', provider: 'OKTA', vendorName: 'OKTA', idPrefix: 'ostf', enrollable: true },
  { factorType: 'token:software:totp', provider: 'GOOGLE', vendorName: 'GOOGLE', idPrefix: 'uft', enrollable: true },
  { factorType: 'sms', provider: 'OKTA', vendorName: 'OKTA', idPrefix: 'mbl', enrollable: true },
  { factorType: 'call', provider: 'OKTA', vendorName: 'OKTA', idPrefix: 'clf', enrollable: true },
  { factorType: 'email', provider: 'OKTA', vendorName: 'OKTA', idPrefix: 'emf', enrollable: true },
  { factorType: 'push', provider: 'OKTA', vendorName: 'OKTA', idPrefix: 'opf', enrollable: true },
  { factorType: 'token', provider: 'RSA', vendorName: 'RSA', idPrefix: 'rsa', enrollable: true },
  { factorType: 'token', provider: 'SYMANTEC', vendorName: 'SYMANTEC', idPrefix: 'ufv', enrollable: true },
  { factorType: 'token:hardware', provider: 'YUBICO', vendorName: 'YUBICO', idPrefix: 'ykf', enrollable: true },
  { factorType: 'token:hotp', provider: 'CUSTOM', vendorName: 'CUSTOM', idPrefix: 'chf', enrollable: true },
  { factorType: 'u2f', provider: 'FIDO', vendorName: 'FIDO', idPrefix: 'fuf', enrollable: true },
  { factorType: 'webauthn', provider: 'FIDO', vendorName: 'FIDO', idPrefix: 'fwf', enrollable: true },
  { factorType: 'signed_nonce', provider: 'OKTA', vendorName: 'OKTA', idPrefix: 'crp', enrollable: false },
];

/** The provider enum of the official contract; anything else is "Invalid Provider.". */
export const KNOWN_PROVIDERS = new Set(['CUSTOM', 'DUO', 'FIDO', 'GOOGLE', 'OKTA', 'RSA', 'SYMANTEC', 'YUBICO']);

export function findKind(factorType: string, provider: string): FactorKind | undefined {
  return FACTOR_KINDS.find((k) => k.factorType === factorType && k.provider === provider);
}

/** Position of a factor's kind in the org's order (see FACTOR_KINDS). */
export function kindRank(factor: { factorType: string; provider: string }): number {
  return FACTOR_KINDS.findIndex((k) => k.factorType === factor.factorType && k.provider === factor.provider);
}

/** Types that honour `?activate=true`. */
export const AUTO_ACTIVATABLE = new Set(['sms', 'call', 'email', 'token:hotp']);
