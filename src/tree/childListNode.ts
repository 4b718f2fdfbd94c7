import { OrgLoadingNode } from './orgLoadingNode';
import type { TreeNode } from './treeNode';

/** An OrgLoadingNode whose data is its list of children. */
export abstract class ChildListNode extends OrgLoadingNode<TreeNode[]> {
  protected childrenFrom(children: TreeNode[]): TreeNode[] {
    return children;
  }
}
