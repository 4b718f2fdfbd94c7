import { LoadingNode } from './loadingNode';
import { loadErrorNode } from './loadErrorNode';
import type { TreeNode } from './treeNode';

/** A LoadingNode of an org whose failed load shows the tree's error node (token advice or retry). */
export abstract class OrgLoadingNode<D> extends LoadingNode<D> {
  abstract readonly orgId: string;

  /** Names the load in the error node, e.g. "Listing factors of ann@example.com". */
  protected abstract loadAction(): string;

  protected failureChildren(error: unknown): TreeNode[] {
    return [loadErrorNode(this, this.loadAction(), error)];
  }
}
