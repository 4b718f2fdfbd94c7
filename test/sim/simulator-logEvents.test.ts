// Every event the simulated org writes to its System Log, each produced by the API call that causes
// it, on both engines: user creation and lifecycle, factor activation (never a pending enrollment),
// unenroll and reset, verifications and the codes and pushes they send; and who the event names.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSimulator, type OrgEngine, type RunningSimulator } from '../../sim';
import { LogTail, type LogEventView } from './logHelpers';
import { apiCall, obtainToken, registerApp } from './oauthHelpers';
import { call } from './simHelpers';

const sims = {} as Record<OrgEngine, RunningSimulator>;

before(async () => {
  sims.identity = await startSimulator({ seed: 'empty', engine: 'identity', accessTokens: ['startup-bearer'] });
  sims.classic = await startSimulator({ seed: 'empty', engine: 'classic' });
});

after(async () => {
  await Promise.all(Object.values(sims).map((sim) => sim.close()));
});

let counter = 0;

async function newUser(sim: RunningSimulator, query = '?activate=true', withPassword = true): Promise<{ id: string; login: string }> {
  const login = `log.events${++counter}@example.com`;
  const reply = await call(sim, 'POST', `/api/v1/users${query}`, {
    profile: { firstName: 'Log', lastName: `Events${counter}`, email: login, login, mobilePhone: `+1 555 01${String(counter).padStart(2, '0')} 000` },
    ...(withPassword ? { credentials: { password: { value: 'Passw0rd!Passw0rd!' } } } : {}),
  });
  assert.equal(reply.status, 200, reply.text);
  return { id: reply.body.id, login };
}

async function enroll(sim: RunningSimulator, userId: string, body: Record<string, unknown>, query = ''): Promise<any> {
  const reply = await call(sim, 'POST', `/api/v1/users/${userId}/factors${query}`, body);
  assert.equal(reply.status, 200, reply.text);
  return reply.body;
}

const factorPath = (userId: string, factorId: string) => `/api/v1/users/${userId}/factors/${factorId}`;
const summary = (events: LogEventView[]) => events.map((e) => `${e.eventType} ${e.outcome.result}${e.outcome.reason ? ` ${e.outcome.reason}` : ''}`);
const QUESTION = { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'mayonnaise' } };

describe('users', () => {
  test('creating an active user logs create and activate; Identity Engine also its email factor', async () => {
    for (const engine of ['identity', 'classic'] as const) {
      const sim = sims[engine];
      const tail = await LogTail.open(sim);
      const user = await newUser(sim);
      const events = await tail.take();
      const expected = ['user.lifecycle.create SUCCESS', 'user.lifecycle.activate SUCCESS'];
      if (engine === 'identity') expected.push('user.mfa.factor.activate SUCCESS User set up EMAIL_FACTOR factor');
      assert.deepEqual(summary(events), expected, engine);
      for (const event of events) {
        assert.deepEqual(event.target[0], { id: user.id, type: 'User', alternateId: user.login, displayName: `Log Events${counter}` });
      }
      assert.equal(events[0].displayMessage, 'Create okta user');
      assert.equal(events[0].legacyEventType, 'core.user.config.user_creation.success');
    }
  });

  test('a STAGED user logs only its creation; activating it later logs the activation (and the email factor on Identity Engine)', async () => {
    const sim = sims.identity;
    const tail = await LogTail.open(sim);
    const staged = await newUser(sim, '?activate=false');
    assert.deepEqual(await tail.types(), ['user.lifecycle.create']);
    assert.equal((await call(sim, 'POST', `/api/v1/users/${staged.id}/lifecycle/activate?sendEmail=false`)).status, 200);
    assert.deepEqual(summary(await tail.take()), ['user.lifecycle.activate SUCCESS', 'user.mfa.factor.activate SUCCESS User set up EMAIL_FACTOR factor']);
  });

  test('suspend, unsuspend, a profile update, deactivate and delete each log theirs', async () => {
    const sim = sims.classic;
    const user = await newUser(sim);
    const tail = await LogTail.open(sim);
    const lifecycle = (operation: string) => call(sim, 'POST', `/api/v1/users/${user.id}/lifecycle/${operation}`);
    assert.equal((await lifecycle('suspend')).status, 200);
    assert.equal((await lifecycle('unsuspend')).status, 200);
    assert.equal((await call(sim, 'POST', `/api/v1/users/${user.id}`, { profile: { nickName: 'Logged' } })).status, 200);
    assert.equal((await lifecycle('deactivate')).status, 200);
    assert.equal((await call(sim, 'DELETE', `/api/v1/users/${user.id}`)).status, 204);
    assert.deepEqual(await tail.types(), [
      'user.lifecycle.suspend', 'user.lifecycle.unsuspend', 'user.account.update_profile', 'user.lifecycle.deactivate',
      'user.lifecycle.delete.initiated', 'user.lifecycle.delete.completed',
    ]);
  });

  test('unlocking a locked-out user logs the admin\'s unlock', async () => {
    const sim = await startSimulator({ seed: 'demo' });
    try {
      const tail = await LogTail.open(sim);
      const locked = (await call(sim, 'GET', '/api/v1/users/locked.out@example.com')).body;
      assert.equal((await call(sim, 'POST', `/api/v1/users/${locked.id}/lifecycle/unlock`)).status, 200);
      const [event] = await tail.take();
      assert.equal(event.eventType, 'user.account.unlock_by_admin');
      assert.equal(event.target[0].id, locked.id);
    } finally {
      await sim.close();
    }
  });
});

describe('factor lifecycle', () => {
  test('a factor active at once (question, activate=true sms) logs its activation with Okta\'s factor name', async () => {
    const sim = sims.classic;
    const user = await newUser(sim);
    const tail = await LogTail.open(sim);
    const question = await enroll(sim, user.id, QUESTION);
    const sms = await enroll(sim, user.id, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1 555 0199 100' } }, '?activate=true');
    const events = await tail.take();
    assert.deepEqual(summary(events), [
      'user.mfa.factor.activate SUCCESS User set up SECURITY_QUESTION factor',
      'user.mfa.factor.activate SUCCESS User set up SMS_FACTOR factor',
    ]);
    assert.equal(events[0].displayMessage, 'Activate factor for user');
    // Classic events name the user only; Identity Engine adds the enrollment (below).
    assert.deepEqual(events.map((e) => e.target.map((t) => t.type)), [['User'], ['User']]);
    assert.ok(question.id && sms.id);
  });

  test('a pending enrollment logs no factor event: an sms only its code, a TOTP nothing; its activation logs the factor', async () => {
    const sim = sims.identity;
    const user = await newUser(sim);
    const tail = await LogTail.open(sim);
    const sms = await enroll(sim, user.id, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1 555 0199 200' } });
    const totp = await enroll(sim, user.id, { factorType: 'token:software:totp', provider: 'GOOGLE' });
    assert.equal(sms.status, 'PENDING_ACTIVATION');
    assert.equal(totp.status, 'PENDING_ACTIVATION');
    assert.deepEqual(await tail.types(), ['system.sms.send_phone_verification_message']);

    for (const factor of [sms, totp]) {
      const passCode = sim.control.currentCode(user.id, factor.id).code;
      assert.equal((await call(sim, 'POST', `${factorPath(user.id, factor.id)}/lifecycle/activate`, { passCode })).status, 200);
    }
    const events = await tail.take();
    assert.deepEqual(summary(events), [
      'user.mfa.factor.activate SUCCESS User set up SMS_FACTOR factor',
      'user.mfa.factor.activate SUCCESS User set up GOOGLE_OTP factor',
    ]);
    assert.deepEqual(events[0].target[1], { id: sms.id, type: 'AuthenticatorEnrollment', alternateId: 'unknown', displayName: 'Phone' });
    assert.deepEqual(events[1].target[1], { id: totp.id, type: 'AuthenticatorEnrollment', alternateId: 'unknown', displayName: 'Google Authenticator' });
  });

  test('push: nothing while it waits to be scanned; scanning logs it (and, on Identity Engine, its companions)', async () => {
    for (const engine of ['identity', 'classic'] as const) {
      const sim = sims[engine];
      const user = await newUser(sim);
      const tail = await LogTail.open(sim);
      const push = await enroll(sim, user.id, { factorType: 'push', provider: 'OKTA' });
      assert.deepEqual(await tail.types(), [], engine);
      sim.approvePush(user.id, push.id);
      const reasons = (await tail.take()).map((e) => e.outcome.reason);
      const expected = ['User set up OKTA_VERIFY_PUSH factor'];
      if (engine === 'identity') expected.push('User set up OKTA_SOFT_TOKEN factor', 'User set up SIGNED_NONCE factor');
      assert.deepEqual(reasons, expected, engine);
    }
  });

  test('unenroll logs a deactivate per factor removed (push takes its Okta Verify companions); reset_factors one reset_all', async () => {
    const sim = sims.identity;
    const user = await newUser(sim);
    const push = await enroll(sim, user.id, { factorType: 'push', provider: 'OKTA' });
    sim.approvePush(user.id, push.id);
    await enroll(sim, user.id, QUESTION);
    const tail = await LogTail.open(sim);
    assert.equal((await call(sim, 'DELETE', factorPath(user.id, push.id))).status, 204);
    const removed = await tail.take();
    assert.deepEqual(summary(removed), [
      'user.mfa.factor.deactivate SUCCESS User reset OKTA_VERIFY_PUSH factor',
      'user.mfa.factor.deactivate SUCCESS User reset OKTA_SOFT_TOKEN factor',
      'user.mfa.factor.deactivate SUCCESS User reset SIGNED_NONCE factor',
    ]);
    assert.equal(removed[0].displayMessage, 'Reset factor for user');
    assert.equal((await call(sim, 'POST', `/api/v1/users/${user.id}/lifecycle/reset_factors`)).status, 200);
    const [reset, ...rest] = await tail.take();
    assert.deepEqual(rest, []);
    assert.equal(reset.eventType, 'user.mfa.factor.reset_all');
    assert.equal(reset.displayMessage, 'Reset all factors for user');
    assert.deepEqual(reset.target.map((t) => t.id), [user.id]);
  });
});

describe('verifications and what they send', () => {
  test('sms, call and email challenges log their sends; a right code logs auth_via_mfa SUCCESS', async () => {
    const sim = sims.classic;
    const user = await newUser(sim);
    const factors = [
      await enroll(sim, user.id, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1 555 0199 300' } }, '?activate=true'),
      await enroll(sim, user.id, { factorType: 'call', provider: 'OKTA', profile: { phoneNumber: '+1 555 0199 301' } }, '?activate=true'),
      await enroll(sim, user.id, { factorType: 'email', provider: 'OKTA', profile: { email: user.login } }, '?activate=true'),
    ];
    const tail = await LogTail.open(sim);
    for (const factor of factors) {
      assert.equal((await call(sim, 'POST', `${factorPath(user.id, factor.id)}/verify`)).body.factorResult, 'CHALLENGE');
      const passCode = sim.control.currentCode(user.id, factor.id).code;
      assert.equal((await call(sim, 'POST', `${factorPath(user.id, factor.id)}/verify`, { passCode })).body.factorResult, 'SUCCESS');
    }
    const events = await tail.take();
    assert.deepEqual(summary(events), [
      'system.sms.send_factor_verify_message SUCCESS', 'user.authentication.auth_via_mfa SUCCESS',
      'system.voice.send_mfa_challenge_call SUCCESS', 'user.authentication.auth_via_mfa SUCCESS',
      'system.email.send_factor_verify_message SUCCESS', 'user.authentication.auth_via_mfa SUCCESS',
    ]);
    assert.deepEqual(events.filter((e) => e.eventType.startsWith('user.')).map((e) => e.debugContext.debugData.factor), ['SMS_FACTOR', 'CALL_FACTOR', 'EMAIL_FACTOR']);
    assert.equal(events[1].displayMessage, 'Authentication of user via MFA');
    assert.equal(events[1].legacyEventType, 'core.user.factor.attempt_success');
  });

  test('a wrong answer logs FAILURE INVALID_CREDENTIALS, a replayed TOTP code VERIFICATION_ERROR; a malformed request nothing', async () => {
    const sim = sims.identity;
    const user = await newUser(sim);
    const question = await enroll(sim, user.id, QUESTION);
    const totp = await enroll(sim, user.id, { factorType: 'token:software:totp', provider: 'GOOGLE' });
    const code = sim.control.currentCode(user.id, totp.id).code;
    assert.equal((await call(sim, 'POST', `${factorPath(user.id, totp.id)}/lifecycle/activate`, { passCode: code })).status, 200);
    const tail = await LogTail.open(sim);
    assert.equal((await call(sim, 'POST', `${factorPath(user.id, question.id)}/verify`, { answer: 'ketchup' })).status, 403);
    assert.equal((await call(sim, 'POST', `${factorPath(user.id, totp.id)}/verify`, { passCode: code })).status, 403);
    assert.equal((await call(sim, 'POST', `${factorPath(user.id, totp.id)}/verify`, {})).status, 400);
    const events = await tail.take();
    assert.deepEqual(summary(events), [
      'user.authentication.auth_via_mfa FAILURE INVALID_CREDENTIALS',
      'user.authentication.auth_via_mfa FAILURE VERIFICATION_ERROR',
    ]);
    assert.equal(events[0].legacyEventType, 'core.user.factor.attempt_fail');
    assert.deepEqual(events[0].target.map((t) => t.type), ['User', 'AuthenticatorEnrollment']);
  });

  test('push: the send is logged at verify, the verification when the phone answers; an expired push never', async () => {
    for (const engine of ['identity', 'classic'] as const) {
      const sim = sims[engine];
      const user = await newUser(sim);
      const push = await enroll(sim, user.id, { factorType: 'push', provider: 'OKTA' });
      sim.approvePush(user.id, push.id);
      const tail = await LogTail.open(sim);
      const verify = () => call(sim, 'POST', `${factorPath(user.id, push.id)}/verify`);

      const waiting = await verify();
      assert.equal(waiting.status, 201);
      assert.deepEqual(await tail.types(), ['system.push.send_factor_verify_push']);
      sim.approvePush(user.id, push.id);
      const [approved] = await tail.take();
      assert.equal(`${approved.eventType} ${approved.outcome.result}`, 'user.authentication.auth_via_mfa SUCCESS');
      // Logged under the verify request that sent the push.
      assert.equal(approved.transaction.id, waiting.headers.get('x-okta-request-id'));

      await verify();
      sim.denyPush(user.id, push.id);
      await verify();
      sim.expirePush(user.id, push.id);
      const denied = engine === 'identity' ? 'user.authentication.auth_via_mfa FAILURE INVALID_CREDENTIALS' : 'user.mfa.okta_verify.deny_push FAILURE';
      assert.deepEqual(summary(await tail.take()), [
        'system.push.send_factor_verify_push SUCCESS', denied, 'system.push.send_factor_verify_push SUCCESS',
      ], engine);
    }
  });
});

describe('who, from where, with what', () => {
  test('an SSWS call: the token\'s owner, the token\'s id, the request\'s User-Agent, id, URI and forwarded IP', async () => {
    const sim = sims.classic;
    const user = await newUser(sim);
    const tail = await LogTail.open(sim);
    const userAgent = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.0.0 Safari/537.36';
    const reply = await call(sim, 'POST', `/api/v1/users/${user.id}/factors`, QUESTION, { 'User-Agent': userAgent, 'X-Forwarded-For': '203.0.113.9' });
    const [event] = await tail.take();
    const me = (await call(sim, 'GET', '/api/v1/users/me')).body;
    assert.deepEqual(event.actor, { id: me.id, type: 'User', alternateId: me.profile.login, displayName: 'Demo Admin' });
    assert.match(event.transaction.detail.requestApiTokenId!, /^00T[A-Za-z0-9]{17}$/);
    assert.equal(event.transaction.type, 'WEB');
    assert.equal(event.transaction.id, reply.headers.get('x-okta-request-id'));
    assert.deepEqual(event.client?.userAgent, { rawUserAgent: userAgent, os: 'Windows 10', browser: 'CHROME' });
    assert.equal(event.client?.ipAddress, '203.0.113.9');
    assert.deepEqual((event.request as { ipChain: { ip: string }[] }).ipChain.map((hop) => hop.ip), ['203.0.113.9', '127.0.0.1']);
    assert.equal(event.debugContext.debugData.requestUri, `/api/v1/users/${user.id}/factors`);
    assert.equal(event.debugContext.debugData.requestId, event.transaction.id);
    assert.equal(event.version, '0');
    assert.equal(event.severity, 'INFO');
  });

  test('a start-up Bearer token acts as the owner without an API token id; a service app as PublicClientAppEntity', async () => {
    const sim = sims.identity;
    const user = await newUser(sim);
    const tail = await LogTail.open(sim);
    const bearer = await call(sim, 'POST', `/api/v1/users/${user.id}/lifecycle/suspend`, undefined, { Authorization: 'Bearer startup-bearer' });
    assert.equal(bearer.status, 200, bearer.text);
    const app = await registerApp(sim, { requireDpop: false, scopes: ['okta.users.manage'] });
    const token = await obtainToken(sim, app, 'okta.users.manage', false);
    assert.equal((await apiCall(sim, token, 'POST', `/api/v1/users/${user.id}/lifecycle/unsuspend`)).status, 200);
    const [suspended, unsuspended] = await tail.take();
    assert.equal(suspended.actor.type, 'User');
    assert.deepEqual(suspended.transaction.detail, {});
    assert.deepEqual(unsuspended.actor, { id: app.clientId, type: 'PublicClientAppEntity', alternateId: app.clientId, displayName: app.clientId });
    assert.equal(unsuspended.client?.id, app.clientId);
    assert.deepEqual(unsuspended.transaction.detail, {});
  });
});
