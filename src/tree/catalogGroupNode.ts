import vscode = require('vscode');
import type { OktaUser, UserFactor } from '../okta/models';
import { catalogContextValue } from './contextValues';
import { isCatalogEntryEnrolled } from './factorPresentation';
import { SupportedFactorNode } from './supportedFactorNode';
import { ChildListNode } from './childListNode';
import type { TreeNode } from './treeNode';
import type { TreeContext } from './treeDependencies';

/** "Supported factors": the user's enrollment catalog, loaded when expanded. */
export class CatalogGroupNode extends ChildListNode {
  readonly id: string;

  constructor(
    private readonly services: TreeContext,
    readonly parent: TreeNode & { orgId: string; user: OktaUser },
    /** The user's enrolled factors, to mark catalog entries already enrolled. */
    private readonly enrolled: UserFactor[],
  ) {
    super(parent);
    this.id = `${parent.id}/catalog`;
  }

  get orgId(): string {
    return this.parent.orgId;
  }

  get user(): OktaUser {
    return this.parent.user;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Supported factors', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = catalogContextValue(this.user);
    item.iconPath = new vscode.ThemeIcon('library');
    item.tooltip = 'Factors this user may enroll (the enrollment catalog)';
    return item;
  }

  protected loadAction(): string {
    return `Listing supported factors of ${this.user.profile.login}`;
  }

  protected async load(): Promise<TreeNode[]> {
    const entries = await this.services.factors.catalog({ orgId: this.orgId, user: this.user });
    return entries.map((entry) => new SupportedFactorNode(this, entry, isCatalogEntryEnrolled(entry, this.enrolled)));
  }
}
