// Which inputs and options the enroll form shows for each factor type. Shared by the webview script
// (to show/hide inputs) and the host (to map and validate what comes back), so both agree.
// No `vscode` and no DOM here.

export type EnrollField =
  | 'question' | 'answer' | 'phoneNumber' | 'phoneExtension' | 'email' | 'credentialId' | 'passCode'
  | 'nextPassCode' | 'factorProfileId' | 'sharedSecret';

export type EnrollOption = 'activate' | 'updatePhone' | 'templateId' | 'tokenLifetimeSeconds' | 'acceptLanguage';

export interface EnrollLayout {
  fields: EnrollField[];
  options: EnrollOption[];
  /** Set when VS Code cannot enroll this type; the form explains instead of submitting. */
  unsupportedReason?: string;
  /** Shown beside the form: what enrolling this type from VS Code does. */
  note?: string;
}

const BROWSER_CEREMONY =
  'needs a browser ceremony: the authenticator signs a challenge through the browser (navigator.credentials), ' +
  'which an API token cannot do. Enroll it by signing in as the user in a browser (Okta End-User Dashboard > Settings).';

/** `factorType/provider`, the key of a catalog entry in the form. */
export function catalogKey(entry: { factorType: string; provider: string }): string {
  return `${entry.factorType}/${String(entry.provider).toUpperCase()}`;
}

export function enrollLayout(factorType: string, provider: string): EnrollLayout {
  switch (factorType) {
    case 'question':
      return { fields: ['question', 'answer'], options: [] };
    case 'sms':
      return { fields: ['phoneNumber'], options: ['activate', 'updatePhone', 'templateId', 'tokenLifetimeSeconds', 'acceptLanguage'] };
    case 'call':
      return { fields: ['phoneNumber', 'phoneExtension'], options: ['activate', 'updatePhone', 'tokenLifetimeSeconds', 'acceptLanguage'] };
    case 'email':
      return { fields: ['email'], options: ['activate', 'tokenLifetimeSeconds', 'acceptLanguage'] };
    case 'token:software:totp':
    case 'push':
      return { fields: [], options: [] };
    case 'token':
      return String(provider).toUpperCase() === 'SYMANTEC'
        ? { fields: ['credentialId', 'passCode', 'nextPassCode'], options: [] }
        : { fields: ['credentialId', 'passCode'], options: [] };
    case 'token:hardware':
      return { fields: ['passCode'], options: [] };
    case 'token:hotp':
      return { fields: ['factorProfileId', 'sharedSecret'], options: ['activate'] };
    case 'webauthn':
      return {
        fields: [], options: [],
        note: 'A software passkey for test users: VS Code makes it, keeps it in its secret storage and activates the factor with it, '
          + 'so tests can verify it here or sign in with it in a browser (Copy Playwright Credential). A hardware key or a platform '
          + 'passkey is enrolled in a browser (Okta End-User Dashboard > Settings).',
      };
    case 'u2f':
      return { fields: [], options: [], unsupportedReason: `U2F ${BROWSER_CEREMONY}` };
    default:
      return { fields: [], options: [], unsupportedReason: `Factor type "${factorType}" cannot be enrolled through the Factors API.` };
  }
}
