import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LoadingNode } from '../../src/tree/loadingNode';
import { TreeNode } from '../../src/tree/treeNode';

class Leaf extends TreeNode {
  constructor(readonly id: string, parent?: TreeNode) {
    super(parent);
  }
  getTreeItem(): never {
    throw new Error('not drawn in this test');
  }
}

/** A node whose loads are answered by the test, in any order. */
class ControlledNode extends LoadingNode<string> {
  readonly id = 'controlled';
  readonly pending: Array<(answer: string) => void> = [];
  /** Rejects the load of the same index. */
  readonly failures: Array<(error: Error) => void> = [];
  constructor() {
    super(undefined);
  }
  getTreeItem(): never {
    throw new Error('not drawn in this test');
  }
  protected load(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.pending.push(resolve);
      this.failures.push(reject);
    });
  }
  protected childrenFrom(answer: string): TreeNode[] {
    return [new Leaf(answer)];
  }
  protected failureChildren(error: unknown): TreeNode[] {
    return [new Leaf(`failed: ${(error as Error).message}`)];
  }
}

const ids = (nodes: TreeNode[]) => nodes.map((n) => n.id);
const tick = () => new Promise((r) => setImmediate(r));

test('concurrent getChildren calls share one load, and the answer is kept until reset', async () => {
  const node = new ControlledNode();
  const first = node.getChildren();
  const second = node.getChildren();
  assert.equal(node.pending.length, 1);
  node.pending[0]('a');
  assert.deepEqual(ids(await first), ['a']);
  assert.deepEqual(ids(await second), ['a']);
  assert.deepEqual(ids(await node.getChildren()), ['a']);
  assert.equal(node.pending.length, 1, 'no second load');
  node.reset();
  const third = node.getChildren();
  assert.equal(node.pending.length, 2);
  node.pending[1]('b');
  assert.deepEqual(ids(await third), ['b']);
});

test('a load overtaken by a reset is dropped: callers get the newer answer', async () => {
  const node = new ControlledNode();
  const stale = node.getChildren();
  node.reset();
  const fresh = node.getChildren();
  assert.equal(node.pending.length, 2);
  node.pending[0]('old');
  await tick();
  node.pending[1]('new');
  assert.deepEqual(ids(await stale), ['new']);
  assert.deepEqual(ids(await fresh), ['new']);
});

test('a rejected load shows the failure children, kept (no retry) until reset', async () => {
  const node = new ControlledNode();
  const first = node.getChildren();
  node.failures[0](new Error('boom'));
  assert.deepEqual(ids(await first), ['failed: boom']);
  assert.deepEqual(ids(await node.getChildren()), ['failed: boom']);
  assert.equal(node.pending.length, 1, 'a failure is cached like an answer');
  node.reset();
  const retried = node.getChildren();
  node.pending[1]('ok');
  assert.deepEqual(ids(await retried), ['ok']);
});

test('a failure overtaken by a reset is dropped too', async () => {
  const node = new ControlledNode();
  const stale = node.getChildren();
  node.reset();
  const fresh = node.getChildren();
  node.failures[0](new Error('old'));
  await tick();
  node.pending[1]('new');
  assert.deepEqual(ids(await stale), ['new']);
  assert.deepEqual(ids(await fresh), ['new']);
});

test('loading nodes reload themselves; other nodes reload their parent', () => {
  const parent = new ControlledNode();
  const leaf = new Leaf('leaf', parent);
  assert.equal(parent.nodeToReload(), parent);
  assert.equal(leaf.nodeToReload(), parent);
});
