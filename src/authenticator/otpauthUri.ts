// otpauth:// URIs for QR codes (Key Uri Format, as read by Google Authenticator and Okta Verify).
// Built by hand rather than with otplib's generateURI, which leaves a ":" inside the issuer
// unescaped in the label part and drops digits/period when they equal the defaults.
import type { HashAlgorithm } from 'otplib';

export interface OtpauthUriInput {
  type: 'totp' | 'hotp';
  issuer: string;
  /** The account, e.g. the user's login. */
  label: string;
  secretBase32: string;
  digits: number;
  algorithm: HashAlgorithm;
  /** totp only. */
  period?: number;
  /** hotp only. */
  counter?: number;
}

export function buildOtpauthUri(input: OtpauthUriInput): string {
  const issuer = input.issuer.trim();
  const params: [string, string][] = [
    ['secret', input.secretBase32],
    ...(issuer ? [['issuer', issuer] as [string, string]] : []),
    ['algorithm', input.algorithm.toUpperCase()],
    ['digits', String(input.digits)],
    input.type === 'totp' ? ['period', String(input.period ?? 30)] : ['counter', String(input.counter ?? 0)],
  ];
  const query = params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  const account = issuer
    ? `${encodeURIComponent(issuer)}:${encodeURIComponent(input.label)}`
    : encodeURIComponent(input.label);
  return `otpauth://${input.type}/${account}?${query}`;
}
