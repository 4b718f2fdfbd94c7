// A user's MFA activity against the simulator over real HTTP: what the client did to the user's
// factors (enroll, a wrong code, the right one, unenroll) comes back newest first with its outcome and
// reason; Load older follows the log's next link to the end; another user's events never appear; and
// credentials that may not read the log (an admin without the role, a service app without
// okta.logs.read) get the refusal with what to do.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startSimulator } from '../../sim';
import { UserActivity, ActivityUnavailable, type ActivityPage } from '../../src/changes/userActivity';
import type { OktaClient } from '../../src/okta/client';
import { OktaInputError } from '../../src/okta/errors';
import { createUser, recordingClient, SimHttpControl, type Simulator } from './client-fixtures';

const ORG = 'org-1';
let sim: Simulator;
let control: SimHttpControl;
let client: OktaClient;
let activity: UserActivity;
let counter = 0;

/**
 * The simulator's clock, a second ahead: `until` is now, and an event of this very millisecond
 * would fall outside it (the test runs faster than anything a person does).
 */
const simNow = () => Date.parse(sim.control.clock().now) + 1000;

before(async () => {
  sim = await startSimulator({ port: 0, seed: 'empty' });
  control = new SimHttpControl(sim.url);
});
after(() => sim.close());

beforeEach(async () => {
  await control.reset();
  ({ client } = recordingClient(sim));
  activity = new UserActivity({ clientFor: async () => client, now: simNow });
});

async function newUser(): Promise<string> {
  counter++;
  return (await createUser(sim, `activity.user${counter}@example.com`)).id;
}

/** A code one off the right one: wrong, and not a step of the drift window either. */
const wrongCode = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(code.length, '0');

/** Enroll Google Authenticator, activate it, a wrong code, the right one (a step later), unenroll: all through the client. */
async function exerciseTotp(userId: string): Promise<void> {
  const factor = await client.enrollFactor(userId, { factorType: 'token:software:totp', provider: 'GOOGLE' });
  await client.activateFactor(userId, factor.id, { passCode: await control.code(userId, factor.id) });
  await assert.rejects(client.verifyFactor(userId, factor.id, { passCode: wrongCode(await control.code(userId, factor.id)) }), { errorCode: 'E0000068' });
  sim.control.advanceClock(30); // the activation used this step's code: the next step's is not a replay
  const verified = await client.verifyFactor(userId, factor.id, { passCode: await control.code(userId, factor.id) });
  assert.equal(verified.factorResult, 'SUCCESS');
  await client.unenrollFactor(userId, factor.id);
}

const whats = (page: ActivityPage) => page.entries.map((e) => e.what);

describe('the activity of a user', () => {
  test('newest first, in words, with outcome and reason, the client and who did it', async () => {
    const userId = await newUser();
    await exerciseTotp(userId);
    const page = await activity.recent(ORG, userId);
    // Identity Engine activates the email factor of a user created active: the oldest event.
    assert.deepEqual(whats(page), [
      'Google Authenticator unenrolled',
      'Google Authenticator verified',
      'Google Authenticator verify failed',
      'Google Authenticator activated',
      'Email activated',
    ]);
    const published = page.entries.map((e) => Date.parse(e.published));
    assert.deepEqual(published, [...published].sort((a, b) => b - a), 'newest first');
    const failed = page.entries[2];
    assert.deepEqual([failed.outcome, failed.tone, failed.reason, failed.eventType], ['FAILURE', 'failure', 'INVALID_CREDENTIALS', 'user.authentication.auth_via_mfa']);
    assert.deepEqual(page.entries.map((e) => e.tone), ['success', 'success', 'failure', 'success', 'success']);
    assert.equal(page.entries[0].reason, undefined, '"User reset GOOGLE_OTP factor" is said by the words already');
    assert.match(failed.client ?? '', /127\.0\.0\.1$/, 'the IP the simulator saw');
    assert.equal(failed.actor, 'Demo Admin (demo.admin@example.com)', 'the API token\'s owner did it');
    assert.equal(page.next, undefined, 'one page holds it all');
  });

  test('older pages follow the log\'s next link until it ends, without repeats', async () => {
    const userId = await newUser();
    await exerciseTotp(userId);
    const first = await activity.recent(ORG, userId, { pageSize: 2 });
    assert.deepEqual(whats(first), ['Google Authenticator unenrolled', 'Google Authenticator verified']);
    assert.ok(first.next, 'more events wait');
    const second = await activity.older(ORG, first.next);
    assert.deepEqual(whats(second), ['Google Authenticator verify failed', 'Google Authenticator activated']);
    assert.ok(second.next);
    const third = await activity.older(ORG, second.next);
    assert.deepEqual(whats(third), ['Email activated']);
    assert.equal(third.next, undefined, 'the last page has no next link');
  });

  test('another user\'s events never appear, in either list', async () => {
    const alice = await newUser();
    const bob = await newUser();
    await exerciseTotp(alice);
    const question = await client.enrollFactor(bob, { factorType: 'question', provider: 'OKTA', profile: { question: 'favorite_art_piece', answer: 'mona lisa' } });
    await assert.rejects(client.verifyFactor(bob, question.id, { answer: 'the scream' }), { errorCode: 'E0000068' });
    const bobs = await activity.recent(ORG, bob);
    assert.deepEqual(whats(bobs), ['Security question verify failed', 'Security question activated', 'Email activated']);
    const alices = await activity.recent(ORG, alice);
    assert.equal(alices.entries.length, 5);
    assert.ok(!alices.entries.some((e) => e.factorLabel === 'Security question'));
  });

  test('a user with no MFA event: an empty page, no next link', async () => {
    const page = await activity.recent(ORG, (await client.getUser('me')).id);
    assert.deepEqual(page, { entries: [] });
  });

  test('an id that is not a user id, and a link that is not this org\'s System Log, are refused before any request', async () => {
    await assert.rejects(activity.recent(ORG, '00u" or target.id pr or "'), OktaInputError);
    await assert.rejects(activity.older(ORG, `${sim.url}/api/v1/users?after=x`), OktaInputError);
    await assert.rejects(activity.older(ORG, 'https://elsewhere.example.com/api/v1/logs?after=x'), OktaInputError);
  });
});

describe('credentials that may not read the log', () => {
  test('an API token whose admin has no role that reads the log: the refusal says so and what to do', async () => {
    const userId = await newUser();
    sim.control.setLogSettings({ tokenOwnerMayReadLogs: false });
    const refusal = await activity.recent(ORG, userId).then(() => assert.fail('read the log'), (err: unknown) => err);
    assert.ok(refusal instanceof ActivityUnavailable, String(refusal));
    assert.equal(refusal.reason, 'no-permission');
    assert.match(refusal.message, /may not read the org's System Log/);
    assert.match(refusal.message, /Update Token/);
    assert.match(refusal.message, /okta\.logs\.read/);
  });

  test('a service app without okta.logs.read is refused; with it, the same activity reads', async () => {
    const userId = await newUser();
    await exerciseTotp(userId);
    const withoutScope = await serviceAppClient(['okta.users.read']);
    const refused = new UserActivity({ clientFor: async () => withoutScope, now: simNow });
    await assert.rejects(refused.recent(ORG, userId), (err: unknown) => err instanceof ActivityUnavailable && err.reason === 'no-permission');

    const withScope = await serviceAppClient(['okta.users.read', 'okta.logs.read']);
    const reads = new UserActivity({ clientFor: async () => withScope, now: simNow });
    assert.equal((await reads.recent(ORG, userId)).entries.length, 5);
  });
});

let appCount = 0;

/** A service app registered with these scopes (the Admin Console step) and a client asking for them. */
async function serviceAppClient(scopes: string[]): Promise<OktaClient> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const clientId = `0oaactivity${String(++appCount).padStart(9, '0')}`;
  await sim.control.registerServiceApp({ clientId, jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1' }] }, scopes, requireDpop: false });
  return recordingClient(sim, {
    token: undefined,
    privateKeyAuth: { clientId, privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), keyId: 'k1', scopes },
  }).client;
}
