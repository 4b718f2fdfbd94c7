import { TreeNode } from './treeNode';

/**
 * A node whose children come from the server. The load is shared by concurrent getChildren calls
 * and cached until reset(); a load overtaken by a reset is dropped, so stale answers never show.
 * load() must not reject: failures become data (an error node) like any other answer.
 */
export abstract class LoadingNode<D> extends TreeNode {
  private data: Promise<D> | undefined;

  protected abstract load(): Promise<D>;

  protected abstract childrenFrom(data: D): TreeNode[];

  async getChildren(): Promise<TreeNode[]> {
    const data = (this.data ??= this.load());
    const value = await data;
    return data === this.data ? this.childrenFrom(value) : this.getChildren();
  }

  /** The current load, if any: callers that change the data check it is still current afterwards. */
  protected current(): Promise<D> | undefined {
    return this.data;
  }

  reset(): void {
    this.data = undefined;
  }

  nodeToReload(): TreeNode {
    return this;
  }
}
