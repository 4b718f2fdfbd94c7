import vscode = require('vscode');
import { TreeNode } from './treeNode';

/**
 * A line of text in place of children: an error ("Token rejected - update token") or an empty
 * result. Clicking it runs the command that fixes or retries, so failures need no toast.
 */
export class MessageNode extends TreeNode {
  readonly id: string;

  constructor(
    parent: TreeNode,
    private readonly message: string,
    private readonly options: { icon: string; color?: string; tooltip?: string; command?: vscode.Command },
  ) {
    super(parent);
    this.id = `${parent.id}/message`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = 'okta:message';
    item.iconPath = new vscode.ThemeIcon(this.options.icon, this.options.color ? new vscode.ThemeColor(this.options.color) : undefined);
    item.tooltip = this.options.tooltip ?? this.message;
    item.command = this.options.command;
    return item;
  }
}
