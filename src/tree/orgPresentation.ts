// How an org row reads. The label is the org's name (its host unless renamed); the description says
// whose token it is (or which service app signs in), so two orgs' rows, or two tokens for one org,
// can be told apart. No `vscode`.
import type { OrgRecord } from '../orgs/orgRecord';

export function orgDescription(org: Pick<OrgRecord, 'url' | 'label' | 'ownerLogin' | 'serviceApp'>): string {
  const host = new URL(org.url).host;
  // "app <client id>": the client id is what tells two service apps apart, so it comes early enough
  // to be seen at the default sidebar width (the tooltip says "Service app" in full).
  const owner = org.serviceApp ? `app ${org.serviceApp.clientId}` : org.ownerLogin ?? 'token owner unknown';
  // A renamed org still shows its host, after the owner (the part a narrow sidebar may cut).
  return org.label === host ? owner : `${owner} · ${host}`;
}
