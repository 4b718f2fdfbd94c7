// Where a user lives in the Okta Admin Console. Free of `vscode` for unit tests.
import { isLoopbackHost } from '../okta/orgUrl';

/**
 * `https://acme.okta.com` -> `https://acme-admin.okta.com/admin/user/profile/view/<userId>`.
 * Undefined for loopback orgs (the demo org and local simulators have no admin console).
 */
export function adminConsoleUserUrl(orgUrl: string, userId: string): string | undefined {
  const url = new URL(orgUrl);
  if (isLoopbackHost(url.hostname)) return undefined;
  const [subdomain, ...rest] = url.hostname.split('.');
  const adminHost = subdomain.endsWith('-admin') ? url.hostname : [`${subdomain}-admin`, ...rest].join('.');
  return `https://${adminHost}/admin/user/profile/view/${encodeURIComponent(userId)}`;
}
