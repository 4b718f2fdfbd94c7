// The client's System Log calls against the simulator over loopback HTTP: a polling cursor taken
// from a first query, changes made, the `next` link followed to see exactly them (and nothing twice);
// a bounded query to its last page; the refusals (an admin without the role, a service app without
// okta.logs.read, a `since` too old) as OktaApiError read by the catalogue; its own rate-limit bucket;
// and `next` links to another origin or endpoint refused before anything is sent.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startSimulator } from '../../sim';
import { OktaClient } from '../../src/okta/client';
import { logRefusalOf } from '../../src/okta/errorCodes';
import { OktaApiError, OktaInputError } from '../../src/okta/errors';
import type { LogEvent } from '../../src/okta/models';
import { assertTokenFree, createUser, recordingClient, rejection, SimHttpControl, type RecordingClient, type Simulator } from './client-fixtures';

let sim: Simulator;
let control: SimHttpControl;
let recording: RecordingClient;
let client: OktaClient;

before(async () => {
  sim = await startSimulator({ seed: 'empty' });
  control = new SimHttpControl(sim.url);
});

after(async () => {
  await sim?.close();
});

beforeEach(async () => {
  await control.reset();
  recording = recordingClient(sim);
  client = recording.client;
});

let counter = 0;
const newLogin = () => `client.logs${++counter}@example.com`;
const types = (events: LogEvent[]) => events.map((e) => e.eventType);
const nowIso = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString();

async function settings(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sim.url}/sim/logs/settings`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(response.status, 200, await response.text());
}

describe('polling', () => {
  test('a cursor from a first query, then exactly the changes made since, each once', async () => {
    const before = await createUser(sim, newLogin());
    const first = await client.listLogEvents({ sortOrder: 'ASCENDING', limit: 1000 });
    assert.ok(types(first.events).includes('user.lifecycle.create'));
    assert.ok(first.next?.startsWith(`${sim.url}/api/v1/logs?`), first.next);

    const user = await createUser(sim, newLogin());
    const factor = await client.enrollFactor(user.id, { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'mayonnaise' } });
    await client.unenrollFactor(user.id, factor.id);
    const page = await client.logEventsAt(first.next!);
    assert.deepEqual(types(page.events), [
      'user.lifecycle.create', 'user.lifecycle.activate', 'user.mfa.factor.activate', 'user.mfa.factor.activate', 'user.mfa.factor.deactivate',
    ]);
    assert.ok(page.events.every((e) => e.target?.some((t) => t.type === 'User' && t.id === user.id)));
    assert.ok(!page.events.some((e) => e.target?.some((t) => t.id === before.id)));
    const factorEvents = page.events.filter((e) => e.eventType?.startsWith('user.mfa.factor'));
    assert.deepEqual(factorEvents.map((e) => e.outcome?.reason), ['User set up EMAIL_FACTOR factor', 'User set up SECURITY_QUESTION factor', 'User reset SECURITY_QUESTION factor']);
    assert.ok(page.events.every((e) => e.transaction?.detail?.requestApiTokenId), 'the token that made the change is named');

    const quiet = await client.logEventsAt(page.next!);
    assert.deepEqual(quiet.events, []);
    assert.ok(quiet.next, 'an empty polling page still has a next link');
  });

  test('pages of a filtered poll are followed to the present; the same cursor later shows only what is new', async () => {
    const filter = 'eventType eq "user.lifecycle.create"';
    const start = await client.listLogEvents({ filter, limit: 2 });
    assert.deepEqual(start.events, []);
    const logins = [newLogin(), newLogin(), newLogin()];
    for (const login of logins) await createUser(sim, login);
    const seen: string[] = [];
    let next = start.next!;
    for (let pages = 0; pages < 10; pages++) {
      const page = await client.logEventsAt(next);
      next = page.next!;
      seen.push(...page.events.map((e) => e.target![0].alternateId!));
      if (page.events.length < 2) break;
    }
    assert.deepEqual(seen, logins);
    const later = newLogin();
    await createUser(sim, later);
    assert.deepEqual((await client.logEventsAt(next)).events.map((e) => e.target![0].alternateId), [later]);
  });

  test('the log has its own rate-limit bucket in the client\'s throttle', async () => {
    await client.listLogEvents({ limit: 1 });
    await client.listUsersPage({ limit: 1 });
    const buckets = recording.rateLimits.map((s) => `${s.bucket} ${s.limit}`);
    assert.deepEqual(buckets, ['/api/v1/logs 120', '/api/v1/users 600']);
  });
});

describe('bounded', () => {
  test('since and until: pages in published order to the last, which has no next link; DESCENDING reversed', async () => {
    const logins = [newLogin(), newLogin(), newLogin()];
    for (const login of logins) await createUser(sim, login);
    const range = { since: nowIso(-60_000), until: nowIso(60_000), filter: 'eventType eq "user.lifecycle.create"' };
    const first = await client.listLogEvents({ ...range, limit: 2 });
    assert.equal(first.events.length, 2);
    assert.ok(first.next);
    const second = await client.logEventsAt(first.next);
    assert.equal(second.next, undefined);
    assert.deepEqual([...first.events, ...second.events].map((e) => e.target![0].alternateId), logins);
    const descending = await client.listLogEvents({ ...range, sortOrder: 'DESCENDING' });
    assert.deepEqual(descending.events.map((e) => e.target![0].alternateId), [...logins].reverse());
    assert.equal(descending.next, undefined);
  });

  test('keywords and a limit of 0 reach the log as given', async () => {
    const login = newLogin();
    await createUser(sim, login);
    const found = await client.listLogEvents({ q: login, since: nowIso(-60_000), until: nowIso(60_000) });
    assert.ok(found.events.length >= 2 && found.events.every((e) => e.target?.[0]?.alternateId === login));
    assert.deepEqual((await client.listLogEvents({ limit: 0 })).events, []);
  });
});

describe('refusals', () => {
  test('an admin without a role that reads the log: 403 E0000006, read by the catalogue as no permission', async () => {
    await settings({ tokenOwnerMayReadLogs: false });
    const error = await rejection(client.listLogEvents({ limit: 10 }));
    assert.ok(error instanceof OktaApiError);
    assert.equal(error.status, 403);
    assert.equal(error.errorCode, 'E0000006');
    assert.equal(logRefusalOf(error)?.reason, 'no-permission');
    assertTokenFree(error, sim.token, 'the error');
  });

  test('a since over 180 days ago: 400 E0000053 in Okta\'s words, a refused cursor to the catalogue', async () => {
    const error = await rejection(client.listLogEvents({ since: nowIso(-181 * 86_400_000) }));
    assert.ok(error instanceof OktaApiError);
    assert.equal(error.errorCode, 'E0000053');
    assert.match(error.message, /since parameter is over 180 days/);
    assert.equal(logRefusalOf(error)?.reason, 'cursor-refused');
    assert.equal(logRefusalOf(new Error('network down')), undefined);
  });

  test('a service app without okta.logs.read is refused; with it, it reads the log', async () => {
    const app = async (clientId: string, scopes: string[]) => {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const response = await fetch(`${sim.url}/sim/service-apps`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ clientId, jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1' }] }, scopes, requireDpop: true }),
      });
      assert.equal(response.status, 201, await response.text());
      return new OktaClient({
        orgUrl: sim.url, timeoutMs: 3000,
        privateKeyAuth: { clientId, privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), keyId: 'k1', scopes },
      });
    };
    const without = await app('0oaclientlogs0000001', ['okta.users.read']);
    const error = await rejection(without.listLogEvents({ limit: 1 }));
    assert.ok(error instanceof OktaApiError);
    assert.equal(error.errorCode, 'E0000006');
    assert.equal(logRefusalOf(error)?.reason, 'no-permission');
    const reader = await app('0oaclientlogs0000002', ['okta.logs.read']);
    const page = await reader.listLogEvents({ limit: 1 });
    assert.ok(page.next);
  });

  test('a next link to another origin or another endpoint is refused before anything is sent', async () => {
    const { next } = await client.listLogEvents({ limit: 1 });
    const sent = recording.log.length;
    const foreign = [
      next!.replace(sim.url, 'https://evil.example.com'),
      next!.replace(sim.url, sim.url.replace('127.0.0.1', 'localhost')),
      next!.replace('/api/v1/logs', '/api/v1/users'),
      next!.replace('/api/v1/logs', '/api/v1/logs/../users'),
      'javascript:alert(1)',
    ];
    for (const href of foreign) {
      const error = await rejection(client.logEventsAt(href));
      assert.ok(error instanceof OktaInputError, `${href}: ${String(error)}`);
      assertTokenFree(error, sim.token, 'the refusal');
    }
    assert.equal(recording.log.length, sent, 'nothing was sent');
  });
});
