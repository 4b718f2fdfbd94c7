// Reading links: HAL `_links` (a relation may be one object or an array) and the `Link` header
// used for paging (one header with comma-separated values, or several headers).
import type { HalLink, HalLinks } from '../models';

/** All links of a relation, whether the server sent one object or an array. */
export function linksFor(links: HalLinks | undefined, rel: string): HalLink[] {
  const value = links?.[rel];
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]).filter((l): l is HalLink => !!l && typeof l.href === 'string');
}

/** The href of a relation; with `name`, the entry of that name (e.g. resend `sms`). */
export function linkHref(links: HalLinks | undefined, rel: string, name?: string): string | undefined {
  const all = linksFor(links, rel);
  return (name === undefined ? all[0] : all.find((l) => l.name === name))?.href;
}

/** True when the relation's hints allow `method` (e.g. the `self` link allows DELETE). */
export function linkAllows(links: HalLinks | undefined, rel: string, method: string): boolean {
  return linksFor(links, rel).some((l) => l.hints?.allow?.some((m) => m.toUpperCase() === method.toUpperCase()));
}

/** True for a URL or absolute path (a link Okta gave) rather than a bare id. */
export function isHref(value: string): boolean {
  return /^(https?:)?\/\//i.test(value) || value.startsWith('/');
}

/** The push transaction id from a verify/poll result's `poll` (or `cancel`) link, if any. */
export function factorTransactionId(result: { _links?: HalLinks } | undefined): string | undefined {
  const href = linkHref(result?._links, 'poll') ?? linkHref(result?._links, 'cancel');
  const match = href?.match(/\/transactions\/([^/?#]+)/);
  return match ? decodeURIComponent(match[1]) : undefined;
}

/** Where the TOTP QR code is: `_embedded.activation._links.qrcode` or `_embedded._links.qrcode`. */
export function totpQrCodeHref(factor: { _embedded?: Record<string, unknown> }): string | undefined {
  const embedded = factor._embedded as { activation?: { _links?: HalLinks }; _links?: HalLinks } | undefined;
  return linkHref(embedded?.activation?._links, 'qrcode') ?? linkHref(embedded?._links, 'qrcode');
}

/**
 * Parses `Link` header value(s) into rel -> URL. URLs may contain commas, so values are split on
 * `<...>` boundaries rather than on commas.
 */
export function parseLinkHeader(header: string | string[] | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  const values = Array.isArray(header) ? header : header ? [header] : [];
  const entry = /<([^>]*)>((?:\s*;\s*[^;,<=]+(?:=(?:"[^"]*"|[^;,<]*))?)*)/g;
  for (const value of values) {
    for (const match of value.matchAll(entry)) {
      const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(match[2]);
      const names = (rel?.[1] ?? rel?.[2] ?? '').split(/\s+/).filter(Boolean);
      for (const name of names) {
        if (!(name.toLowerCase() in result)) result[name.toLowerCase()] = match[1].trim();
      }
    }
  }
  return result;
}
