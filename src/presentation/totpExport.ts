// The file Export TOTP Secrets writes, as .env lines or JSON, from each factor's otpauth URI (the
// built-in authenticator's own description of the secret). Free of `vscode` (unit-tested).

export type TotpExportFormat = 'env' | 'json';

export interface TotpExportEntry {
  login: string;
  userId: string;
  factorId: string;
  otpauthUri: string;
}

/** The format a chosen file name asks for: `.json`, or `.env` (also a bare `.env`); else undefined. */
export function exportFormatOf(path: string): TotpExportFormat | undefined {
  const name = path.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.env')) return 'env';
  return undefined;
}

/** `OKTA_TOTP_ALICE_EXAMPLE_COM`: the login in the characters an env name allows. */
function envName(login: string): string {
  return `OKTA_TOTP_${login.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`;
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

export function formatTotpExport(format: TotpExportFormat, orgLabel: string, entries: readonly TotpExportEntry[], exportedAt: Date): string {
  if (format === 'json') {
    const factors = entries.map((e) => ({ login: e.login, userId: e.userId, factorId: e.factorId, ...parameters(e.otpauthUri), otpauthUri: e.otpauthUri }));
    return `${JSON.stringify({ org: orgLabel, exportedAt: exportedAt.toISOString(), factors }, null, 2)}\n`;
  }
  const used = new Set<string>();
  const lines = [
    `# TOTP secrets of Okta test users (${orgLabel}), exported ${exportedAt.toISOString()}.`,
    '# Anyone who reads this file can generate their codes: keep it out of version control.',
  ];
  for (const entry of entries) {
    let name = envName(entry.login);
    // A second factor of the user, or two logins that read alike: the factor id tells them apart.
    if (used.has(name)) name = `${name}_${entry.factorId.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
    used.add(name);
    lines.push(`${name}=${parameters(entry.otpauthUri).secret}`, `${name}_URI="${entry.otpauthUri}"`);
  }
  return `${lines.join('\n')}\n`;
}
