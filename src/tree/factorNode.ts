import * as vscode from 'vscode';
import { describeFactor, describeStatus } from '../presentation/factorDescriptions';
import type { OktaUser, UserFactor } from '../okta/models';
import { factorContextValue } from './contextValues';
import { factorIconId, factorStatusColorId, factorTooltipRows } from './factorPresentation';
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

  getTreeItem(): vscode.TreeItem {
    const { factor } = this;
    const item = new vscode.TreeItem(describeFactor(factor), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = factorContextValue(factor, this.hasTotpSecret);
    item.iconPath = new vscode.ThemeIcon(factorIconId(factor.factorType), new vscode.ThemeColor(factorStatusColorId(factor.status)));
    item.description = describeStatus(factor) + (this.hasTotpSecret ? ' · code in VS Code' : '');
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
