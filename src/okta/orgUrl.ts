// Turns what a user pastes as "org URL" into the origin the API lives on.
import { domainToUnicode } from 'node:url';

/** Okta-owned domains where `<org>-admin.<domain>` is the Admin Console of `<org>.<domain>`. */
const OKTA_DOMAIN = /\.(okta\.com|oktapreview\.com|okta-emea\.com|okta-gov\.com|okta\.mil|okta-miltest\.com|trexcloud\.com)$/;

/** Loopback hosts, the only ones allowed over plain http (the local simulator). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Normalises an org URL: https only (http only for loopback), no credentials, path, query, fragment
 * trailing slash or trailing dot on the host; an Admin Console host (`acme-admin.okta.com`) becomes the org host with a notice.
 * Throws an Error with a user-facing message when the input cannot be an org URL.
 */
export function normalizeOrgUrl(input: string): { url: string; notice?: string } {
  const text = input.trim();
  if (!text) throw new Error('Enter the Okta org URL, for example https://acme.okta.com.');
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  // A bare host ("acme.okta.com", "localhost:8080") means https.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch (error) {
    throw new Error(`"${shown}" is not a valid URL. Enter the org URL, for example https://acme.okta.com.`, { cause: error });
  }
  if (url.username || url.password) {
    throw new Error('The org URL must not contain a user name or password. Enter it as https://acme.okta.com.');
  }
  // "acme.okta.com." is the same host as "acme.okta.com" (the root label spelled out).
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  if (!url.hostname || url.hostname.endsWith('.')) {
    throw new Error(`"${shown}" has no host name. Enter the org URL, for example https://acme.okta.com.`);
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      throw new Error('Okta orgs must be reached over https://. Plain http:// is only allowed for a local simulator (127.0.0.1, localhost or [::1]).');
    }
  } else if (url.protocol !== 'https:') {
    throw new Error(`"${shown}" is not an https:// URL. Enter the org URL, for example https://acme.okta.com.`);
  }
  const labels = url.hostname.split('.');
  if (OKTA_DOMAIN.test(url.hostname) && labels[0].endsWith('-admin') && labels[0].length > '-admin'.length) {
    const adminOrigin = url.origin;
    url.hostname = [labels[0].slice(0, -'-admin'.length), ...labels.slice(1)].join('.');
    return {
      url: url.origin,
      notice: `${adminOrigin} is the Admin Console address; using the org URL ${url.origin} for the API.`,
    };
  }
  return { url: url.origin };
}

/** A host in the form the network uses (punycode) and the form people read (Unicode). */
export interface OrgHostForms {
  /** e.g. `xn--me-6kc2e.okta.com` (with `:port` when there is one). */
  ascii: string;
  /** e.g. `асme.okta.com`: Cyrillic letters that look like "acme". */
  unicode: string;
  /** True when the two differ: show both before trusting the host with a token. */
  internationalized: boolean;
}

/** The two spellings of a normalised org URL's host, so a look-alike host is not accepted unseen. */
export function orgHostForms(orgUrl: string): OrgHostForms {
  const url = new URL(orgUrl);
  const port = url.port ? `:${url.port}` : '';
  const unicode = (url.hostname.startsWith('[') ? url.hostname : domainToUnicode(url.hostname) || url.hostname) + port;
  const ascii = url.hostname + port;
  return { ascii, unicode, internationalized: ascii !== unicode };
}
