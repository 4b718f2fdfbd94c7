// Test users as code against the simulator over real HTTP: a file applied to an empty org, applied
// again (nothing to do), drift repaired, prune only when asked, and a fault part way (each user done,
// failed or untouched; a retry after a lost answer does nothing twice).
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { DEMO_ADMIN_LOGIN, startSimulator } from '../../sim';
import { PasskeyAuthenticator } from '../../src/authenticator/passkey/passkeyAuthenticator';
import { TotpAuthenticator } from '../../src/authenticator/totpAuthenticator';
import { failedUnits, runBulk, type BulkSummary } from '../../src/factors/bulkWork';
import { FixtureWorkflow, type PlannedFixtures } from '../../src/fixtures/fixtureWorkflow';
import { parseFixtures } from '../../src/fixtures/parseFixtures';
import { neededSecrets, resolveSecrets } from '../../src/fixtures/planSecrets';
import type { FixturesFile } from '../../src/fixtures/fixtureModel';
import type { RequestLogEntry } from '../../src/okta/client';
import { InMemorySecretStore } from '../../src/orgs/secretStore';
import { UserDirectory } from '../../src/users/userDirectory';
import { factorWorkflows } from '../support/factorWorkflows';
import { recordingClient, type Simulator } from './client-fixtures';

const ORG_ID = 'org-1';
const ENV = { ALICE_PASSWORD: 'Tr0ub4dour&3-alice', ALICE_ANSWER: 'brussels sprouts', BOB_PASSWORD: 'Tr0ub4dour&3-bob' };

const FILE = `
version: 1
users:
  - login: alice@example.com
    firstName: Alice
    lastName: Tester
    password: { env: ALICE_PASSWORD }
    factors:
      - type: question
        question: disliked_food
        answer: { env: ALICE_ANSWER }
      - type: google-totp
      - type: sms
        phone: "+15555550123"
  - login: bob@example.com
    firstName: Bob
    lastName: Pending
    password: { env: BOB_PASSWORD }
    factors:
      - type: sms
        phone: "+15555550124"
        status: PENDING_ACTIVATION
      - type: custom-totp
        profile: Entrust Datacard
  - login: carol@example.com
    firstName: Carol
    lastName: Passkey
    password: { env: ALICE_PASSWORD }
    factors:
      - type: passkey
  - login: dave@example.com
    firstName: Dave
    lastName: Nomfa
    status: STAGED
    factors: []
`;

let sim: Simulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function parsed(text: string): FixturesFile {
  const { fixtures, problems } = parseFixtures(text, 'yaml');
  assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
  return fixtures!;
}

async function setup() {
  sim = await startSimulator({ port: 0, seed: 'empty', rateLimits: { usersPerMinute: 60, windowSeconds: 1 } });
  const { client, log } = recordingClient(sim, { maxConcurrent: 6 });
  const clientFor = async () => client;
  const totp = new TotpAuthenticator(new InMemorySecretStore());
  const passkeyStore = new PasskeyAuthenticator(new InMemorySecretStore());
  const { factors, changes } = factorWorkflows(clientFor, { totp, passkeys: passkeyStore });
  const kept = async (orgId: string, userId: string) => [...await totp.factorsWithSecrets(orgId), ...await passkeyStore.factorsWithSecrets(orgId)]
    .filter((ref) => ref.userId === userId).map((ref) => ref.factorId);
  const workflow = new FixtureWorkflow({ users: new UserDirectory(clientFor), factors: Object.assign(factors, { changes }), keptSecretFactorIds: kept });
  const org = { label: 'Sim org', url: sim.url };
  return { sim, client, log, workflow, org };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function plan(s: Setup, file: FixturesFile, prune?: boolean): Promise<PlannedFixtures> {
  return s.workflow.plan(ORG_ID, s.org, file, prune === undefined ? {} : { prune });
}

async function apply(s: Setup, planned: PlannedFixtures): Promise<BulkSummary> {
  const secrets = await resolveSecrets(neededSecrets(planned.plan), { env: ENV, ask: async () => undefined });
  assert.ok(secrets.ok, 'every secret is in the environment');
  return runBulk(s.workflow.units(planned, secrets.values));
}

const writes = (log: readonly RequestLogEntry[]) => log.filter((e) => e.method !== 'GET');

test('from an empty org: created as the file says; a second plan finds nothing to do, with reads only', async () => {
  const s = await setup();
  const file = parsed(FILE);
  const first = await plan(s, file);
  assert.deepEqual(first.plan.users.map((u) => u.steps[0]?.kind), ['createUser', 'createUser', 'createUser', 'createUser']);
  const summary = await apply(s, first);
  assert.deepEqual(summary.failed.map((f) => `${f.unit.label}: ${f.reason}`), []);
  assert.equal(summary.done.length, 4);

  const alice = await s.client.getUser('alice@example.com');
  assert.equal(alice.status, 'ACTIVE');
  const aliceFactors = await s.client.listFactors(alice.id);
  const kinds = (factors: typeof aliceFactors) => factors.filter((f) => f.factorType !== 'email')
    .map((f) => `${f.factorType}/${f.provider}/${f.status}`).sort();
  assert.ok(kinds(aliceFactors).includes('question/OKTA/ACTIVE'));
  assert.ok(kinds(aliceFactors).includes('token:software:totp/GOOGLE/ACTIVE'));
  assert.ok(kinds(aliceFactors).includes('sms/OKTA/ACTIVE'));
  const bob = await s.client.getUser('bob@example.com');
  assert.deepEqual(kinds(await s.client.listFactors(bob.id)).filter((k) => !k.startsWith('question')), ['sms/OKTA/PENDING_ACTIVATION', 'token:hotp/CUSTOM/ACTIVE']);
  const carol = await s.client.getUser('carol@example.com');
  assert.deepEqual((await s.client.listFactors(carol.id)).filter((f) => f.factorType === 'webauthn').map((f) => f.status), ['ACTIVE']);
  assert.equal((await s.client.getUser('dave@example.com')).status, 'STAGED');

  s.log.length = 0;
  const second = await plan(s, file);
  assert.equal(second.plan.changes, 0, JSON.stringify(second.plan.users.flatMap((u) => u.steps.map((step) => `${u.login}: ${step.description}`))));
  assert.deepEqual(writes(s.log), [], 'a plan only reads');
  assert.equal((await apply(s, second)).done.length, 0, 'nothing to apply');
});

test('drift repaired: a factor unenrolled and a phone changed behind the file\'s back come back; others stay untouched', async () => {
  const s = await setup();
  const file = parsed(FILE);
  await apply(s, await plan(s, file));
  const alice = await s.client.getUser('alice@example.com');
  const question = (await s.client.listFactors(alice.id)).find((f) => f.factorType === 'question' && f.provider === 'OKTA')!;
  await s.client.unenrollFactor(alice.id, question.id);
  const bob = await s.client.getUser('bob@example.com');
  const bobSms = (await s.client.listFactors(bob.id)).find((f) => f.factorType === 'sms')!;
  await s.client.unenrollFactor(bob.id, bobSms.id);
  await s.client.enrollFactor(bob.id, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+15555550999' } });

  // Okta sends one code per phone every 30 s: the first apply's code to bob's phone went out moments ago.
  s.sim.control.advanceClock(31);
  const drift = await plan(s, file);
  const stepsOf = (login: string) => drift.plan.users.find((u) => u.login === login)!.steps.map((step) => step.kind);
  assert.deepEqual(stepsOf('alice@example.com'), ['enrollFactor']);
  // A pending phone is replaced in place (updatePhone): Okta offers no delete for a pending factor.
  assert.deepEqual(stepsOf('bob@example.com'), ['enrollFactor']);
  assert.deepEqual(stepsOf('carol@example.com'), []);
  const summary = await apply(s, drift);
  assert.deepEqual(summary.failed, []);
  assert.deepEqual(summary.done.map((d) => d.unit.label).sort(), ['alice@example.com', 'bob@example.com']);
  const phones = (await s.client.listFactors(bob.id)).filter((f) => f.factorType === 'sms').map((f) => f.profile?.phoneNumber);
  assert.deepEqual(phones, ['+15555550124']);
  assert.equal((await plan(s, file)).plan.changes, 0);
});

test('prune only when asked: a factor the file does not name stays, until prune is on', async () => {
  const s = await setup();
  const file = parsed(FILE);
  await apply(s, await plan(s, file));
  const carol = await s.client.getUser('carol@example.com');
  await s.client.enrollFactor(carol.id, { factorType: 'call', provider: 'OKTA', profile: { phoneNumber: '+15555550777' } }, { activate: true });
  const kept = await plan(s, file);
  assert.equal(kept.plan.changes, 0, 'prune is off: the extra factor is left alone');
  const pruned = await plan(s, file, true);
  const carolSteps = pruned.plan.users.find((u) => u.login === 'carol@example.com')!.steps;
  assert.deepEqual(carolSteps.map((step) => step.kind === 'unenrollFactor' && step.reason), ['prune']);
  assert.deepEqual((await apply(s, pruned)).failed, []);
  assert.deepEqual((await s.client.listFactors(carol.id)).filter((f) => f.factorType === 'call'), []);
});

test('a lost answer part way: the run names each user done or failed, and Retry Failed creates nothing twice', async () => {
  const s = await setup();
  const file = parsed(FILE);
  const planned = await plan(s, file);
  // Okta carries out one user's create and one factor enrollment, but their answers never arrive.
  s.sim.control.addFault({ path: '/api/v1/users', method: 'POST', kind: 'lost-answer', count: 1 });
  s.sim.control.addFault({ path: '/api/v1/users/*/factors', method: 'POST', kind: 'lost-answer', count: 1 });
  const first = await apply(s, planned);
  assert.equal(first.done.length + first.failed.length + first.skipped.length, 4, 'every user accounted for');
  assert.ok(first.failed.length >= 1 && first.failed.length <= 2, first.failed.map((f) => f.reason).join('\n'));
  for (const failure of first.failed) assert.match(failure.reason, /^(create user|enroll) .*\((nothing|\d+ of \d+ steps) done before it\)$/);

  const retry = await runBulk(failedUnits(first));
  assert.deepEqual(retry.failed.map((f) => f.reason), []);
  const users = [];
  for await (const user of s.client.listUsers({ limit: 200 })) if (user.profile.login !== DEMO_ADMIN_LOGIN) users.push(user);
  assert.deepEqual(users.map((u) => u.profile.login).sort(), ['alice@example.com', 'bob@example.com', 'carol@example.com', 'dave@example.com'], 'each user once');
  for (const user of users) {
    const kinds = (await s.client.listFactors(user.id)).map((f) => `${f.factorType}/${f.provider}`);
    assert.equal(new Set(kinds).size, kinds.length, `no duplicate factor for ${user.profile.login}: ${kinds.join(', ')}`);
  }
  assert.equal((await plan(s, file)).plan.changes, 0);
});
