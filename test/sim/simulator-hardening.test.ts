// The simulator is also the demo org users run: callers without the token cannot spend the org's
// rate limits, the request counter stays bounded, the clock refuses absurd moves, and idle or
// stalled connections are closed.
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../sim';
import { RequestCounter } from '../../sim/requestCounter';
import { assertOktaError, call } from './simHelpers';

describe('simulator hardening: authentication before rate limits', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ seed: 'empty', rateLimits: { usersPerMinute: 3 } });
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  it('an unauthenticated flood gets 401s and leaves the token holder its whole bucket', async () => {
    for (let i = 0; i < 10; i++) {
      const refused = await call(sim, 'GET', '/api/v1/users', undefined, { Authorization: 'SSWS not-the-token' });
      assertOktaError(refused, 401, 'E0000011');
      assert.equal(refused.headers.get('x-rate-limit-limit'), '3', 'a 401 still shows the bucket');
      assert.equal(refused.headers.get('x-rate-limit-remaining'), '3', 'and does not charge it');
      assert.ok(Number(refused.headers.get('x-rate-limit-reset')) * 1000 > Date.now() - 1000);
    }
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await call(sim, 'GET', '/api/v1/users'));
    assert.deepEqual(replies.map((r) => r.status), [200, 200, 200, 429]);
    assert.deepEqual(replies.map((r) => r.headers.get('x-rate-limit-remaining')), ['2', '1', '0', '0']);
  });

  it('a wrong token is answered 401 even when the bucket is exhausted, and still not charged', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await call(sim, 'GET', '/api/v1/users')).status, 200);
    const refused = await call(sim, 'GET', '/api/v1/users', undefined, { Authorization: 'Bearer nope' });
    assertOktaError(refused, 401, 'E0000011');
    assert.equal(refused.headers.get('x-rate-limit-remaining'), '0');
    assertOktaError(await call(sim, 'GET', '/api/v1/users'), 429, 'E0000047');
  });
});
