import vscode = require('vscode');
import type { UserTarget } from '../factors/targets';
import type { OktaUser } from '../okta/models';
import { CatalogGroupNode } from './catalogGroupNode';
import { userContextValue } from './contextValues';
import { FactorNode } from './factorNode';
import { MessageNode } from './messageNode';
import { ChildListNode } from './childListNode';
import type { TreeNode } from './treeNode';
import { describeUserStatus, userStatusColorId } from '../presentation/userPresentation';
import { userDisplayName } from '../factors/names';
import type { TreeContext } from './treeDependencies';

/** A user: the enrolled factors, then the "Supported factors" group from the catalog. */
export class UserNode extends ChildListNode {
  readonly id: string;

  constructor(
    private readonly services: TreeContext,
    readonly parent: TreeNode & { orgId: string },
    public user: OktaUser,
  ) {
    super(parent);
    this.id = `${parent.id}/user:${user.id}`;
  }

  get orgId(): string {
    return this.parent.orgId;
  }

  get target(): UserTarget {
    return { kind: 'user', orgId: this.orgId, user: this.user };
  }

  getTreeItem(): vscode.TreeItem {
    const { user } = this;
    const item = new vscode.TreeItem(userDisplayName(user), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = userContextValue(user);
    const color = userStatusColorId(user.status);
    item.iconPath = new vscode.ThemeIcon('person', color ? new vscode.ThemeColor(color) : undefined);
    const login = userDisplayName(user) === user.profile.login ? '' : user.profile.login;
    const status = user.status === 'ACTIVE' ? '' : describeUserStatus(user);
    // Status first: it is what the narrow sidebar must not truncate away.
    item.description = [status, login].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString().appendText(
      [
        `Login: ${user.profile.login}`,
        user.profile.email && `Email: ${user.profile.email}`,
        `ID: ${user.id}`,
        `Status: ${describeUserStatus(user)}`,
      ]
        .filter(Boolean)
        .join('\n'),
    );
    return item;
  }

  protected loadAction(): string {
    return `Listing factors of ${this.user.profile.login}`;
  }

  protected async load(): Promise<TreeNode[]> {
    const factors = await this.services.factors.listFactors(this.target);
    const factorNodes = await Promise.all(
      factors.map(async (factor) => new FactorNode(this, factor, await this.services.authenticator.has(this.orgId, this.user.id, factor.id))),
    );
    const none = factorNodes.length === 0 ? [new MessageNode(this, 'No factors enrolled', { icon: 'info' })] : [];
    return [...factorNodes, ...none, new CatalogGroupNode(this.services, this, factors)];
  }
}
