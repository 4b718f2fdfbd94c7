// Which relying party a credential is bound to. Okta sends no `rp.id`, so a browser would use the
// sign-in page's host: the org's full host name (Okta's own example and Ledger's CI both hash it).
// Whether a real org wants the parent domain instead (the custom-passkeys guide says `okta.com`) is
// UNVERIFIED, so a configured RP ID, or an `rp.id` Okta may start sending, wins over the host.
export interface RelyingParty {
  rpId: string;
  /** clientDataJSON's origin: the org URL's origin. */
  origin: string;
}

export function relyingPartyFor(orgUrl: string, rpId?: string): RelyingParty {
  const url = new URL(orgUrl);
  return { rpId: rpId || url.hostname, origin: url.origin };
}
