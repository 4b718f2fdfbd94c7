// Where a user lives in the Okta Admin Console. Free of `vscode` for unit tests.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackOrg(orgUrl: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(orgUrl).hostname);
}

/**
 * `https://acme.okta.com` -> `https://acme-admin.okta.com/admin/user/profile/view/<userId>`.
 * Undefined for loopback orgs (the demo org and local simulators have no admin console).
 */
export function adminConsoleUserUrl(orgUrl: string, userId: string): string | undefined {
  if (isLoopbackOrg(orgUrl)) return undefined;
  const url = new URL(orgUrl);
  const [subdomain, ...rest] = url.hostname.split('.');
  const adminHost = subdomain.endsWith('-admin') ? url.hostname : [`${subdomain}-admin`, ...rest].join('.');
  return `https://${adminHost}/admin/user/profile/view/${encodeURIComponent(userId)}`;
}
