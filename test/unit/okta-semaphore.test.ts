import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Semaphore } from '../../src/okta/http/semaphore';

test('never more than `capacity` holders; waiters go in order; abort leaves the queue', async () => {
  const slots = new Semaphore(2);
  let active = 0;
  let peak = 0;
  const order: number[] = [];
  await Promise.all(Array.from({ length: 8 }, async (_, i) => {
    await slots.acquire();
    active++;
    peak = Math.max(peak, active);
    order.push(i);
    await new Promise((r) => setTimeout(r, 5));
    active--;
    slots.release();
  }));
  assert.equal(peak, 2);
  assert.deepEqual(order, [0, 1, 2, 3, 4, 5, 6, 7]);

  await slots.acquire();
  await slots.acquire();
  const controller = new AbortController();
  const cancelled = slots.acquire(controller.signal);
  const next = slots.acquire();
  controller.abort();
  await assert.rejects(cancelled, /cancelled/);
  slots.release();
  await next; // the cancelled waiter did not take the freed slot
  slots.setCapacity(3);
  await slots.acquire(); // raised cap admits one more at once
});
