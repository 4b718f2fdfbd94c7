// Injected faults (5xx, dropped connection, malformed JSON, HTML body, latency past the timeout):
// GETs are retried and recover; requests with side effects are sent exactly once and fail clearly.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startSimulator } from '../../sim';
import { OktaClient } from '../../src/okta/client';
import { isCancellation, OktaApiError, OktaNetworkError } from '../../src/okta/errors';
import { closedPort } from '../support/closedPort';
import { createUser, recordingClient, rejection, SimHttpControl, sleep, type RecordingClient, type Simulator } from './client-fixtures';

let sim: Simulator;
let control: SimHttpControl;
let rec: RecordingClient;
let userId: string;
let n = 0;

before(async () => {
  sim = await startSimulator({ port: 0, seed: 'empty', engine: 'classic' });
  control = new SimHttpControl(sim.url);
});

after(async () => {
  await sim.close();
});

beforeEach(async () => {
  await control.clearFaults();
  n++;
  userId = (await createUser(sim, `faults${n}@example.com`, { mobilePhone: `+1-555-040-${1000 + n}` })).id;
  rec = recordingClient(sim, { maxRetries: 2, timeoutMs: 500 });
  await control.resetRequestCounts();
});

const factorsPath = () => `/api/v1/users/${userId}/factors`;

describe('GET: transient faults are retried with backoff and recover', () => {
  for (const fault of [
    { kind: 'status' as const, status: 500 }, { kind: 'status' as const, status: 503 }, { kind: 'drop' as const },
    { kind: 'malformed-json' as const }, { kind: 'html' as const }, { kind: 'html' as const, status: 502 },
  ]) {
    test(`${fault.kind}${fault.status ? ` ${fault.status}` : ''} twice, then success`, async () => {
      await control.addFault({ path: factorsPath(), method: 'GET', count: 2, ...fault });
      assert.deepEqual(await rec.client.listFactors(userId), []);
      assert.equal(await control.requestCount('GET', factorsPath()), 3);
      assert.deepEqual(rec.log.map((e) => e.attempt), [1, 2, 3]);
      assert.equal(rec.log.at(-1)?.status, 200);
      assert.ok(rec.log.slice(0, 2).every((e) => e.error), 'failed attempts are logged with their error');
    });
  }

  test('a persistent 5xx fails after maxRetries with Okta\'s error', async () => {
    await control.addFault({ path: factorsPath(), method: 'GET', kind: 'status', status: 500 });
    const error = await rejection(rec.client.listFactors(userId));
    assert.ok(error instanceof OktaApiError);
    assert.equal(error.status, 500);
    assert.match(error.message, /HTTP 500/);
    assert.equal(await control.requestCount('GET', factorsPath()), 3);
  });

  test('a persistent dropped connection fails as a connection error', async () => {
    await control.addFault({ path: factorsPath(), method: 'GET', kind: 'drop' });
    const error = await rejection(rec.client.listFactors(userId));
    assert.ok(error instanceof OktaNetworkError);
    assert.equal(error.kind, 'connection');
    assert.match(error.message, /^The connection to 127\.0\.0\.1:\d+ was dropped before Okta answered\.$/);
    assert.equal(error.method, 'GET');
    assert.equal(error.path, factorsPath());
    assert.equal(await control.requestCount('GET', factorsPath()), 3);
  });

  test('a persistent malformed body fails as an invalid response', async () => {
    await control.addFault({ path: factorsPath(), method: 'GET', kind: 'malformed-json' });
    const error = await rejection(rec.client.listFactors(userId));
    assert.ok(error instanceof OktaNetworkError);
    assert.equal(error.kind, 'invalid-response');
    assert.match(error.message, /^Okta answered HTTP 200 but the body is malformed JSON instead of the expected JSON array\.$/);
  });

  test('a persistent HTML page with 200 names its content type', async () => {
    await control.addFault({ path: factorsPath(), method: 'GET', kind: 'html' });
    const error = await rejection(rec.client.listFactors(userId));
    assert.ok(error instanceof OktaNetworkError && error.kind === 'invalid-response');
    assert.match(error.message, /body is text\/html content/);
  });

  test('a proxy HTML 502 is an OktaApiError without an Okta code', async () => {
    await control.addFault({ path: factorsPath(), method: 'GET', kind: 'html', status: 502 });
    const error = await rejection(rec.client.listFactors(userId));
    assert.ok(error instanceof OktaApiError);
    assert.equal(error.status, 502);
    assert.equal(error.errorCode, undefined);
    assert.match(error.message, /^Okta answered HTTP 502 Bad Gateway with text\/html instead of an Okta error\. A proxy or gateway/);
  });

  test('latency past the timeout: a timeout error, not retried', async () => {
    await control.addFault({ path: factorsPath(), method: 'GET', kind: 'latency', latencyMs: 3000 });
    const started = Date.now();
    const error = await rejection(rec.client.listFactors(userId));
    assert.ok(error instanceof OktaNetworkError);
    assert.equal(error.kind, 'timeout');
    assert.equal(error.message, `Okta (${new URL(sim.url).host}) did not answer within 0.5 s.`);
    assert.ok(Date.now() - started < 2500, 'did not wait for the slow answer');
    assert.equal(await control.requestCount('GET', factorsPath()), 1);
  });

  test('latency within the timeout just succeeds', async () => {
    await control.addFault({ path: factorsPath(), method: 'GET', kind: 'latency', latencyMs: 100 });
    assert.deepEqual(await rec.client.listFactors(userId), []);
  });

  test('the caller cancels (AbortSignal): a cancellation, quickly, not retried', async () => {
    await control.addFault({ path: factorsPath(), method: 'GET', kind: 'latency', latencyMs: 400 });
    const controller = new AbortController();
    const call = rec.client.listFactors(userId, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(call);
    assert.ok(isCancellation(error));
    assert.equal(rec.log.length, 1);
    const pre = new AbortController();
    pre.abort();
    assert.ok(isCancellation(await rejection(rec.client.getUser(userId, { signal: pre.signal }))));
  });
});

describe('side effects are never repeated (except after a 429)', () => {
  const sms = () => ({ factorType: 'sms' as const, provider: 'OKTA', profile: { phoneNumber: `+1-555-050-${1000 + n}` } });

  for (const fault of [
    { kind: 'status' as const, status: 500 }, { kind: 'status' as const, status: 503 }, { kind: 'drop' as const },
    { kind: 'malformed-json' as const }, { kind: 'html' as const }, { kind: 'html' as const, status: 502 },
  ]) {
    test(`enroll with ${fault.kind}${fault.status ? ` ${fault.status}` : ''}: sent once, clear error`, async () => {
      await control.addFault({ path: factorsPath(), method: 'POST', count: 1, ...fault });
      const error = await rejection(rec.client.enrollFactor(userId, sms()));
      assert.ok(error instanceof OktaApiError || error instanceof OktaNetworkError, String(error));
      if (error instanceof OktaNetworkError) {
        assert.match(error.message, /may have been made anyway; refresh to check/);
      }
      assert.equal(await control.requestCount('POST', factorsPath()), 1);
      assert.equal(rec.log.length, 1);
    });
  }

  test('verify, activate, resend and unenroll with a 500: each sent once', async () => {
    const factor = await rec.client.enrollFactor(userId, sms(), { activate: true });
    const factorPath = `${factorsPath()}/${factor.id}`;
    await control.addFault({ path: `${factorPath}/**`, method: 'POST', kind: 'status', status: 500 });
    await control.addFault({ path: factorPath, method: 'DELETE', kind: 'status', status: 500 });
    await control.resetRequestCounts();
    const calls: Array<[string, string, () => Promise<unknown>]> = [
      ['POST', `${factorPath}/verify`, () => rec.client.verifyFactor(userId, factor.id)],
      ['POST', `${factorPath}/lifecycle/activate`, () => rec.client.activateFactor(userId, factor.id, { passCode: '123456' })],
      ['POST', `${factorPath}/resend`, () => rec.client.resendEnrollFactor(userId, factor.id, sms())],
      ['DELETE', factorPath, () => rec.client.unenrollFactor(userId, factor.id)],
    ];
    for (const [method, path, call] of calls) {
      const error = await rejection(call());
      assert.ok(error instanceof OktaApiError && error.status === 500, `${method} ${path}: ${String(error)}`);
      assert.equal(await control.requestCount(method, path), 1, `${method} ${path}`);
    }
    assert.equal((await control.outbox({ factorId: factor.id })).length, 0, 'no code sent');
  });

  test('enroll that times out is not repeated: exactly one factor exists afterwards', async () => {
    await control.addFault({ path: factorsPath(), method: 'POST', kind: 'latency', latencyMs: 800, count: 1 });
    const error = await rejection(rec.client.enrollFactor(userId, sms()));
    assert.ok(error instanceof OktaNetworkError && error.kind === 'timeout');
    assert.match(error.message, /did not answer within 0\.5 s\. The change may have been made anyway; refresh to check before retrying\./);
    // The server finishes the enroll after the client gave up: wait for it, then check it happened once.
    const deadline = Date.now() + 10_000;
    while ((await rec.client.listFactors(userId)).length === 0 && Date.now() < deadline) await sleep(50);
    assert.equal(await control.requestCount('POST', factorsPath()), 1);
    assert.equal((await rec.client.listFactors(userId)).length, 1);
    assert.equal((await control.outbox({ userId })).length, 1, 'exactly one SMS');
  });
});

describe('unreachable org', () => {
  test('connection refused: a clear connection error after bounded GET retries', async () => {
    const port = await closedPort();
    const log: unknown[] = [];
    const client = new OktaClient({ orgUrl: `http://127.0.0.1:${port}`, token: 'tok-refused-1234', maxRetries: 2, retryBaseDelayMs: 10, onRequest: (e) => log.push(e) });
    const error = await rejection(client.getUser('me'));
    assert.ok(error instanceof OktaNetworkError && error.kind === 'connection');
    assert.equal(error.message, `Could not connect to 127.0.0.1:${port}: the connection was refused.`);
    assert.equal(log.length, 3);
    const post = await rejection(client.verifyFactor('00u1', 'f1'));
    assert.ok(post instanceof OktaNetworkError);
    assert.equal(log.length, 4, 'POST not retried');
  });
});
