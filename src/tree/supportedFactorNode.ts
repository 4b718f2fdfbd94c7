import vscode = require('vscode');
import type { CatalogEntryTarget } from '../factors/targets';
import { factorTypeLabel } from '../factors/names';
import type { OktaUser, SupportedFactor } from '../okta/models';
import { catalogFactorContextValue } from './contextValues';
import { factorIconId } from './factorPresentation';
import { TreeNode } from './treeNode';

/** One catalog entry; okta.enrollFactor starts from here. */
export class SupportedFactorNode extends TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode & { orgId: string; user: OktaUser },
    readonly entry: SupportedFactor,
    readonly enrolled: boolean,
  ) {
    super(parent);
    this.id = `${parent.id}/${entry.factorType}:${String(entry.provider).toLowerCase()}`;
  }

  get orgId(): string {
    return this.parent.orgId;
  }

  get user(): OktaUser {
    return this.parent.user;
  }

  get target(): CatalogEntryTarget {
    return { kind: 'catalogEntry', orgId: this.orgId, user: this.user, entry: this.entry };
  }

  getTreeItem(): vscode.TreeItem {
    const { entry } = this;
    const item = new vscode.TreeItem(factorTypeLabel(entry), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = catalogFactorContextValue(entry, this.enrolled, this.user);
    item.iconPath = new vscode.ThemeIcon(factorIconId(entry.factorType), this.enrolled ? undefined : new vscode.ThemeColor('disabledForeground'));
    const required = entry.enrollment === 'REQUIRED' ? ' · required' : '';
    item.description = (this.enrolled ? 'enrolled' : 'not enrolled') + required;
    item.tooltip = `${factorTypeLabel(entry)} (${entry.factorType}, ${entry.provider})${this.enrolled ? ' - already enrolled' : ' - right-click or use the + button to enroll'}`;
    return item;
  }
}
