// What the tree takes from the rest of the extension, declared here beside it: explicit parts,
// never the wiring file or the concrete services object.
import type { OktaUser } from '../okta/models';
import type { TotpAuthenticator } from '../authenticator/totpAuthenticator';
import type { FactorService } from '../factors/factorService';
import type { OrgRegistry } from '../orgs/orgRegistry';
import type { OktaSettings } from '../settings';
import type { UserDirectory } from '../users/userDirectory';
import type { TreeNode } from './treeNode';

export interface TreeDependencies {
  registry: Pick<OrgRegistry, 'list' | 'get' | 'onDidChange'>;
  /** The factors and catalog of a user, and the changes that make a user's node reload. */
  factors: Pick<FactorService, 'listFactors' | 'catalog' | 'onDidChange'>;
  users: Pick<UserDirectory, 'page'>;
  /** Whether a factor's secret is kept (its `+totpsecret` tag), and when that changes. */
  authenticator: Pick<TotpAuthenticator, 'has' | 'onDidChange'>;
  config: Pick<OktaSettings, 'usersPageSize' | 'showDeprovisioned'>;
  isDemoOrg(orgId: string): boolean;
  /** Makes the nodes of listed users (asked for with the first page of users). */
  userNodes(): Promise<UserNodes>;
}

/** What the nodes ask of the provider. */
export interface TreeView {
  filterOf(orgId: string): string | undefined;
  /** Redraws a node without reloading it. */
  changed(node: TreeNode): void;
}

/** What the nodes use: the dependencies plus the provider (user filters, redraws). */
export interface TreeContext extends TreeDependencies {
  tree: TreeView;
}

/** A listed user's node (a UserNode, made through UserNodes). */
export type ListedUserNode = TreeNode & { readonly user: OktaUser };

export interface UserNodes {
  create(context: TreeContext, parent: TreeNode & { orgId: string }, user: OktaUser): ListedUserNode;
}
