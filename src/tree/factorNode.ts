import vscode = require('vscode');
import type { FactorTarget } from '../factors/targets';
import type { OktaUser, UserFactor } from '../okta/models';
import { factorContextValue } from './contextValues';
import { factorIconId, factorRowDescription, factorRowLabel, factorStatusColorId, factorTooltipRows } from './factorPresentation';
import { TreeNode } from './treeNode';

/** An enrolled factor: icon per type, status coloured, profile details in the tooltip. */
export class FactorNode extends TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode & { orgId: string; user: OktaUser },
    readonly factor: UserFactor,
    /** The built-in authenticator holds this factor's TOTP secret. */
    readonly hasTotpSecret: boolean,
  ) {
    super(parent);
    this.id = `${parent.id}/factor:${factor.id}`;
  }

  get orgId(): string {
    return this.parent.orgId;
  }

  get user(): OktaUser {
    return this.parent.user;
  }

  get target(): FactorTarget {
    return { kind: 'factor', orgId: this.orgId, user: this.user, factor: this.factor };
  }

  getTreeItem(): vscode.TreeItem {
    const { factor } = this;
    // The factor first, its status first in the description: at ~35 visible characters both must show.
    const item = new vscode.TreeItem(factorRowLabel(factor), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = factorContextValue(factor, this.hasTotpSecret);
    item.iconPath = new vscode.ThemeIcon(factorIconId(factor.factorType), new vscode.ThemeColor(factorStatusColorId(factor.status)));
    item.description = factorRowDescription(factor, this.hasTotpSecret, this.user.profile.email);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('| | |\n|---|---|\n');
    for (const [key, value] of factorTooltipRows(factor)) tooltip.appendMarkdown(`| ${cell(key)} | ${cell(value)} |\n`);
    item.tooltip = tooltip;
    return item;
  }
}

/** Escapes a value for a markdown table cell. */
function cell(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&').replace(/\n/g, ' ');
}
