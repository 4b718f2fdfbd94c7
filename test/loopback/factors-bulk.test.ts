// Bulk work against the simulator over real HTTP under a tight rate limit (6 requests a 1 s window
// on the users bucket): reset_factors through the client and the service, then each bulk path
// (reset, unenroll, enroll email / security question / Google Authenticator) with 0 × 429, every
// user accounted for, one change announced per user, and a cancel mid-way that leaves each user
// either done or untouched.
import type { FactorChange, FactorService } from '../../src/factors/factorService';
import { factorWorkflows } from '../support/factorWorkflows';
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { startSimulator } from '../../sim';
import { TotpAuthenticator } from '../../src/authenticator/totpAuthenticator';
import { enrollPlan, resetPlan, unenrollPlan } from '../../src/factors/bulkOperations';
import { failedUnits, runBulk } from '../../src/factors/bulkWork';
import type { UserRef } from '../../src/factors/targets';
import type { OktaClient, RequestLogEntry } from '../../src/okta/client';
import { OktaApiError } from '../../src/okta/errors';
import { InMemorySecretStore } from '../../src/orgs/secretStore';
import { recordingClient, type Simulator } from './client-fixtures';

const ORG = 'org-1';
const TIGHT = { usersPerMinute: 6, windowSeconds: 1 };

let sim: Simulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

interface Setup {
  client: OktaClient;
  log: RequestLogEntry[];
  service: FactorService;
  totp: TotpAuthenticator;
  changes: FactorChange[];
  users: UserRef[];
}

/** The ACTIVE ones of `count` scale users (four factors each); the request log starts empty after the setup. */
async function setup(count: number, options: { reset?: boolean } = {}): Promise<Setup> {
  sim = await startSimulator({ port: 0, seed: `scale:${count}`, engine: 'classic', rateLimits: TIGHT });
  const { client, log } = recordingClient(sim, { maxConcurrent: 6 });
  const users: UserRef[] = [];
  for await (const user of client.listUsers({ limit: 200 })) {
    if (user.status === 'ACTIVE' && user.profile.login.endsWith('@scale.example.com')) users.push({ orgId: ORG, user });
  }
  if (options.reset) for (const { user } of users) await client.resetFactors(user.id);
  log.length = 0;
  const totp = new TotpAuthenticator(new InMemorySecretStore());
  const service = factorWorkflows(async () => client, { totp }).factors;
  const changes: FactorChange[] = [];
  service.onDidChange((change) => changes.push(change));
  return { client, log, service, totp, changes, users };
}

function assertNo429(log: RequestLogEntry[]): void {
  assert.ok(log.length > 0, 'requests were made');
  assert.deepEqual(log.filter((e) => e.status === 429).map((e) => `${e.method} ${e.path}`), [], '0 × 429');
}

/** Every user announced exactly once. */
function assertOneChangeEach(changes: FactorChange[], users: readonly UserRef[]): void {
  assert.deepEqual(changes.map((c) => c.userId).sort(), users.map((u) => u.user.id).sort());
}

describe('reset_factors', () => {
  test('the client resets (200 {}); an unknown user is a 404 OktaApiError; the service forgets the user\'s kept secrets only', async () => {
    const { client, service, totp, users } = await setup(3);
    const [alice, bob] = users;
    await client.resetFactors(alice.user.id);
    assert.deepEqual(await client.listFactors(alice.user.id), []);
    await assert.rejects(client.resetFactors('00unobody000000000000'), (err: unknown) => err instanceof OktaApiError && err.status === 404 && err.errorCode === 'E0000007');
    // Secrets kept for a TOTP enrolled here: reset forgets alice's, not bob's.
    await client.resetFactors(bob.user.id);
    for (const ref of [alice, bob]) {
      const { factor } = await service.enroll(ref, { factorType: 'token:software:totp', provider: 'GOOGLE' }, {});
      assert.ok(await totp.has(ORG, ref.user.id, factor.id));
    }
    await service.resetFactors(alice);
    assert.deepEqual((await totp.factorsWithSecrets(ORG)).map((r) => r.userId), [bob.user.id]);
  });
});

describe('bulk paths under 6 requests a second', () => {
  test('reset: 9 users, 0 × 429, every user done and left with no factor, one change each', async () => {
    const { client, log, service, changes, users } = await setup(10);
    assert.equal(users.length, 9);
    const progress: string[] = [];
    const summary = await runBulk(resetPlan(service, users), { onProgress: (p) => progress.push(`${p.finished}/${p.total}`) });
    assert.equal(summary.done.length, 9, JSON.stringify(summary.failed.map((f) => f.reason)));
    assert.deepEqual([summary.failed.length, summary.skipped.length], [0, 0]);
    assert.equal(progress.at(-1), '9/9');
    assertNo429(log);
    assertOneChangeEach(changes, users);
    for (const { user } of users) assert.deepEqual(await client.listFactors(user.id), []);
  });

  test('unenroll: two factors of each of 9 users, 0 × 429, one change per user (not per factor)', async () => {
    const { client, log, service, changes, users } = await setup(10);
    const targets = [];
    for (const ref of users) {
      const factors = await client.listFactors(ref.user.id);
      targets.push(...factors.filter((f) => f.factorType === 'sms' || f.factorType === 'email').map((factor) => ({ ...ref, factor })));
    }
    log.length = 0;
    assert.equal(targets.length, 18);
    const summary = await runBulk(unenrollPlan(service, targets));
    assert.deepEqual(summary.done.map((d) => d.note), Array(9).fill('2 factors unenrolled'));
    assertNo429(log);
    assertOneChangeEach(changes, users);
    for (const { user } of users) assert.deepEqual((await client.listFactors(user.id)).map((f) => f.factorType).sort(), ['question', 'token:software:totp']);
  });

  test('enroll email on 9 users, each with their own address, active at once', async () => {
    const { client, log, service, changes, users } = await setup(10, { reset: true });
    const summary = await runBulk(enrollPlan(service, users, { kind: 'email', activate: true }));
    assert.equal(summary.done.length, 9, JSON.stringify(summary.failed.map((f) => f.reason)));
    assertNo429(log);
    assertOneChangeEach(changes, users);
    for (const { user } of users) {
      const [email] = await client.listFactors(user.id);
      assert.deepEqual([email.factorType, email.status, (email.profile as { email?: string }).email], ['email', 'ACTIVE', user.profile.email]);
    }
  });

  test('enroll one security question and answer on 9 users', async () => {
    const { client, log, service, users } = await setup(10, { reset: true });
    const summary = await runBulk(enrollPlan(service, users, { kind: 'question', question: 'disliked_food', answer: 'mayonnaise' }));
    assert.equal(summary.done.length, 9, JSON.stringify(summary.failed.map((f) => f.reason)));
    assertNo429(log);
    for (const { user } of users) {
      const [question] = await client.listFactors(user.id);
      assert.deepEqual([question.factorType, question.status, (question.profile as { question?: string }).question], ['question', 'ACTIVE', 'disliked_food']);
    }
  });

  test('enroll Google Authenticator on 9 users: activated through the built-in authenticator, one distinct secret per user', async () => {
    const { client, log, service, totp, changes, users } = await setup(10, { reset: true });
    const summary = await runBulk(enrollPlan(service, users, { kind: 'google-totp' }));
    assert.deepEqual(summary.done.map((d) => d.note), Array(9).fill('Google Authenticator enrolled and activated'), JSON.stringify(summary.failed.map((f) => f.reason)));
    assertNo429(log);
    assertOneChangeEach(changes, users);
    const secrets = new Set<string>();
    for (const { user } of users) {
      const [factor] = await client.listFactors(user.id);
      assert.deepEqual([factor.factorType, factor.provider, factor.status], ['token:software:totp', 'GOOGLE', 'ACTIVE']);
      secrets.add(new URL(await totp.otpauthUri(ORG, user.id, factor.id)).searchParams.get('secret')!);
    }
    assert.equal(secrets.size, 9);
  });

  test('a user who already has the factor fails with Okta\'s reason; the others are done; nothing is half-made', async () => {
    const { client, service, users } = await setup(4);
    // Scale users already have an email factor: every enrollment is refused, no factor is added.
    const before = await Promise.all(users.map((u) => client.listFactors(u.user.id)));
    const summary = await runBulk(enrollPlan(service, users, { kind: 'email', activate: true }));
    assert.equal(summary.failed.length, users.length);
    assert.ok(summary.failed.every((f) => f.reason.length > 0 && f.error instanceof OktaApiError), summary.failed.map((f) => f.reason).join(' | '));
    const afterwards = await Promise.all(users.map((u) => client.listFactors(u.user.id)));
    assert.deepEqual(afterwards.map((f) => f.length), before.map((f) => f.length));
    assert.ok(summary.failed.every((f) => !f.retryable), 'Okta refused them for what they are: no retry is offered');
    assert.deepEqual(failedUnits(summary), []);
  });

  test('Retry Failed after a lost answer reports what is true: the enrollment was carried out, nothing is made twice', async () => {
    const { client, service, users } = await setup(3, { reset: true });
    sim!.control.addFault({ path: '/api/v1/users/*/factors', method: 'POST', kind: 'lost-answer', count: 1 });
    const first = await runBulk(enrollPlan(service, users, { kind: 'email', activate: true }), { concurrency: 1 });
    assert.equal(first.failed.length, 1);
    assert.equal(first.failed[0].retryable, true, 'an answer lost on the way may be retried');
    const retry = await runBulk(failedUnits(first));
    assert.deepEqual(retry.failed, []);
    assert.match(retry.done[0].note, /found enrolled \(active\)/);
    const emails = (await client.listFactors(first.failed[0].unit.userId)).filter((f) => f.factorType === 'email');
    assert.equal(emails.length, 1);
  });

  test('Retry Failed after a lost activation answer finds Google Authenticator active and says so', async () => {
    const { client, service, users } = await setup(3, { reset: true });
    sim!.control.addFault({ path: '/api/v1/users/*/factors/*/lifecycle/activate', method: 'POST', kind: 'lost-answer', count: 1 });
    const first = await runBulk(enrollPlan(service, users, { kind: 'google-totp' }), { concurrency: 1 });
    assert.equal(first.failed.length, 1);
    const retry = await runBulk(failedUnits(first));
    assert.deepEqual(retry.failed, []);
    assert.match(retry.done[0].note, /found active: the earlier activation was carried out/);
    const totps = (await client.listFactors(first.failed[0].unit.userId)).filter((f) => f.factorType === 'token:software:totp');
    assert.deepEqual(totps.map((f) => f.status), ['ACTIVE']);
  });

  test('cancel mid-way: each user either reset or untouched, and the summary says which', async () => {
    const { client, log, service, users } = await setup(20);
    assert.equal(users.length, 18);
    const cancel = new AbortController();
    const summary = await runBulk(resetPlan(service, users), {
      cancel: cancel.signal,
      onProgress: ({ finished }) => { if (finished === 4) cancel.abort(); },
    });
    assert.equal(summary.done.length + summary.failed.length + summary.skipped.length, 18, 'every user accounted for');
    assert.deepEqual(summary.failed, []);
    assert.ok(summary.done.length >= 4 && summary.done.length <= 4 + 2, `started units finished: ${summary.done.length}`);
    assert.ok(summary.skipped.length >= 12);
    assertNo429(log);
    const done = new Set(summary.done.map((d) => d.unit.userId));
    for (const { user } of users) {
      const count = (await client.listFactors(user.id)).length;
      assert.equal(count, done.has(user.id) ? 0 : 4, `${user.profile.login} is ${done.has(user.id) ? 'reset' : 'untouched'}`);
    }
  });
});
