import vscode = require('vscode');
import { commandFor } from '../ui/runCommand';
import { TreeNode } from './treeNode';

/** The last child of an org with more users on the server; okta.loadMore fetches the next page. */
export class LoadMoreNode extends TreeNode {
  readonly id: string;

  constructor(readonly parent: TreeNode & { orgId: string }) {
    super(parent);
    this.id = `${parent.id}/loadMore`;
  }

  get orgId(): string {
    return this.parent.orgId;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Load more...', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = 'okta:loadMore';
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.tooltip = 'Fetch the next page of users';
    item.command = commandFor('okta.loadMore', 'Load More Users', this.target);
    return item;
  }
}
