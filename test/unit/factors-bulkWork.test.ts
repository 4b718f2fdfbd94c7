// The bulk runner's logic with scripted units: bounded concurrency, progress n of N, plan order in
// the summary, a cancel that starts nothing new but lets started units finish, and a retry that
// runs the failed units only, going on from their kept state. The plans' per-user grouping too.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { enrollPlan, unenrollPlan, type BulkFactorService } from '../../src/factors/bulkOperations';
import { failedUnits, runBulk, type BulkProgress, type BulkUnit } from '../../src/factors/bulkWork';
import { OktaApiError } from '../../src/okta/errors';
import { aFactor, aUser } from '../support/builders';

const unit = (userId: string, run: () => Promise<string>): BulkUnit => ({ orgId: 'org', userId, label: `${userId}@example.com`, run });
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('runBulk', () => {
  test('at most `concurrency` units at once; progress counts 1..N; the summary keeps plan order', async () => {
    let running = 0;
    let peak = 0;
    const units = Array.from({ length: 7 }, (_, i) => unit(`u${i}`, async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, (7 - i) * 3));
      running--;
      if (i === 2) throw new Error('E0000007 not found');
      return `done ${i}`;
    }));
    const progress: BulkProgress[] = [];
    const summary = await runBulk(units, { concurrency: 3, onProgress: (p) => progress.push(p) });
    assert.equal(peak, 3);
    assert.deepEqual(progress.map((p) => `${p.finished}/${p.total}`), ['1/7', '2/7', '3/7', '4/7', '5/7', '6/7', '7/7']);
    assert.deepEqual(summary.done.map((d) => d.note), ['done 0', 'done 1', 'done 3', 'done 4', 'done 5', 'done 6']);
    assert.deepEqual(summary.failed.map((f) => [f.unit.userId, f.reason]), [['u2', 'E0000007 not found']]);
    assert.deepEqual(summary.skipped, []);
  });

  test('a cancel starts no new unit; the started ones finish; the rest are skipped', async () => {
    const cancel = new AbortController();
    const started: string[] = [];
    const units = Array.from({ length: 6 }, (_, i) => unit(`u${i}`, async () => {
      started.push(`u${i}`);
      if (i === 1) cancel.abort(); // the user presses Cancel while u0 and u1 are under way
      await tick();
      return 'ok';
    }));
    const summary = await runBulk(units, { concurrency: 2, cancel: cancel.signal });
    assert.deepEqual(started, ['u0', 'u1']);
    assert.deepEqual(summary.done.map((d) => d.unit.userId), ['u0', 'u1'], 'started units finished');
    assert.deepEqual(summary.skipped.map((u) => u.userId), ['u2', 'u3', 'u4', 'u5']);
    assert.equal(summary.done.length + summary.failed.length + summary.skipped.length, units.length);
  });

  test('already cancelled: nothing runs, every unit skipped', async () => {
    let runs = 0;
    const summary = await runBulk([unit('a', async () => String(++runs)), unit('b', async () => String(++runs))], { cancel: AbortSignal.abort() });
    assert.equal(runs, 0);
    assert.equal(summary.skipped.length, 2);
  });

  test('an empty plan gives an empty summary', async () => {
    assert.deepEqual(await runBulk([]), { done: [], failed: [], skipped: [] });
  });

  test('retry runs the failed units only', async () => {
    const runs: string[] = [];
    let flaky = true;
    const units = [
      unit('a', async () => { runs.push('a'); return 'ok'; }),
      unit('b', async () => {
        runs.push('b');
        if (flaky) throw new Error('HTTP 500');
        return 'ok';
      }),
    ];
    const first = await runBulk(units);
    assert.deepEqual(failedUnits(first).map((u) => u.userId), ['b']);
    flaky = false;
    const second = await runBulk(failedUnits(first));
    assert.deepEqual(second.done.map((d) => d.unit.userId), ['b']);
    assert.deepEqual(runs.sort(), ['a', 'b', 'b']);
  });
});

const user = (id: string) => aUser({ id, profile: { email: `${id}@example.com` } });
const factor = (id: string) => aFactor('sms', { id });
const notFound = () => new OktaApiError('Not found: Resource not found: factor (UserFactor)', { status: 404, errorCode: 'E0000007', errorSummary: 'Not found: Resource not found: factor (UserFactor)' });

/** A service whose calls are recorded and scripted; changes.asOneChange counts the units. */
function fakeService(script: Partial<BulkFactorService> = {}): { service: BulkFactorService; calls: string[] } {
  const calls: string[] = [];
  const service: BulkFactorService = {
    unenroll: async (ref) => { calls.push(`unenroll ${ref.user.id}/${ref.factor.id}`); },
    resetFactors: async (ref) => { calls.push(`reset ${ref.user.id}`); },
    enroll: async () => { throw new Error('not scripted'); },
    activateWithAuthenticator: async () => { throw new Error('not scripted'); },
    // What the org has, read before a retry: as the plan knew it.
    listFactors: async () => [],
    getFactor: async (ref) => ref.factor,
    changes: {
      asOneChange: async (_orgId, userId, work) => {
        calls.push(`begin ${userId}`);
        try {
          return await work();
        } finally {
          calls.push(`end ${userId}`);
        }
      },
    },
    ...script,
  };
  return { service, calls };
}

describe('plans', () => {
  test('unenroll: one unit per user, each user\'s factors inside one held change, duplicates once', async () => {
    const { service, calls } = fakeService();
    const [alice, bob] = [user('alice'), user('bob')];
    const plan = unenrollPlan(service, [
      { orgId: 'org', user: alice, factor: factor('f1') }, { orgId: 'org', user: bob, factor: factor('f2') },
      { orgId: 'org', user: alice, factor: factor('f3') }, { orgId: 'org', user: alice, factor: factor('f1') },
    ]);
    assert.deepEqual(plan.map((u) => u.label), ['alice@example.com', 'bob@example.com']);
    const summary = await runBulk(plan, { concurrency: 1 });
    assert.deepEqual(summary.done.map((d) => d.note), ['2 factors unenrolled', '1 factor unenrolled']);
    assert.deepEqual(calls, ['begin alice', 'unenroll alice/f1', 'unenroll alice/f3', 'end alice', 'begin bob', 'unenroll bob/f2', 'end bob']);
  });

  test('unenroll: a factor already gone counts as done; a failure says how far the user got, and a retry goes on from there', async () => {
    let failF3 = true;
    const { service, calls } = fakeService({
      unenroll: async (ref) => {
        calls.push(`unenroll ${ref.factor.id}`);
        if (ref.factor.id === 'f2') throw notFound();
        if (ref.factor.id === 'f3' && failF3) throw new Error('Okta did not answer in time.');
      },
    });
    const alice = user('alice');
    const plan = unenrollPlan(service, ['f1', 'f2', 'f3'].map((id) => ({ orgId: 'org', user: alice, factor: factor(id) })));
    const first = await runBulk(plan);
    assert.equal(first.failed[0].reason, 'SMS: Okta did not answer in time. (2 of 3 factors unenrolled before it)');
    failF3 = false;
    calls.length = 0;
    const retry = await runBulk(failedUnits(first));
    assert.deepEqual(retry.done.map((d) => d.note), ['3 factors unenrolled']);
    assert.deepEqual(calls.filter((c) => c.startsWith('unenroll')), ['unenroll f3'], 'only what was left');
  });

  test('enroll email: each user\'s own address; a user without one fails with a clear reason', async () => {
    const sent: string[] = [];
    const { service } = fakeService({
      enroll: async (ref, request, options) => {
        sent.push(`${(request.profile as { email: string }).email} activate=${options.activate}`);
        return { factor: aFactor('email', { id: `e-${ref.user.id}` }), activation: { kind: 'done' } };
      },
    });
    const noEmail = aUser({ id: 'carol', profile: { login: 'carol' } });
    const summary = await runBulk(enrollPlan(service, [user('alice'), user('bob'), noEmail].map((u) => ({ orgId: 'org', user: u })), { kind: 'email', activate: true }));
    assert.deepEqual(sent, ['alice@example.com activate=true', 'bob@example.com activate=true']);
    assert.deepEqual(summary.failed.map((f) => f.reason), ['The user has no email address in their profile.']);
  });

  test('enroll Google Authenticator: a failed activation keeps the factor, and the retry only activates', async () => {
    let enrolls = 0;
    let activations = 0;
    const { service } = fakeService({
      enroll: async () => {
        enrolls++;
        return { factor: aFactor('token:software:totp', { id: 't1', status: 'PENDING_ACTIVATION' }), activation: { kind: 'totp', otpauthUri: 'otpauth://totp/x?secret=A', secret: 'A' } };
      },
      activateWithAuthenticator: async (ref) => {
        activations++;
        if (activations === 1) return { kind: 'wrong-passcode', message: 'Your passcode doesn\'t match our records.', error: undefined };
        return { kind: 'active', factor: { ...ref.factor, status: 'ACTIVE' } };
      },
    });
    const plan = enrollPlan(service, [{ orgId: 'org', user: user('alice') }], { kind: 'google-totp' });
    const first = await runBulk(plan);
    assert.equal(first.failed[0].reason, 'Google Authenticator enrolled but pending activation: Your passcode doesn\'t match our records.');
    const retry = await runBulk(failedUnits(first));
    assert.deepEqual(retry.done.map((d) => d.note), ['Google Authenticator enrolled and activated']);
    assert.deepEqual([enrolls, activations], [1, 2]);
  });
});
