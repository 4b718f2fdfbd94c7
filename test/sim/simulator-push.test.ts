// Push: verify transactions (WAITING -> SUCCESS/REJECTED/TIMEOUT) and asynchronous push activation.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startSimulator, type PushChallenge, type RunningSimulator } from '../../sim';
import { assertOktaError, call, userIdOf } from './simHelpers';

describe('simulator: push', () => {
  let sim: RunningSimulator;
  let userId: string;
  let pushId: string;
  const factorsPath = () => `/api/v1/users/${userId}/factors`;
  const relative = (href: string) => href.slice(sim.url.length);

  before(async () => {
    sim = await startSimulator({ seed: 'demo', pushTimeoutSeconds: 60 });
  });
  after(() => sim.close());
  beforeEach(async () => {
    sim.reset();
    userId = await userIdOf(sim, 'all.factors@example.com');
    const factors = (await call(sim, 'GET', factorsPath())).body;
    pushId = factors.find((f: any) => f.factorType === 'push').id;
  });

  it('verify answers 201 WAITING with poll and cancel links; approve -> SUCCESS', async () => {
    const events: PushChallenge[] = [];
    const listener = (c: PushChallenge) => events.push(c);
    sim.events.on('push', listener);
    const started = await call(sim, 'POST', `${factorsPath()}/${pushId}/verify`, undefined, { 'User-Agent': 'okta-test/1.0', 'X-Forwarded-For': '203.0.113.7' });
    sim.events.off('push', listener);
    assert.equal(started.status, 201);
    assert.equal(started.body.factorResult, 'WAITING');
    assert.ok(started.body.expiresAt);
    const { poll, cancel } = started.body._links;
    assert.deepEqual(poll.hints.allow, ['GET']);
    assert.deepEqual(cancel.hints.allow, ['DELETE']);
    assert.equal(poll.href, cancel.href);
    const txId = poll.href.split('/').pop();
    assert.match(poll.href, new RegExp(`/factors/${pushId}/transactions/v2mst\\.`));
    assert.deepEqual(events.map((e) => [e.kind, e.transactionId, e.userAgent, e.ip]), [['verify', txId, 'okta-test/1.0', '203.0.113.7']]);

    const waiting = await call(sim, 'GET', relative(poll.href));
    assert.equal(waiting.body.factorResult, 'WAITING');
    assert.equal(waiting.body.profile.credentialId, 'all.factors@example.com');
    assert.equal(sim.control.pushChallenges().filter((c) => c.kind === 'verify').length, 1);

    assert.deepEqual(sim.approvePush(userId, pushId), { kind: 'verify', result: 'SUCCESS', transactionId: txId });
    assert.deepEqual((await call(sim, 'GET', relative(poll.href))).body, { factorResult: 'SUCCESS' });
  });

  it('deny -> REJECTED with verify and factor links; control endpoints over HTTP', async () => {
    const started = await call(sim, 'POST', `${factorsPath()}/${pushId}/verify`);
    const txId = started.body._links.poll.href.split('/').pop();
    const denied = await fetch(`${sim.url}/sim/users/${userId}/factors/${pushId}/push/deny`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ transactionId: txId }),
    });
    assert.equal(denied.status, 200);
    assert.deepEqual(await denied.json(), { kind: 'verify', result: 'REJECTED', transactionId: txId });
    const result = await call(sim, 'GET', relative(started.body._links.poll.href));
    assert.equal(result.body.factorResult, 'REJECTED');
    assert.deepEqual(Object.keys(result.body._links), ['verify', 'factor']);
    const twice = await fetch(`${sim.url}/sim/users/${userId}/factors/${pushId}/push/approve`, { method: 'POST' });
    assert.equal(twice.status, 404, 'no waiting transaction left');
  });

  it('TIMEOUT after pushTimeoutSeconds, or at once with expire', async () => {
    const first = await call(sim, 'POST', `${factorsPath()}/${pushId}/verify`);
    sim.advanceClock(61);
    assert.equal((await call(sim, 'GET', relative(first.body._links.poll.href))).body.factorResult, 'TIMEOUT');
    const second = await call(sim, 'POST', `${factorsPath()}/${pushId}/verify`);
    assert.equal(sim.expirePush(userId, pushId).result, 'TIMEOUT');
    assert.equal((await call(sim, 'GET', relative(second.body._links.poll.href))).body.factorResult, 'TIMEOUT');
  });

  it('number matching adds correctAnswer; cancel drops the transaction; unknown ids are 404 E0000191', async () => {
    const started = await call(sim, 'POST', `${factorsPath()}/${pushId}/verify`, { useNumberMatchingChallenge: true });
    const answer = started.body._embedded.challenge.correctAnswer;
    assert.ok(Number.isInteger(answer) && answer >= 1 && answer <= 99);
    assert.equal(sim.control.pushChallenges().find((c) => c.kind === 'verify')!.correctAnswer, answer);
    const cancel = relative(started.body._links.cancel.href);
    assert.equal((await call(sim, 'DELETE', cancel)).status, 204);
    assertOktaError(await call(sim, 'GET', cancel), 404, 'E0000191');
    assertOktaError(await call(sim, 'GET', `${factorsPath()}/${pushId}/transactions/v2mst.nope`), 404, 'E0000191');
    assertOktaError(await call(sim, 'GET', `${factorsPath()}/opfunknown0000000000/transactions/v2mst.nope`), 404, 'E0000007');
  });

  it('activation: enroll WAITING with poll link, QR and send links; scan -> ACTIVE with device profile', async () => {
    const fresh = await userIdOf(sim, 'no.factors@example.com');
    const events: PushChallenge[] = [];
    const listener = (c: PushChallenge) => events.push(c);
    sim.events.on('push', listener);
    const enrolled = await call(sim, 'POST', `/api/v1/users/${fresh}/factors`, { factorType: 'push', provider: 'OKTA' });
    sim.events.off('push', listener);
    assert.equal(enrolled.status, 200);
    const factor = enrolled.body;
    assert.match(factor.id, /^opf/);
    assert.equal(factor.status, 'PENDING_ACTIVATION');
    assert.equal(factor.profile, undefined);
    assert.match(factor._links.poll.href, /\/lifecycle\/activate\/poll$/);
    const activation = factor._embedded.activation;
    assert.equal(activation.factorResult, 'WAITING');
    assert.deepEqual(activation._links.send.map((l: any) => l.name), ['email', 'sms']);
    assert.equal(activation._links.qrcode.type, 'image/png');
    assert.deepEqual(events.map((e) => [e.kind, e.factorId]), [['activation', factor.id]]);

    const polled = await call(sim, 'POST', relative(factor._links.poll.href));
    assert.equal(polled.body.factorResult, 'WAITING');
    assert.ok(polled.body._links.poll);
    sim.events.on('push', listener);
    const shownAgain = await call(sim, 'POST', `/api/v1/users/${fresh}/factors/${factor.id}/lifecycle/activate`);
    sim.events.off('push', listener);
    assert.equal(shownAgain.body.factorResult, 'WAITING');
    assert.equal(events.length, 2, 'an explicit activate announces the waiting QR again; polls do not');
    const sent = await call(sim, 'POST', relative(activation._links.send[0].href), {});
    assert.equal(sent.status, 200);
    assert.equal(sim.outbox({ factorId: factor.id })[0].purpose, 'activation-link');

    assert.deepEqual(sim.approvePush(fresh, factor.id), { kind: 'activation', result: 'ACTIVE' });
    const done = await call(sim, 'POST', relative(factor._links.poll.href));
    assert.equal(done.body.status, 'ACTIVE');
    assert.equal(done.body.id, factor.id);
    assert.deepEqual(Object.keys(done.body.profile).sort(), ['credentialId', 'deviceType', 'name', 'platform', 'version']);
    assert.deepEqual(done.body._links.self.hints.allow, ['GET', 'DELETE']);
  });

  it('activation TIMEOUT after expiry; POST activate restarts it; deny -> CANCELLED', async () => {
    const fresh = await userIdOf(sim, 'no.factors@example.com');
    const factor = (await call(sim, 'POST', `/api/v1/users/${fresh}/factors`, { factorType: 'push', provider: 'OKTA' })).body;
    sim.advanceClock(61);
    const timedOut = await call(sim, 'POST', relative(factor._links.poll.href));
    assert.equal(timedOut.body.factorResult, 'TIMEOUT');
    assert.match(timedOut.body._links.activate.href, /\/lifecycle\/activate$/);
    const restarted = await call(sim, 'POST', relative(timedOut.body._links.activate.href));
    assert.equal(restarted.body.factorResult, 'WAITING');
    assert.equal(sim.denyPush(fresh, factor.id).result, 'CANCELLED');
    assert.equal((await call(sim, 'POST', relative(factor._links.poll.href))).body.factorResult, 'CANCELLED');
  });

  it('unenrolling push also removes the Okta Verify TOTP and signed_nonce', async () => {
    assert.equal((await call(sim, 'DELETE', `${factorsPath()}/${pushId}`)).status, 204);
    const left = (await call(sim, 'GET', factorsPath())).body.map((f: any) => `${f.factorType}/${f.provider}`);
    assert.ok(!left.includes('push/OKTA'));
    assert.ok(!left.includes('token:software:totp/OKTA'));
    assert.ok(!left.includes('signed_nonce/OKTA'));
    assert.ok(left.includes('token:software:totp/GOOGLE'));
  });
});
