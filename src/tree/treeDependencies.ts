// What the tree takes from the rest of the extension: explicit parts rather than the whole
// Services object (which holds the tree itself).
import type { TotpAuthenticator } from '../authenticator/totpAuthenticator';
import type { OrgRegistry } from '../orgs/orgRegistry';
import type { OktaSettings, Services } from '../services';
import type { FactorsTreeProvider } from './factorsTreeProvider';

export interface TreeDependencies extends Pick<Services, 'clientFor'> {
  registry: Pick<OrgRegistry, 'list' | 'get' | 'onDidChange'>;
  /** Whether a factor's secret is kept (its `+totpsecret` tag), and when that changes. */
  authenticator: Pick<TotpAuthenticator, 'has' | 'onDidChange'>;
  config: Pick<OktaSettings, 'usersPageSize' | 'showDeprovisioned'>;
  isDemoOrg(orgId: string): boolean;
}

/** What the nodes use: the dependencies plus the provider (user filters, redraws). */
export interface TreeContext extends TreeDependencies {
  tree: Pick<FactorsTreeProvider, 'filterOf' | 'changed'>;
}
