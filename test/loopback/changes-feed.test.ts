// The System Log as a change feed, against the simulator over loopback HTTP: every user changed
// through the API between two looks is named, none twice; events that reach the log late are named
// by a later look; a lost or too old cursor, and credentials that may not read the log, are the
// reasons for a full read. Following an org live: changes others made are announced, the
// extension's own (announced when made) are not announced again.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startSimulator } from '../../sim';
import { ChangeFeed, FeedUnavailable } from '../../src/changes/changeFeed';
import { LiveChanges } from '../../src/changes/liveChanges';
import { generateKeyPairSync } from 'node:crypto';
import { OktaClient } from '../../src/okta/client';
import { factorWorkflows } from '../support/factorWorkflows';
import { createUser, recordingClient, SimHttpControl, type Simulator } from './client-fixtures';

const ORG = 'org-1';
let sim: Simulator;
let control: SimHttpControl;
let client: OktaClient;
let feed: ChangeFeed;

before(async () => {
  sim = await startSimulator({ seed: 'empty' });
  control = new SimHttpControl(sim.url);
});

after(async () => {
  await sim?.close();
});

beforeEach(async () => {
  await control.reset();
  client = recordingClient(sim).client;
  feed = new ChangeFeed({ clientFor: async () => client });
});

let counter = 0;
const newUser = () => createUser(sim, `feed.user${++counter}@example.com`);
const question = (userId: string) => client.enrollFactor(userId, { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'mayonnaise' } });

/** A client of a service app registered here (the Admin Console step), with a key made here. */
async function serviceAppClient(): Promise<OktaClient> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const clientId = `0oafeed${String(++counter).padStart(13, '0')}`;
  const scopes = ['okta.users.read', 'okta.users.manage'];
  const response = await fetch(`${sim.url}/sim/service-apps`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientId, jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1' }] }, scopes, requireDpop: false }),
  });
  assert.equal(response.status, 201, await response.text());
  return new OktaClient({ orgUrl: sim.url, privateKeyAuth: { clientId, privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), keyId: 'k1', scopes } });
}

async function logSettings(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sim.url}/sim/logs/settings`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(response.status, 200, await response.text());
}

describe('the feed', () => {
  test('names every user changed between two looks, each once, and the next look nothing', async () => {
    const [a, b, c, untouched] = [await newUser(), await newUser(), await newUser(), await newUser()];
    const cursor = await feed.open(ORG);
    const factor = await question(a.id); // activate
    await client.unenrollFactor(a.id, factor.id); // deactivate: a twice, named once
    await client.enrollFactor(b.id, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+15555550100' } }, { activate: true });
    await client.resetFactors(c.id);
    await client.changeUserLifecycle(c.id, 'suspend');
    // A pending enrollment leaves no event: the look cannot see it (said in the UI).
    await client.enrollFactor(untouched.id, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+15555550101' } });

    const look = await feed.look(ORG, cursor);
    assert.deepEqual(look.changes.map((change) => change.userId).sort(), [a.id, b.id, c.id].sort());
    const ofC = look.changes.find((change) => change.userId === c.id)!;
    assert.equal(ofC.factors, true);
    assert.equal(ofC.lifecycle, 'user.lifecycle.suspend');
    assert.equal(look.pages, 1);

    const again = await feed.look(ORG, look.cursor);
    assert.deepEqual(again.changes, [], 'nothing twice');
    await question(b.id);
    assert.deepEqual((await feed.look(ORG, again.cursor)).changes.map((change) => change.userId), [b.id]);
  });

  test('an event that reaches the log late is named by a later look', async () => {
    const user = await newUser();
    const cursor = await feed.open(ORG);
    await logSettings({ delaySeconds: 30 });
    await question(user.id);
    const early = await feed.look(ORG, cursor);
    assert.deepEqual(early.changes, []);
    sim.control.advanceClock(31);
    const late = await feed.look(ORG, early.cursor);
    assert.deepEqual(late.changes.map((change) => change.userId), [user.id]);
  });

  test('no cursor, or one older than the log keeps, is a reason to read the whole org', async () => {
    await assert.rejects(feed.look(ORG, undefined), (err: unknown) => err instanceof FeedUnavailable && err.reason === 'no-cursor');
    const cursor = await feed.open(ORG);
    const old = { ...cursor, openedAt: new Date(Date.now() - 91 * 24 * 3600_000).toISOString() };
    await assert.rejects(feed.look(ORG, old), (err: unknown) => err instanceof FeedUnavailable && err.reason === 'cursor-too-old' && /90 days/.test(err.message));
  });

  test('credentials that may not read the log: the reason, in words, and no crawl of the log', async () => {
    await logSettings({ tokenOwnerMayReadLogs: false });
    await assert.rejects(feed.open(ORG), (err: unknown) => err instanceof FeedUnavailable && err.reason === 'no-permission');
  });
});

describe('following an org live', () => {
  test('changes others made are announced; the extension\'s own are not announced twice', async () => {
    const [mine, theirs] = [await newUser(), await newUser()];
    const { factors, changes } = factorWorkflows(async () => client);
    const announced: string[] = [];
    changes.event(({ userId }) => announced.push(userId));
    const live = new LiveChanges({
      feed, changes, log: () => undefined,
      serverAheadAtMostMs: async () => client.serverClockOffset().high,
      ownActorId: async () => (await client.getUser('me')).id,
    });
    assert.deepEqual((await live.poll(ORG)).announced, [], 'the first poll opens the cursor');

    await factors.enroll({ orgId: ORG, user: { ...mine, status: 'ACTIVE' } }, { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'mayonnaise' } }, {});
    assert.deepEqual(announced, [mine.id], 'announced by the enroll itself');
    // A change by another principal (a service app, as a CI job would use) is theirs, whenever it happened.
    const app = await serviceAppClient();
    await app.enrollFactor(theirs.id, { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'mayonnaise' } });
    const result = await live.poll(ORG);
    assert.deepEqual(result.announced, [theirs.id]);
    assert.equal(result.own, 1);
    assert.deepEqual(announced, [mine.id, theirs.id]);
  });

  test('an org whose log may not be read is not asked again until forgotten', async () => {
    await logSettings({ tokenOwnerMayReadLogs: false });
    const { changes } = factorWorkflows(async () => client);
    const lines: string[] = [];
    const live = new LiveChanges({ feed, changes, log: (line) => lines.push(line), serverAheadAtMostMs: async () => 0, ownActorId: async () => undefined });
    assert.equal((await live.poll(ORG)).unavailable, 'no-permission');
    assert.equal(lines.length, 1);
    await logSettings({ tokenOwnerMayReadLogs: true });
    assert.equal((await live.poll(ORG)).unavailable, 'no-permission', 'not asked again');
    live.forget(ORG);
    assert.equal((await live.poll(ORG)).unavailable, undefined);
  });
});
