import type * as vscode from 'vscode';
import type { CommandTarget } from '../factors/targets';

/**
 * A node of the Okta tree. Nodes that load data (LoadingNode) keep it until they are reset, so the
 * tree can be redrawn (icons, labels, contextValues) without going back to the server.
 */
export abstract class TreeNode {
  /** Stable across refreshes so expansion and selection survive: `org:<id>/user:<id>/...`. */
  abstract readonly id: string;

  constructor(readonly parent: TreeNode | undefined) {}

  abstract getTreeItem(): vscode.TreeItem;

  async getChildren(): Promise<TreeNode[]> {
    return [];
  }

  /** Forget loaded data so the next getChildren fetches it again. */
  reset(): void {}

  /** What a command run on this node acts on (commands never see the node itself). */
  get target(): CommandTarget | undefined {
    return this.parent?.target;
  }

  /** The node whose reload refreshes this one: itself for nodes that load children, else its parent. */
  nodeToReload(): TreeNode {
    return this.parent ?? this;
  }
}
