// A task run at most once per interval: requests fold into one run, runs never overlap, `now` and
// `flush` run at once.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { ThrottledTask } from '../../src/util/throttledTask';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('requests within the interval fold into one run at its end', async () => {
  let runs = 0;
  const task = new ThrottledTask(async () => { runs++; }, 30);
  task.schedule();
  task.schedule();
  task.schedule();
  assert.equal(runs, 0);
  await tick(60);
  assert.equal(runs, 1);
});

test('now runs at once, in place of a scheduled run, after a run in progress', async () => {
  const order: string[] = [];
  let release!: () => void;
  let first = true;
  const task = new ThrottledTask(async () => {
    if (first) {
      first = false;
      order.push('slow start');
      await new Promise<void>((resolve) => { release = resolve; });
      order.push('slow end');
    } else order.push('second');
  }, 20);
  const slow = task.now();
  task.schedule();
  const second = task.now();
  await tick(40);
  assert.deepEqual(order, ['slow start'], 'the second run waits; the scheduled one was taken over');
  release();
  await Promise.all([slow, second]);
  await tick(40);
  assert.deepEqual(order, ['slow start', 'slow end', 'second']);
});

test('flush runs a waiting request now and does nothing without one; a failing task does not stop later runs', async () => {
  let runs = 0;
  const task = new ThrottledTask(async () => {
    runs++;
    if (runs === 1) throw new Error('disk full');
  }, 10_000);
  await task.flush();
  assert.equal(runs, 0);
  task.schedule();
  await task.flush();
  assert.equal(runs, 1);
  await task.now();
  assert.equal(runs, 2);
});
