import { LoadingNode } from './loadingNode';
import { loadErrorNode } from './loadErrorNode';
import type { TreeNode } from './treeNode';

/** A LoadingNode whose data is its list of children; a failed load shows an error node instead. */
export abstract class ChildListNode extends LoadingNode<TreeNode[]> {
  abstract readonly orgId: string;

  /** Names the load in the error node, e.g. "Listing factors of ann@example.com". */
  protected abstract loadAction(): string;

  protected abstract loadChildren(): Promise<TreeNode[]>;

  protected async load(): Promise<TreeNode[]> {
    try {
      return await this.loadChildren();
    } catch (err) {
      return [loadErrorNode(this, this.loadAction(), err)];
    }
  }

  protected childrenFrom(children: TreeNode[]): TreeNode[] {
    return children;
  }
}
