// The simulator is also the demo org users run: callers without the token cannot spend the org's
// rate limits, the request counter stays bounded, the clock refuses absurd moves, and idle or
// stalled connections are closed.
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../sim';
import { serverOptions } from '../../sim/connectionTimeouts';
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

describe('simulator hardening: the clock', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ seed: 'empty' });
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  async function advance(body: unknown) {
    const response = await fetch(`${sim.url}/sim/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { error: string; offsetSeconds: number } };
  }

  it('refuses a non-numeric, negative, infinite or huge advance with a clear 400, and keeps the clock sane', async () => {
    for (const advanceSeconds of [1e300, 1e12, 366 * 24 * 3600 + 1, -1, '60', true, null, [60]]) {
      const refused = await advance({ advanceSeconds });
      assert.equal(refused.status, 400, JSON.stringify(advanceSeconds));
      assert.match(refused.body.error, /"advanceSeconds" must be a number from 0 to 31622400 \(one year\)\./);
    }
    assert.equal((await advance({})).status, 400, 'a missing advance is refused too');
    assert.throws(() => sim.advanceClock(Number.MAX_VALUE), /must be a number/);
    assert.equal(sim.control.clock().offsetSeconds, 0, 'nothing moved');
    const reply = await call(sim, 'GET', '/api/v1/users/me');
    assert.equal(reply.status, 200);
    assert.ok(Math.abs(Date.parse(reply.headers.get('date')!) - Date.now()) < 5000, 'Date is still now');
  });

  it('allows up to a year per call and ten years in all, then asks for a reset', async () => {
    const year = 366 * 24 * 3600;
    for (let i = 1; i <= 10; i++) assert.equal((await advance({ advanceSeconds: year })).body.offsetSeconds, i * year);
    const refused = await advance({ advanceSeconds: 1 });
    assert.equal(refused.status, 400);
    assert.match(refused.body.error, /at most 316224000 seconds \(ten years\) ahead; reset the simulator/);
    const reply = await call(sim, 'GET', '/api/v1/users/me');
    assert.equal(reply.status, 200, 'ten years ahead the API still answers');
    const yearsAhead = new Date(reply.headers.get('date')!).getUTCFullYear() - new Date().getUTCFullYear();
    assert.ok(yearsAhead === 10 || yearsAhead === 11, `Date is ${yearsAhead} years ahead`);
    sim.reset();
    assert.equal(sim.control.clock().offsetSeconds, 0);
  });
});

describe('simulator hardening: the request counter', () => {
  it('keeps at most maxPaths paths, dropping the least recently used, while total counts everything', () => {
    const counter = new RequestCounter(3);
    counter.record('GET', '/api/v1/users/a');
    counter.record('GET', '/api/v1/users/b');
    counter.record('GET', '/api/v1/users/a');
    counter.record('GET', '/api/v1/users/c');
    counter.record('GET', '/api/v1/users/d');
    assert.deepEqual(counter.snapshot(), {
      total: 5,
      counts: { 'GET /api/v1/users/a': 2, 'GET /api/v1/users/c': 1, 'GET /api/v1/users/d': 1 },
    });
    assert.equal(counter.count('get', '/api/v1/users/b'), 0, 'b was the least recently used');
    assert.throws(() => new RequestCounter(0), /positive integer/);
  });

  it('is bounded by default, however many unique paths arrive', () => {
    const counter = new RequestCounter();
    for (let i = 0; i < 20_000; i++) counter.record('GET', `/api/v1/users/00u${i}`);
    const { total, counts } = counter.snapshot();
    assert.equal(total, 20_000);
    assert.equal(Object.keys(counts).length, 5000);
    assert.equal(counter.count('GET', '/api/v1/users/00u19999'), 1, 'the latest paths are still counted exactly');
  });

  it('still counts exact paths over HTTP for tests', async () => {
    const sim = await startSimulator({ seed: 'empty' });
    try {
      for (let i = 0; i < 3; i++) await call(sim, 'GET', `/api/v1/users/nobody${i}`);
      await call(sim, 'GET', '/api/v1/users/nobody1');
      assert.equal(sim.control.requestCount('GET', '/api/v1/users/nobody1'), 2);
      assert.equal(sim.control.requestCounts().total, 4);
    } finally {
      await sim.close();
    }
  });
});

describe('simulator hardening: idle and stalled connections', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ seed: 'empty', connectionTimeouts: { headersMs: 300, requestMs: 600, keepAliveMs: 300 } });
  });
  after(() => sim.close());

  /** Opens a raw socket, writes `bytes`, and resolves with the ms until the server closed it (bounded). */
  function closedAfter(bytes: string, boundMs = 4000): Promise<{ ms: number; received: string }> {
    const { hostname, port } = new URL(sim.url);
    return new Promise((resolve, reject) => {
      const started = Date.now();
      let received = '';
      const socket: Socket = connect(Number(port), hostname, () => {
        if (bytes) socket.write(bytes);
      });
      const bound = setTimeout(() => {
        socket.destroy();
        reject(new Error(`the server kept the connection open for ${boundMs} ms`));
      }, boundMs);
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (received += chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearTimeout(bound);
        resolve({ ms: Date.now() - started, received });
      });
    });
  }

  it('closes a connection that never sends anything', async () => {
    const { ms } = await closedAfter('');
    assert.ok(ms < 3000, `${ms} ms`);
  });

  it('closes a connection whose headers never finish', async () => {
    const { ms } = await closedAfter(`GET /api/v1/users HTTP/1.1\r\nHost: ${new URL(sim.url).host}\r\nAuthorization: SSWS `);
    assert.ok(ms < 3000, `${ms} ms`);
  });

  it('closes a connection whose body never finishes', async () => {
    const head = `POST /api/v1/users HTTP/1.1\r\nHost: ${new URL(sim.url).host}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"profile":`;
    const { ms } = await closedAfter(head);
    assert.ok(ms < 3000, `${ms} ms`);
  });

  it('closes an idle keep-alive connection after an answered request', async () => {
    const { ms, received } = await closedAfter(`GET /sim/clock HTTP/1.1\r\nHost: ${new URL(sim.url).host}\r\nConnection: keep-alive\r\n\r\n`);
    assert.match(received, /^HTTP\/1\.1 200 /);
    assert.ok(ms < 3000, `${ms} ms`);
  });

  it('a slow answer (latency fault) is not cut by the request timeout', async () => {
    sim.control.addFault({ path: '/api/v1/users/me', kind: 'latency', latencyMs: 1000, count: 1 });
    assert.equal((await call(sim, 'GET', '/api/v1/users/me')).status, 200);
  });

  it('by default bounds headers to 10 s, the request to 30 s and keep-alive idling to 5 s, checked every second', () => {
    assert.deepEqual(serverOptions(), { headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 });
  });

  it('refuses nonsensical timeouts', async () => {
    await assert.rejects(startSimulator({ connectionTimeouts: { headersMs: 0 } }), /from 1 to 600000/);
    await assert.rejects(startSimulator({ connectionTimeouts: { headersMs: 5000, requestMs: 1000 } }), /must not exceed requestMs/);
  });
});
