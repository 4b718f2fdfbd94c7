// Okta's official Node SDK (@okta/okta-sdk-nodejs, `systemLogApi.listLogEvents`) reading the
// simulator's System Log: a bounded query collected over every `next` page until the last, and a
// polling query, whose pages never end, read up to its first empty page (where the SDK's collection
// yields a null) and then again after new events.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client } from '@okta/okta-sdk-nodejs';
import { type RunningSimulator, startSimulator } from '../../sim';
import { call } from './simHelpers';

let sim: RunningSimulator;
let client: Client;

before(async () => {
  sim = await startSimulator({ seed: 'empty' });
  // `testing.disableHttpsCheck` lets the SDK talk to the http loopback URL (not in its typings).
  client = new Client({ orgUrl: sim.url, token: sim.token, testing: { disableHttpsCheck: true } } as ConstructorParameters<typeof Client>[0]);
});

after(async () => {
  await sim?.close();
});

let counter = 0;
async function newUser(): Promise<string> {
  const login = `sdk.logs${++counter}@example.com`;
  const reply = await call(sim, 'POST', '/api/v1/users?activate=false', { profile: { firstName: 'Sdk', lastName: 'Logs', email: login, login } });
  assert.equal(reply.status, 200, reply.text);
  return login;
}

/** The SDK's items up to the end of the collection or its first empty page (a null item), at most `max`. */
async function collect(collection: AsyncIterable<unknown>, max = 100): Promise<any[]> {
  const items: any[] = [];
  for await (const item of collection) {
    if (item === null || items.length >= max) break;
    items.push(item);
  }
  return items;
}

test('a bounded query: every page, in published order, and then the end', async () => {
  const logins = [await newUser(), await newUser(), await newUser()];
  const now = Date.parse(sim.control.clock().now);
  const events = await collect(await client.systemLogApi.listLogEvents({
    since: new Date(now - 60_000).toISOString(), until: new Date(now + 60_000).toISOString(), limit: 2,
  }));
  assert.deepEqual(events.map((e) => e.target[0].alternateId), logins);
  assert.ok(events.every((e) => e.eventType === 'user.lifecycle.create' && e.published instanceof Date));
  const descending = await collect(await client.systemLogApi.listLogEvents({
    since: new Date(now - 60_000).toISOString(), until: new Date(now + 60_000).toISOString(), sortOrder: 'DESCENDING',
  }));
  assert.deepEqual(descending.map((e) => e.target[0].alternateId), [...logins].reverse());
});

test('a polling query: its pages run to an empty one; a filter narrows them', async () => {
  const before = await collect(await client.systemLogApi.listLogEvents({ limit: 2 }));
  const login = await newUser();
  const filtered = await collect(await client.systemLogApi.listLogEvents({ filter: `target.alternateId eq "${login}"` }));
  assert.deepEqual(filtered.map((e) => e.target[0].alternateId), [login]);
  const all = await collect(await client.systemLogApi.listLogEvents({ limit: 2 }));
  assert.equal(all.length, before.length + 1);
});

test('a refused query is the SDK\'s OktaApiError with Okta\'s error', async () => {
  await assert.rejects(client.systemLogApi.listLogEvents({ filter: 'published gt "2020-01-01T00:00:00Z"' }).then((c) => collect(c)),
    (error: any) => error.status === 400 && error.errorCode === 'E0000053' && /field is not valid: published/.test(error.errorSummary));
});
