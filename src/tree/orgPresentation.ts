// How an org row reads. The label is the org's name (its host unless renamed); the description says
// whose token it is, so two orgs' rows, or two tokens for one org, can be told apart. No `vscode`.
import type { OrgRecord } from '../orgs/orgRegistry';

export function orgDescription(org: Pick<OrgRecord, 'url' | 'label' | 'ownerLogin'>): string {
  const host = new URL(org.url).host;
  const owner = org.ownerLogin ?? 'token owner unknown';
  // A renamed org still shows its host, after the owner (the part a narrow sidebar may cut).
  return org.label === host ? owner : `${owner} · ${host}`;
}
