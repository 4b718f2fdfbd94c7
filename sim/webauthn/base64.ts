// Okta takes `attestation` and `clientData` in either base64 alphabet, but `authenticatorData` and
// `signatureData` only in standard base64 ([LEDGER]: URL-safe ones get a 400). Padding is optional in
// both, as Java's decoders allow.
const STANDARD = /^[A-Za-z0-9+/]*={0,2}$/;
const EITHER = /^[A-Za-z0-9+/_-]*={0,2}$/;

function decode(text: string, alphabet: RegExp): Buffer | undefined {
  if (!alphabet.test(text) || text.replace(/=+$/, '').length % 4 === 1) return undefined;
  return Buffer.from(text, 'base64');
}

export const decodeStandardBase64 = (text: string): Buffer | undefined => decode(text, STANDARD);
export const decodeEitherBase64 = (text: string): Buffer | undefined => decode(text, EITHER);
