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
  constructor() {
    super(undefined);
  }
  getTreeItem(): never {
    throw new Error('not drawn in this test');
  }
  protected load(): Promise<string> {
    return new Promise((resolve) => this.pending.push(resolve));
  }
  protected childrenFrom(answer: string): TreeNode[] {
    return [new Leaf(answer)];
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

test('loading nodes reload themselves; other nodes reload their parent', () => {
  const parent = new ControlledNode();
  const leaf = new Leaf('leaf', parent);
  assert.equal(parent.nodeToReload(), parent);
  assert.equal(leaf.nodeToReload(), parent);
});
