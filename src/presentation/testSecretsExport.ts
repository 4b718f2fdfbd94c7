// The file Export Test Secrets writes, as .env lines or JSON: each TOTP factor's secret from its
// otpauth URI (the built-in authenticator's own description of it), and each software passkey in the
// forms a browser test takes (Playwright's credentials API, the DevTools protocol's
// WebAuthn.addCredential). Free of `vscode` (unit-tested).
import type { DevtoolsCredential, PlaywrightCredential } from '../authenticator/passkey/credentialHandoff';

export type TotpExportFormat = 'env' | 'json';

export interface TotpExportEntry {
  login: string;
  userId: string;
  factorId: string;
  otpauthUri: string;
}

export interface PasskeyExportEntry {
  login: string;
  userId: string;
  factorId: string;
  playwright: PlaywrightCredential;
  devtools: DevtoolsCredential;
}

/** A user the export names, with or without a kept secret (a test signs in by login). */
export interface UserExportEntry {
  login: string;
  userId: string;
  status: string;
}

export interface TestSecrets {
  /** The org's URL, which the test's sign-in page is on. */
  org: string;
  users: readonly UserExportEntry[];
  totp: readonly TotpExportEntry[];
  passkeys: readonly PasskeyExportEntry[];
}

/** The format a chosen file name asks for: `.json`, or `.env` (also a bare `.env`); else undefined. */
export function exportFormatOf(path: string): TotpExportFormat | undefined {
  const name = path.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.env')) return 'env';
  return undefined;
}

type EnvKind = 'USER' | 'TOTP' | 'PASSKEY';

/** `OKTA_TOTP_ALICE_EXAMPLE_COM`: the login in the characters an env name allows. */
function envName(kind: EnvKind, login: string): string {
  return `OKTA_${kind}_${login.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`;
}

/** One env name per factor: a second factor of the user, or two logins that read alike, get the factor id. */
function uniqueNames(): (kind: EnvKind, entry: { login: string; factorId?: string; userId: string }) => string {
  const used = new Set<string>();
  return (kind, entry) => {
    let name = envName(kind, entry.login);
    if (used.has(name)) name = `${name}_${(entry.factorId ?? entry.userId).toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
    used.add(name);
    return name;
  };
}

function parameters(uri: string): { secret: string; digits: number; period: number; algorithm: string; issuer: string } {
  const params = new URL(uri).searchParams;
  return {
    secret: params.get('secret') ?? '',
    digits: Number(params.get('digits') ?? 6),
    period: Number(params.get('period') ?? 30),
    algorithm: params.get('algorithm') ?? 'SHA1',
    issuer: params.get('issuer') ?? '',
  };
}

export function formatTestSecrets(format: TotpExportFormat, orgLabel: string, secrets: TestSecrets, exportedAt: Date): string {
  if (format === 'json') {
    const factors = secrets.totp.map((e) => ({ login: e.login, userId: e.userId, factorId: e.factorId, ...parameters(e.otpauthUri), otpauthUri: e.otpauthUri }));
    const document = { org: orgLabel, orgUrl: secrets.org, exportedAt: exportedAt.toISOString(), users: secrets.users, factors, passkeys: secrets.passkeys };
    return `${JSON.stringify(document, null, 2)}\n`;
  }
  const nameOf = uniqueNames();
  const lines = [
    `# Secrets of Okta test users (${orgLabel}), exported ${exportedAt.toISOString()}.`,
    '# Anyone who reads this file can generate their codes or sign in with their passkeys: keep it out of version control.',
    `OKTA_ORG_URL=${secrets.org}`,
  ];
  for (const entry of secrets.users) lines.push(`${nameOf('USER', entry)}=${entry.login}`);
  for (const entry of secrets.totp) {
    const name = nameOf('TOTP', entry);
    lines.push(`${name}=${parameters(entry.otpauthUri).secret}`, `${name}_URI="${entry.otpauthUri}"`);
  }
  // JSON in single quotes: the credentials hold base64 text and names only, never a quote.
  for (const entry of secrets.passkeys) {
    const name = nameOf('PASSKEY', entry);
    lines.push(`${name}_PLAYWRIGHT='${JSON.stringify(entry.playwright)}'`, `${name}_DEVTOOLS='${JSON.stringify(entry.devtools)}'`);
  }
  return `${lines.join('\n')}\n`;
}
