import { TreeNode } from './treeNode';

/** A finished load: the data, or the failure to show in place of the children. */
type Outcome<D> = { ok: true; data: D } | { ok: false; error: unknown };

interface Load<D> {
  outcome: Promise<Outcome<D>>;
  /** The data, or undefined when the load failed. */
  data: Promise<D | undefined>;
}

/**
 * A node whose children come from the server. The load is shared by concurrent getChildren calls
 * and cached until reset(); a load overtaken by a reset is dropped, so stale answers never show.
 * A rejected load() is kept like an answer and shown as failureChildren() (the tree's error node).
 */
export abstract class LoadingNode<D> extends TreeNode {
  private loading: Load<D> | undefined;

  protected abstract load(): Promise<D>;

  protected abstract childrenFrom(data: D): TreeNode[];

  /** What to show instead of the children when load() rejected. */
  protected abstract failureChildren(error: unknown): TreeNode[];

  async getChildren(): Promise<TreeNode[]> {
    const loading = (this.loading ??= this.start());
    const outcome = await loading.outcome;
    if (loading !== this.loading) return this.getChildren();
    return outcome.ok ? this.childrenFrom(outcome.data) : this.failureChildren(outcome.error);
  }

  private start(): Load<D> {
    const outcome = this.load().then(
      (data): Outcome<D> => ({ ok: true, data }),
      (error: unknown): Outcome<D> => ({ ok: false, error }),
    );
    return { outcome, data: outcome.then((o) => (o.ok ? o.data : undefined)) };
  }

  /**
   * The data of the current load (undefined if it failed), if one was started: callers that change
   * the data check that the same promise is still current afterwards.
   */
  protected current(): Promise<D | undefined> | undefined {
    return this.loading?.data;
  }

  /** Whether the children were asked for since the last reset (the node was expanded). */
  get started(): boolean {
    return this.loading !== undefined;
  }

  reset(): void {
    this.loading = undefined;
  }

  nodeToReload(): TreeNode {
    return this;
  }
}
