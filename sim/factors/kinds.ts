// The factor types and providers this simulated org has enabled, with Okta-like id prefixes.

export interface FactorKind {
  factorType: string;
  provider: string;
  vendorName: string;
  idPrefix: string;
  /** Can be enrolled through POST /factors (signed_nonce cannot). */
  enrollable: boolean;
}

export const FACTOR_KINDS: readonly FactorKind[] = [
  { factorType: 'question', provider: 'OKTA', vendorName: 'OKTA', idPrefix: 'ufs', enrollable: true },
  { factorType: 'sms', provider: 'OKTA', vendorName: 'OKTA', idPrefix: 'mbl', enrollable: true },
  { factorType: 'call', provider: 'OKTA', vendorName: 'OKTA', idPrefix: 'clf', enrollable: true },
  { factorType: 'email', provider: 'OKTA', vendorName: 'OKTA', idPrefix: 'emf', enrollable: true },
  { factorType: 'push', provider: 'OKTA', vendorName: 'OKTA', idPrefix: 'opf', enrollable: true },
  { factorType: 'token:software:totp', provider: 'OKTA', vendorName: 'OKTA', idPrefix: 'ostf', enrollable: true },
  { factorType: 'token:software:totp', provider: 'GOOGLE', vendorName: 'GOOGLE', idPrefix: 'uft', enrollable: true },
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

/** Custom HOTP factor profiles configured in the org (id -> vendor name shown on the factor). */
export const CUSTOM_HOTP_PROFILES: Readonly<Record<string, string>> = {
  fpr20l2mDyaUGWGCa0g4: 'Entrust Datacard',
};

export function findKind(factorType: string, provider: string): FactorKind | undefined {
  return FACTOR_KINDS.find((k) => k.factorType === factorType && k.provider === provider);
}

/** Types that honour `?activate=true`. */
export const AUTO_ACTIVATABLE = new Set(['sms', 'call', 'email', 'token:hotp']);
