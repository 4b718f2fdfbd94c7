// Links Okta hands out (activation QR images, for example) are opened in the user's browser only
// when they point at the org itself: a link to another host is never followed. Free of `vscode`.

/** The absolute URL of `href` (absolute or relative to the org) when it is on the org's origin; else undefined. */
export function linkOnOrg(orgUrl: string, href: string | undefined): string | undefined {
  if (!href) return undefined;
  let url: URL;
  try {
    url = new URL(href, orgUrl);
  } catch {
    return undefined;
  }
  return url.origin === new URL(orgUrl).origin ? url.toString() : undefined;
}
