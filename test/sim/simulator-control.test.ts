// Rate limits, fault injection, request counter, control endpoints, seeds and the CLI.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startSimulator, type OutboxMessage, type RunningSimulator } from '../../sim';
import { assertOktaError, call, links, userIdOf } from './simHelpers';

async function control(sim: RunningSimulator, method: string, path: string, body?: unknown) {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('simulator: rate limits', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ seed: 'empty', rateLimits: { usersPerMinute: 3, userByIdPerMinute: 5, verifyPerMinute: 2 } });
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  it('sends X-Rate-Limit-* on every response and 429 E0000047 (with the headers) when exhausted', async () => {
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await call(sim, 'GET', '/api/v1/users'));
    assert.deepEqual(replies.map((r) => r.status), [200, 200, 200, 429]);
    assert.deepEqual(replies.map((r) => r.headers.get('x-rate-limit-remaining')), ['2', '1', '0', '0']);
    const limited = replies[3];
    assertOktaError(limited, 429, 'E0000047');
    assert.equal(limited.body.errorSummary, 'API call exceeded rate limit due to too many requests.');
    assert.equal(limited.headers.get('x-rate-limit-limit'), '3');
    const reset = Number(limited.headers.get('x-rate-limit-reset'));
    const date = Date.parse(limited.headers.get('date')!);
    // What the official Node SDK computes its back-off from: Reset * 1000 - Date + 1000.
    const wait = reset * 1000 - date + 1000;
    assert.ok(wait > 1000 && wait <= 62_000, `back-off ${wait}`);
    assert.ok(limited.headers.get('x-okta-request-id'));
  });

  it('counts factor paths in the users bucket and keeps GET /users/{id} and verify apart', async () => {
    const id = await userIdOf(sim, 'demo.admin@example.com');
    assert.equal((await call(sim, 'GET', `/api/v1/users/${id}`)).headers.get('x-rate-limit-limit'), '5');
    await call(sim, 'GET', `/api/v1/users/${id}/factors`);
    await call(sim, 'GET', `/api/v1/users/${id}/factors/catalog`);
    const third = await call(sim, 'GET', `/api/v1/users/${id}/factors/questions`);
    assert.equal(third.headers.get('x-rate-limit-remaining'), '0');
    assertOktaError(await call(sim, 'POST', `/api/v1/users/${id}/factors`, { factorType: 'sms', provider: 'OKTA' }), 429, 'E0000047');
    const verify = await call(sim, 'POST', `/api/v1/users/${id}/factors/ufsnope/verify`, { answer: 'x' });
    assert.equal(verify.status, 404);
    assert.equal(verify.headers.get('x-rate-limit-limit'), '2');
    assert.equal((await call(sim, 'GET', `/api/v1/users/${id}`)).status, 200);
  });

  it('windows reset after windowSeconds; limits are configurable over HTTP', async () => {
    for (let i = 0; i < 3; i++) await call(sim, 'GET', '/api/v1/users');
    assert.equal((await call(sim, 'GET', '/api/v1/users')).status, 429);
    sim.advanceClock(60);
    assert.equal((await call(sim, 'GET', '/api/v1/users')).status, 200);
    const changed = await control(sim, 'PUT', '/sim/rate-limits', { usersPerMinute: 1, windowSeconds: 5 });
    assert.equal(changed.body.usersPerMinute, 1);
    assert.equal(changed.body.windowSeconds, 5);
    assert.equal((await call(sim, 'GET', '/api/v1/users')).status, 200);
    assert.equal((await call(sim, 'GET', '/api/v1/users')).status, 429);
    assert.equal((await control(sim, 'PUT', '/sim/rate-limits', { usersPerMinute: 0 })).status, 400);
    sim.control.setRateLimits({ usersPerMinute: 3, windowSeconds: 60 });
  });
});

describe('simulator: faults, request counter and control endpoints', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ seed: 'demo' });
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  it('latency delays matching requests, then answers normally', async () => {
    sim.control.addFault({ path: '/api/v1/users/me', kind: 'latency', latencyMs: 150, count: 1 });
    const started = Date.now();
    assert.equal((await call(sim, 'GET', '/api/v1/users/me')).status, 200);
    assert.ok(Date.now() - started >= 140);
    assert.equal(sim.control.faults().length, 0, 'used up after count');
  });

  it('status faults answer the status with an Okta error body, for `count` requests only', async () => {
    const added = await control(sim, 'POST', '/sim/faults', { path: '/api/v1/users/*/factors', method: 'GET', kind: 'status', status: 503, count: 2 });
    assert.equal(added.status, 201);
    assert.match(added.body.id, /^fault/);
    const id = await userIdOf(sim, 'all.factors@example.com');
    assertOktaError(await call(sim, 'GET', `/api/v1/users/${id}/factors`), 503, 'E0000009');
    assert.equal((await call(sim, 'POST', `/api/v1/users/${id}/factors`, { factorType: 'question', provider: 'OKTA' })).status, 400, 'other methods unaffected');
    assert.equal((await call(sim, 'GET', `/api/v1/users/${id}/factors`)).status, 503);
    assert.equal((await call(sim, 'GET', `/api/v1/users/${id}/factors`)).status, 200);
  });

  it('drop destroys the connection without an answer', async () => {
    sim.control.addFault({ path: '/api/v1/**', kind: 'drop', count: 1 });
    await assert.rejects(call(sim, 'GET', '/api/v1/users'));
    assert.equal((await call(sim, 'GET', '/api/v1/users')).status, 200);
  });

  it('malformed-json and html bodies', async () => {
    sim.control.addFault({ path: '/api/v1/users', kind: 'malformed-json', count: 1 });
    const broken = await call(sim, 'GET', '/api/v1/users');
    assert.equal(broken.status, 200);
    assert.equal(broken.headers.get('content-type'), 'application/json');
    assert.throws(() => JSON.parse(broken.text));
    sim.control.addFault({ path: '/api/v1/users', kind: 'html', status: 502 });
    const html = await call(sim, 'GET', '/api/v1/users');
    assert.equal(html.status, 502);
    assert.match(html.headers.get('content-type')!, /text\/html/);
    assert.match(html.text, /<html>/);
    const listed = await control(sim, 'GET', '/sim/faults');
    assert.equal(listed.body.length, 1);
    assert.equal((await control(sim, 'DELETE', `/sim/faults/${listed.body[0].id}`)).status, 204);
    assert.equal((await call(sim, 'GET', '/api/v1/users')).status, 200);
    assert.equal((await control(sim, 'POST', '/sim/faults', { path: 'no-slash', kind: 'drop' })).status, 400);
    assert.equal((await control(sim, 'POST', '/sim/faults', { path: '/x', kind: 'explode' })).status, 400);
  });

  it('lost-answer: the request is carried out, then the connection drops without an answer', async () => {
    const id = await userIdOf(sim, 'no.factors@example.com');
    sim.control.addFault({ path: '/api/v1/users/*/factors', method: 'POST', kind: 'lost-answer', count: 1 });
    await assert.rejects(call(sim, 'POST', `/api/v1/users/${id}/factors`, { factorType: 'question', provider: 'OKTA', profile: { question: 'first_award', answer: 'lost but made' } }));
    const factors = (await call(sim, 'GET', `/api/v1/users/${id}/factors`)).body as Array<{ factorType: string }>;
    assert.ok(factors.some((f) => f.factorType === 'question'), 'the change was made');
  });

  it('counts requests per method and path', async () => {
    const id = await userIdOf(sim, 'no.factors@example.com');
    sim.control.resetRequestCounts();
    await call(sim, 'POST', `/api/v1/users/${id}/factors`, { factorType: 'question', provider: 'OKTA', profile: { question: 'first_award', answer: 'chess club' } });
    await call(sim, 'GET', `/api/v1/users/${id}/factors`);
    await call(sim, 'GET', `/api/v1/users/${id}/factors`);
    assert.equal(sim.control.requestCount('POST', `/api/v1/users/${id}/factors`), 1);
    const counted = await control(sim, 'GET', `/sim/requests?method=GET&path=${encodeURIComponent(`/api/v1/users/${id}/factors`)}`);
    assert.deepEqual(counted.body, { count: 2 });
    const all = await control(sim, 'GET', '/sim/requests');
    assert.equal(all.body.total, 3);
    assert.equal((await control(sim, 'DELETE', '/sim/requests')).status, 204);
    assert.equal(sim.control.requestCounts().total, 0);
  });

  it('outbox, codes, secrets, clock and reset over HTTP; outbox events', async () => {
    const id = await userIdOf(sim, 'no.factors@example.com');
    const seen: OutboxMessage[] = [];
    sim.events.on('outbox', (m: OutboxMessage) => seen.push(m));
    const factor = (await call(sim, 'POST', `/api/v1/users/${id}/factors`, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1-555-777-8888' } })).body;
    assert.equal(seen.length, 1);
    for (const key of ['channel', 'code', 'expiresAt', 'factorId', 'id', 'purpose', 'sentAt', 'to', 'userId']) assert.ok(key in seen[0], key);
    assert.equal(seen[0].to, '+1-555-777-8888');
    const outbox = await control(sim, 'GET', `/sim/outbox?userId=${id}`);
    assert.deepEqual(outbox.body, [seen[0]]);
    assert.equal((await control(sim, 'GET', `/sim/outbox?channel=email&userId=${id}`)).body.length, 0);
    const code = await control(sim, 'GET', `/sim/users/${id}/factors/${factor.id}/code`);
    assert.deepEqual(code.body, { code: seen[0].code, source: 'outbox' });
    const secrets = await control(sim, 'GET', `/sim/users/${id}/factors/${factor.id}/secrets`);
    assert.equal(secrets.body.pendingCode, seen[0].code);
    const clock = await control(sim, 'POST', '/sim/clock', { advanceSeconds: 30 });
    assert.equal(clock.body.offsetSeconds, 30);
    assert.equal((await control(sim, 'DELETE', '/sim/outbox')).status, 204);
    assert.equal(sim.outbox().length, 0);
    assert.equal((await control(sim, 'POST', '/sim/reset', { seed: 'empty' })).status, 204);
    assert.equal((await control(sim, 'GET', '/sim/clock')).body.offsetSeconds, 0);
    assert.equal((await call(sim, 'GET', '/api/v1/users')).body.length, 1);
    assert.equal((await control(sim, 'POST', '/sim/reset', { seed: 'bogus' })).status, 400);
    sim.reset('demo');
    assert.equal((await control(sim, 'GET', '/sim/nothing')).status, 404);
  });

  it('a throwing event listener does not break the API call', async () => {
    const id = await userIdOf(sim, 'no.factors@example.com');
    const boom = () => {
      throw new Error('listener failed');
    };
    sim.events.on('outbox', boom);
    try {
      const enrolled = await call(sim, 'POST', `/api/v1/users/${id}/factors`, { factorType: 'email', provider: 'OKTA' });
      assert.equal(enrolled.status, 200);
      assert.equal(sim.outbox({ factorId: enrolled.body.id }).length, 1);
    } finally {
      sim.events.off('outbox', boom);
    }
  });

  it('control endpoints are not counted, rate limited or authenticated', async () => {
    sim.control.setRateLimits({ usersPerMinute: 1 });
    for (let i = 0; i < 3; i++) assert.equal((await control(sim, 'GET', '/sim/outbox')).status, 200);
    assert.equal(sim.control.requestCounts().total, 0);
    sim.control.setRateLimits({ usersPerMinute: 600 });
  });
});

describe('simulator: seeds', () => {
  it('demo: ~50 users of every status, deterministic ids, factors of every kind and status', async () => {
    const [a, b] = await Promise.all([startSimulator(), startSimulator()]);
    try {
      const search = encodeURIComponent('id pr');
      const usersA = (await call(a, 'GET', `/api/v1/users?search=${search}`)).body;
      const usersB = (await call(b, 'GET', `/api/v1/users?search=${search}`)).body;
      assert.ok(usersA.length >= 45 && usersA.length <= 60, `${usersA.length} users`);
      assert.deepEqual(usersA.map((u: any) => u.id), usersB.map((u: any) => u.id));
      const statuses = new Set(usersA.map((u: any) => u.status));
      for (const s of ['ACTIVE', 'STAGED', 'PROVISIONED', 'LOCKED_OUT', 'SUSPENDED', 'PASSWORD_EXPIRED', 'RECOVERY', 'DEPROVISIONED']) assert.ok(statuses.has(s), s);
      const pending = await userIdOf(a, 'pending.factors@example.com');
      const factors = (await call(a, 'GET', `/api/v1/users/${pending}/factors`)).body;
      assert.ok(factors.filter((f: any) => f.status === 'PENDING_ACTIVATION').length >= 5);
      const totp = factors.find((f: any) => f.factorType === 'token:software:totp');
      assert.ok(totp._embedded.activation.sharedSecret);
      const sms = factors.find((f: any) => f.factorType === 'sms');
      const activated = await call(a, 'POST', `/api/v1/users/${pending}/factors/${sms.id}/lifecycle/activate`, { passCode: a.currentCode(pending, sms.id).code });
      assert.equal(activated.body.status, 'ACTIVE');
      const admin = await userIdOf(a, 'demo.admin@example.com');
      const question = (await call(a, 'GET', `/api/v1/users/${admin}/factors`)).body.find((f: any) => f.factorType === 'question');
      assert.deepEqual((await call(a, 'POST', `/api/v1/users/${admin}/factors/${question.id}/verify`, { answer: 'simulator' })).body, { factorResult: 'SUCCESS' });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('scale:10000 builds quickly and pages 200 at a time', async () => {
    // CPU time, not wall time: CI machines are shared and busy.
    const cpu = process.cpuUsage();
    const sim = await startSimulator({ seed: 'scale:10000' });
    const used = process.cpuUsage(cpu);
    const elapsed = (used.user + used.system) / 1000;
    try {
      assert.ok(elapsed < 3000, `built with ${elapsed} ms of CPU`);
      const first = await call(sim, 'GET', '/api/v1/users');
      assert.equal(first.body.length, 200);
      const next = links(first.headers.get('link')).next;
      assert.match(next, /after=/);
      const id = first.body[5].id;
      assert.equal((await call(sim, 'GET', `/api/v1/users/${id}/factors`)).body.length, 4);
      const found = await call(sim, 'GET', `/api/v1/users?search=${encodeURIComponent('profile.login eq "user09999@scale.example.com"')}`);
      assert.equal(found.body.length, 1);
    } finally {
      await sim.close();
    }
  });

  it('empty: only the token owner; unknown seeds are refused', async () => {
    const sim = await startSimulator({ seed: 'empty' });
    try {
      const users = (await call(sim, 'GET', '/api/v1/users')).body;
      assert.deepEqual(users.map((u: any) => u.profile.login), ['demo.admin@example.com']);
    } finally {
      await sim.close();
    }
    await assert.rejects(startSimulator({ seed: 'huge' as never }), /Unknown seed/);
  });
});

describe('simulator: CLI', () => {
  it('prints exactly one line with the URL and serves requests', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sim/cli.ts', '--port', '0', '--token', 'cli-token', '--seed', 'empty'], {
      cwd: `${__dirname}/../..`,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      assert.match(line, /^Okta simulator listening on http:\/\/127\.0\.0\.1:\d+\n$/);
      const url = line.trim().split(' ').pop()!;
      const me = await new Promise<number>((resolve, reject) => {
        request(`${url}/api/v1/users/me`, { headers: { Authorization: 'SSWS cli-token' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject).end();
      });
      assert.equal(me, 200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
