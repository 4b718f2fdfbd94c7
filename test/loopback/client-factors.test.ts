// Every client operation and every factor type against the simulator, over real HTTP on loopback.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { generateSync } from 'otplib';
import { startSimulator } from '../../sim';
import { OktaClient } from '../../src/okta/client';
import { OktaApiError, OktaInputError, OktaNetworkError } from '../../src/okta/errors';
import { factorTransactionId, linkAllows, linkHref, linksFor, totpQrCodeHref } from '../../src/okta/api/links';
import { isUserFactor, type TotpActivation, type UserFactor } from '../../src/okta/models';
import { pollPushActivation, pollPushTransaction } from '../../src/factors/pushPolling';
import { TestAuthenticator } from '../sim/webauthnTestAuthenticator';
import { createUser, recordingClient, rejection, SimHttpControl, type Simulator } from './client-fixtures';

let sim: Simulator;
let control: SimHttpControl;
let client: OktaClient;
let userId: string;
let login: string;
let userCounter = 0;

before(async () => {
  sim = await startSimulator({ port: 0, seed: 'empty', engine: 'classic' });
  control = new SimHttpControl(sim.url);
  ({ client } = recordingClient(sim));
});

after(async () => {
  await sim.close();
});

beforeEach(async () => {
  userCounter++;
  login = `factor.user${userCounter}@example.com`;
  const user = await createUser(sim, login, { mobilePhone: `+1-555-010-${String(1000 + userCounter)}` });
  userId = user.id;
});

const pushPoll = { intervalMs: 30 };
const phone = () => `+1-555-020-${String(1000 + userCounter)}`;

function totpCode(activation: TotpActivation, offsetSteps = 0): string {
  return generateSync({
    secret: activation.sharedSecret, period: activation.timeStep, digits: activation.keyLength,
    epoch: Date.now() / 1000 + offsetSteps * activation.timeStep,
  });
}

describe('users', () => {
  test('getUser by id, by login (URL-encoded) and me', async () => {
    const byId = await client.getUser(userId);
    assert.equal(byId.id, userId);
    assert.equal(byId.profile.login, login);
    assert.equal((await client.getUser(login)).id, userId);
    const special = await createUser(sim, `o'brien+qa.${userCounter}@example.com`);
    assert.equal((await client.getUser(special.profile.login)).id, special.id);
    const me = await client.getUser('me');
    assert.ok(me.id && me.profile.login);
  });

  test('listUsersPage pages with the Link cursor; listUsers iterates every page', async () => {
    for (let i = 0; i < 4; i++) await createUser(sim, `pager${userCounter}-${i}@example.com`);
    const first = await client.listUsersPage({ limit: 2 });
    assert.equal(first.users.length, 2);
    assert.ok(first.after, 'a next cursor');
    const second = await client.listUsersPage({ limit: 2, after: first.after });
    assert.equal(second.users.length, 2);
    assert.notDeepEqual(second.users.map((u) => u.id), first.users.map((u) => u.id));
    const all: string[] = [];
    for await (const user of client.listUsers({ limit: 2 })) all.push(user.id);
    assert.equal(new Set(all).size, all.length, 'no user twice');
    assert.ok(all.includes(userId));
    const plain = await client.listUsersPage({ limit: 200 });
    assert.equal(plain.after, undefined, 'last page has no cursor');
    assert.equal(plain.users.length, all.length);
  });

  test('search, filter and q reach the server encoded', async () => {
    const search = await client.listUsersPage({ search: `profile.login sw "factor.user${userCounter}@"` });
    assert.deepEqual(search.users.map((u) => u.id), [userId]);
    const filter = await client.listUsersPage({ filter: `profile.login eq "${login}"` });
    assert.deepEqual(filter.users.map((u) => u.id), [userId]);
    const q = await client.listUsersPage({ q: login });
    assert.ok(q.users.some((u) => u.id === userId));
  });
});

describe('catalog and questions', () => {
  test('listSupportedFactors and listSupportedSecurityQuestions', async () => {
    const catalog = await client.listSupportedFactors(userId);
    for (const type of ['question', 'sms', 'call', 'email', 'push', 'token:software:totp', 'token', 'token:hardware', 'u2f', 'webauthn']) {
      assert.ok(catalog.some((e) => e.factorType === type), type);
    }
    assert.ok(catalog.every((e) => linkHref(e._links, 'enroll')), 'every entry has an enroll link');
    const questions = await client.listSupportedSecurityQuestions(userId);
    assert.ok(questions.length >= 19);
    assert.ok(questions.every((q) => q.question && q.questionText));
    assert.ok(questions.some((q) => q.question === 'disliked_food'));
  });
});

describe('enroll, activate, verify per factor type', () => {
  test('question: enroll ACTIVE, verify the answer, wrong answer is a clear error', async () => {
    const factor = await client.enrollFactor(userId, { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'mayonnaise' } });
    assert.equal(factor.factorType, 'question');
    assert.equal(factor.status, 'ACTIVE');
    assert.equal(factor.factorType === 'question' && factor.profile?.questionText, 'What is the food you least liked as a child?');
    assert.equal((await client.verifyFactor(userId, factor.id, { answer: 'mayonnaise' })).factorResult, 'SUCCESS');
    const error = await rejection(client.verifyFactor(userId, factor.id, { answer: 'ketchup' }));
    assert.ok(error instanceof OktaApiError);
    assert.equal(error.status, 403);
    assert.equal(error.errorCode, 'E0000068');
    assert.equal(error.message, "Okta rejected the answer (E0000068, HTTP 403): Your answer doesn't match our records. Please try again.");
    assert.ok(error.errorId && error.requestId);
  });

  test('sms: enroll pending (resend links as an array), resend, activate with the code, then challenge + verify', async () => {
    const factor = await client.enrollFactor(userId, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: phone() } },
      { templateId: 'cstm-tmpl', acceptLanguage: 'fr' });
    assert.equal(factor.status, 'PENDING_ACTIVATION');
    assert.ok(linkHref(factor._links, 'resend', 'sms'), 'resend link by name');
    assert.ok(!linkAllows(factor._links, 'self', 'DELETE'));
    const [sent] = await control.outbox({ factorId: factor.id });
    assert.equal(sent.templateId, 'cstm-tmpl');
    assert.equal(sent.locale, 'fr');
    // A resend within 30 s is the per-number throttle (429 E0000109): reported at once, never retried.
    const throttled = await rejection(client.resendEnrollFactor(userId, factor.id, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: phone() } }));
    assert.ok(throttled instanceof OktaApiError);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.errorCode, 'E0000109');
    assert.equal(await control.requestCount('POST', `/api/v1/users/${userId}/factors/${factor.id}/resend`), 1);
    const wrong = await rejection(client.activateFactor(userId, factor.id, { passCode: '000000' }));
    assert.match((wrong as Error).message, /^Okta rejected the passcode \(E0000068, HTTP 403\): Your passcode doesn't match our records/);
    const activated = await client.activateFactor(userId, factor.id, { passCode: sent.code });
    assert.ok(isUserFactor(activated));
    assert.equal(activated.status, 'ACTIVE');
    assert.ok(linkAllows(activated._links, 'self', 'DELETE'));
    assert.equal((await client.getFactor(userId, factor.id)).status, 'ACTIVE');
  });

  test('sms with activate=true, verify challenge (CHALLENGE) and passcode (SUCCESS); unenroll with removeRecoveryEnrollment', async () => {
    const factor = await client.enrollFactor(userId, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: phone() } }, { activate: true });
    assert.equal(factor.status, 'ACTIVE');
    assert.equal((await control.outbox({ factorId: factor.id })).length, 0, 'auto-activation sends nothing');
    const challenge = await client.verifyFactor(userId, factor.id, undefined, { templateId: 't1', tokenLifetimeSeconds: 120 });
    assert.equal(challenge.factorResult, 'CHALLENGE');
    const [sent] = await control.outbox({ factorId: factor.id });
    assert.equal(sent.purpose, 'verify');
    assert.equal((await client.verifyFactor(userId, factor.id, { passCode: sent.code })).factorResult, 'SUCCESS');
    await client.unenrollFactor(userId, factor.id, { removeRecoveryEnrollment: true });
    const gone = await rejection(client.getFactor(userId, factor.id));
    assert.ok(gone instanceof OktaApiError && gone.status === 404 && gone.errorCode === 'E0000007');
    assert.match(gone.message, /\(UserFactor\) \(E0000007, HTTP 404\)$/);
  });

  test('sms re-enroll with updatePhone while pending', async () => {
    await client.enrollFactor(userId, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: phone() } });
    const other = `+1-555-030-${String(1000 + userCounter)}`;
    const duplicate = await rejection(client.enrollFactor(userId, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: other } }));
    assert.ok(duplicate instanceof OktaApiError && duplicate.errorCode === 'E0000001');
    assert.match(duplicate.message, /There is an existing verified phone number\./);
    const updated = await client.enrollFactor(userId, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: other } }, { updatePhone: true });
    assert.equal(updated.factorType === 'sms' && updated.profile?.phoneNumber, other);
  });

  test('call: enroll with extension, activate with the code; auto-activated call verifies', async () => {
    const factor = await client.enrollFactor(userId, { factorType: 'call', provider: 'OKTA', profile: { phoneNumber: phone(), phoneExtension: '1234' } });
    assert.equal(factor.status, 'PENDING_ACTIVATION');
    assert.equal(factor.factorType === 'call' && factor.profile?.phoneExtension, '1234');
    assert.ok(linksFor(factor._links, 'resend').length >= 1);
    const [sent] = await control.outbox({ factorId: factor.id });
    assert.equal(sent.channel, 'call');
    assert.equal((await client.activateFactor(userId, factor.id, { passCode: sent.code }) as UserFactor).status, 'ACTIVE');
    // A second call right away hits the per-number throttle (the sim answers 429 E0000047 like the old
    // docs) while the org bucket still has quota: not retried.
    const throttled = await rejection(client.verifyFactor(userId, factor.id));
    assert.ok(throttled instanceof OktaApiError && throttled.status === 429);
    assert.equal(await control.requestCount('POST', `/api/v1/users/${userId}/factors/${factor.id}/verify`), 1);
  });

  test('email: enroll, resend after the 5 s window is refused sooner, activate; verify challenge and code', async () => {
    const factor = await client.enrollFactor(userId, { factorType: 'email', provider: 'OKTA', profile: { email: login } }, { tokenLifetimeSeconds: 600 });
    assert.equal(factor.status, 'PENDING_ACTIVATION');
    const tooSoon = await rejection(client.resendEnrollFactor(userId, factor.id, { factorType: 'email', provider: 'OKTA', profile: { email: login } }));
    assert.ok(tooSoon instanceof OktaApiError && tooSoon.errorCode === 'E0000118');
    const [sent] = await control.outbox({ factorId: factor.id });
    assert.equal((await client.activateFactor(userId, factor.id, { passCode: sent.code }) as UserFactor).status, 'ACTIVE');
    const foreign = await rejection(client.enrollFactor(userId, { factorType: 'email', provider: 'OKTA', profile: { email: 'someone.else@example.com' } }));
    assert.ok(foreign instanceof OktaApiError && foreign.status === 400);
  });

  test('email with activate=true then verify challenge and code', async () => {
    const factor = await client.enrollFactor(userId, { factorType: 'email', provider: 'OKTA' }, { activate: true });
    assert.equal(factor.status, 'ACTIVE');
    assert.equal((await client.verifyFactor(userId, factor.id, undefined, { tokenLifetimeSeconds: 60 })).factorResult, 'CHALLENGE');
    const [sent] = await control.outbox({ factorId: factor.id });
    assert.equal((await client.verifyFactor(userId, factor.id, { passCode: sent.code })).factorResult, 'SUCCESS');
  });

  for (const provider of ['OKTA', 'GOOGLE'] as const) {
    test(`token:software:totp (${provider}): shared secret and QR link, activate and verify with computed codes`, async () => {
      const factor = await client.enrollFactor(userId, { factorType: 'token:software:totp', provider });
      assert.equal(factor.status, 'PENDING_ACTIVATION');
      const activation = factor._embedded?.activation as TotpActivation;
      assert.ok(activation.sharedSecret);
      assert.ok(totpQrCodeHref(factor), 'QR link found');
      const activated = await client.activateFactor(userId, factor.id, { passCode: totpCode(activation) });
      assert.ok(isUserFactor(activated) && activated.status === 'ACTIVE');
      // Same step again is a replay; the next step's code is accepted.
      const replay = await rejection(client.verifyFactor(userId, factor.id, { passCode: totpCode(activation) }));
      assert.ok(replay instanceof OktaApiError && replay.errorCode === 'E0000082');
      assert.match(replay.message, /^That passcode was already used \(E0000082, HTTP 403\)/);
      assert.equal((await client.verifyFactor(userId, factor.id, { passCode: totpCode(activation, 1) })).factorResult, 'SUCCESS');
    });
  }

  test('push: activation polled until the phone scans, then verify 201 WAITING polled to SUCCESS via the poll link', async () => {
    const factor = await client.enrollFactor(userId, { factorType: 'push', provider: 'OKTA' });
    assert.equal(factor.status, 'PENDING_ACTIVATION');
    const pollHref = linkHref(factor._links, 'poll');
    assert.ok(pollHref);
    const progress: string[] = [];
    setTimeout(() => void control.push(userId, factor.id, 'approve'), 100);
    const active = await pollPushActivation(client, userId, factor.id, pollHref, { ...pushPoll, onProgress: (r) => progress.push(isUserFactor(r) ? r.status : r.factorResult) });
    assert.ok(isUserFactor(active) && active.status === 'ACTIVE');
    assert.ok(progress.includes('WAITING') && progress.at(-1) === 'ACTIVE');

    const waiting = await client.verifyFactor(userId, factor.id, undefined, { userAgent: 'QA Browser/1.0', xForwardedFor: '203.0.113.9' });
    assert.equal(waiting.factorResult, 'WAITING');
    const transactionId = factorTransactionId(waiting);
    assert.ok(transactionId);
    const [challenge] = (await control.pushChallenges()).filter((c) => c.transactionId === transactionId);
    assert.equal(challenge.userAgent, 'QA Browser/1.0');
    assert.equal(challenge.ip, '203.0.113.9');
    assert.equal((await client.getFactorTransactionStatus(userId, factor.id, transactionId)).factorResult, 'WAITING');
    const seen: string[] = [];
    setTimeout(() => void control.push(userId, factor.id, 'approve', transactionId), 100);
    const done = await pollPushTransaction(client, userId, factor.id, linkHref(waiting._links, 'poll')!, { ...pushPoll, onProgress: (r) => seen.push(r.factorResult) });
    assert.equal(done.factorResult, 'SUCCESS');
    assert.deepEqual(seen.slice(-1), ['SUCCESS']);
  });

  test('push: denied, expired, number matching, cancelled', async () => {
    const factor = await client.enrollFactor(userId, { factorType: 'push', provider: 'OKTA' });
    await control.push(userId, factor.id, 'approve');
    assert.equal((await client.getFactor(userId, factor.id)).status, 'ACTIVE');

    const denied = await client.verifyFactor(userId, factor.id);
    await control.push(userId, factor.id, 'deny', factorTransactionId(denied));
    const rejected = await pollPushTransaction(client, userId, factor.id, factorTransactionId(denied)!, pushPoll);
    assert.equal(rejected.factorResult, 'REJECTED');
    assert.ok(linkHref(rejected._links, 'verify'));

    const expiring = await client.verifyFactor(userId, factor.id);
    await control.push(userId, factor.id, 'expire', factorTransactionId(expiring));
    assert.equal((await pollPushTransaction(client, userId, factor.id, linkHref(expiring._links, 'poll')!, pushPoll)).factorResult, 'TIMEOUT');

    const matching = await client.verifyFactor(userId, factor.id, { useNumberMatchingChallenge: true });
    assert.equal(typeof matching._embedded?.challenge?.correctAnswer, 'number');

    await client.cancelFactorTransaction(userId, factor.id, linkHref(matching._links, 'cancel')!);
    const cancelled = await rejection(client.getFactorTransactionStatus(userId, factor.id, factorTransactionId(matching)!));
    assert.ok(cancelled instanceof OktaApiError && cancelled.status === 404);

    // Polling gives up after maxDurationMs while Okta keeps answering WAITING.
    const slow = await client.verifyFactor(userId, factor.id);
    const gaveUp = await rejection(pollPushTransaction(client, userId, factor.id, factorTransactionId(slow)!, { intervalMs: 20, maxDurationMs: 100 }));
    assert.ok(gaveUp instanceof OktaNetworkError && gaveUp.kind === 'timeout');
    assert.match(gaveUp.message, /^The push verification was still waiting after \d+ s; stopped polling\.$/);

    // Polling stops on cancel (AbortSignal) without waiting for the interval.
    const another = await client.verifyFactor(userId, factor.id);
    const controller = new AbortController();
    const polling = pollPushTransaction(client, userId, factor.id, factorTransactionId(another)!, { intervalMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const aborted = await rejection(polling);
    assert.ok(Date.now() - started < 2000);
    assert.match((aborted as Error).message, /cancelled/);
  });

  test('push activation that times out answers TIMEOUT with an activate link; activating restarts it', async () => {
    const factor = await client.enrollFactor(userId, { factorType: 'push', provider: 'OKTA' });
    await control.push(userId, factor.id, 'expire');
    const timedOut = await pollPushActivation(client, userId, factor.id, linkHref(factor._links, 'poll'), pushPoll);
    assert.ok(!isUserFactor(timedOut) && timedOut.factorResult === 'TIMEOUT');
    assert.ok(linkHref(timedOut._links, 'activate'));
    const restarted = await client.activateFactor(userId, factor.id);
    assert.ok(!isUserFactor(restarted) && restarted.factorResult === 'WAITING');
  });

  test('token (RSA, Symantec) and token:hardware (YubiKey) enroll ACTIVE with a passcode and verify', async () => {
    const rsa = await client.enrollFactor(userId, { factorType: 'token', provider: 'RSA', profile: { credentialId: login }, verify: { passCode: '5275875498' } });
    assert.equal(rsa.status, 'ACTIVE');
    assert.equal((await client.verifyFactor(userId, rsa.id, { passCode: await control.code(userId, rsa.id) })).factorResult, 'SUCCESS');
    const symantec = await client.enrollFactor(userId, { factorType: 'token', provider: 'SYMANTEC', profile: { credentialId: 'VSMT14393584' }, verify: { passCode: '875498', nextPassCode: '678195' } });
    assert.equal(symantec.status, 'ACTIVE');
    const badToken = await rejection(client.enrollFactor(userId, { factorType: 'token', provider: 'RSA', profile: { credentialId: 'x' }, verify: { passCode: '000000' } }));
    assert.ok(badToken instanceof OktaApiError);

    const yubikey = await client.enrollFactor(userId, { factorType: 'token:hardware', provider: 'YUBICO', verify: { passCode: 'cccccceukngdfgkukfctkcvfidnetljjiknckkcjulji' } });
    assert.equal(yubikey.status, 'ACTIVE');
    assert.equal((await client.verifyFactor(userId, yubikey.id, { passCode: await control.code(userId, yubikey.id) })).factorResult, 'SUCCESS');
  });

  test('token:hotp (custom) auto-activates and verifies', async () => {
    const hotp = await client.enrollFactor(userId, { factorType: 'token:hotp', provider: 'CUSTOM', factorProfileId: 'fpr20l2mDyaUGWGCa0g4', profile: { sharedSecret: '484f97be3213b117e3a20438e291540a' } }, { activate: true });
    assert.equal(hotp.status, 'ACTIVE');
    assert.equal(hotp.vendorName, 'Entrust Datacard');
    assert.equal((await client.verifyFactor(userId, hotp.id, { passCode: await control.code(userId, hotp.id) })).factorResult, 'SUCCESS');
  });

  test('u2f and webauthn: enroll pending with a challenge, activate, verify challenge and signed answer', async () => {
    const u2f = await client.enrollFactor(userId, { factorType: 'u2f', provider: 'FIDO' });
    assert.equal(u2f.status, 'PENDING_ACTIVATION');
    assert.ok(u2f._embedded?.activation);
    assert.equal((await client.activateFactor(userId, u2f.id, { registrationData: 'cmVn', clientData: 'Y2xp' }) as UserFactor).status, 'ACTIVE');
    const u2fChallenge = await client.verifyFactor(userId, u2f.id);
    assert.equal(u2fChallenge.factorResult, 'CHALLENGE');
    assert.ok(u2fChallenge._embedded?.challenge);
    assert.equal((await client.verifyFactor(userId, u2f.id, { clientData: 'Y2xp', signatureData: 'c2ln' })).factorResult, 'SUCCESS');

    // The simulator checks WebAuthn like a relying party: a real attestation and assertion are needed.
    const passkey = new TestAuthenticator();
    const webauthn = await client.enrollFactor(userId, { factorType: 'webauthn', provider: 'FIDO' });
    const creation = { challenge: (webauthn._embedded?.activation as { challenge: string }).challenge, origin: sim.url };
    assert.equal((await client.activateFactor(userId, webauthn.id, passkey.attest(creation)) as UserFactor).status, 'ACTIVE');
    const webauthnChallenge = await client.verifyFactor(userId, webauthn.id);
    assert.equal(webauthnChallenge.factorResult, 'CHALLENGE');
    const request = { challenge: (webauthnChallenge._embedded?.challenge as { challenge: string }).challenge, origin: sim.url };
    assert.equal((await client.verifyFactor(userId, webauthn.id, passkey.assert(request))).factorResult, 'SUCCESS');
  });

  test('listFactors shows every enrolled factor; getFactor returns one; a factor type not enabled is a clear 400', async () => {
    assert.deepEqual(await client.listFactors(userId), []);
    const question = await client.enrollFactor(userId, { factorType: 'question', provider: 'OKTA', profile: { question: 'favorite_art_piece', answer: 'Mona Lisa' } });
    const sms = await client.enrollFactor(userId, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: phone() } });
    const listed = await client.listFactors(userId);
    assert.deepEqual(listed.map((f) => f.id).sort(), [question.id, sms.id].sort());
    assert.equal((await client.getFactor(userId, sms.id)).factorType, 'sms');
    const unknownProvider = await rejection(client.enrollFactor(userId, { factorType: 'sms', provider: 'ACME' }));
    assert.ok(unknownProvider instanceof OktaApiError);
    assert.match(unknownProvider.message, /\(E0000001, HTTP 400\): Invalid Provider\.$/);
  });
});

describe('input hygiene', () => {
  test('bad ids are refused before any request is sent', async () => {
    await control.resetRequestCounts();
    const calls: Array<() => Promise<unknown>> = [
      () => client.listFactors(''), () => client.getFactor(userId, 'a/b'), () => client.getFactor(userId, '..'),
      () => client.getUser('   '), () => client.getFactorTransactionStatus(userId, 'f1', ''),
      () => client.unenrollFactor(userId, '/'), () => client.verifyFactor('x/y', 'f1'),
      () => client.followLink('https://evil.example.com/api/v1/users'),
      () => client.followLink(`${sim.url.replace('127.0.0.1', 'localhost')}/api/v1/users`),
      () => client.followLink(`${sim.url}/sim/outbox`),
      () => client.cancelFactorTransaction(userId, 'f1', '//evil.example.com/api/v1/x'),
      () => client.verifyFactor(userId, 'f1', undefined, { userAgent: 'QA\r\nX-Injected: 1' }),
    ];
    for (const call of calls) {
      const error = await rejection(call());
      assert.ok(error instanceof OktaInputError, String(error));
    }
    assert.equal(await control.totalRequests(), 0);
  });
});

describe('demo seed: every factor type as listed by the org', () => {
  let demo: Simulator;
  before(async () => {
    demo = await startSimulator({ port: 0, seed: 'demo' });
  });
  after(async () => {
    await demo.close();
  });

  test('all.factors@example.com: every type parses, signed_nonce can be read but not verified', async () => {
    const { client: demoClient } = recordingClient(demo);
    const user = await demoClient.getUser('all.factors@example.com');
    const factors = await demoClient.listFactors(user.id);
    const types = new Set(factors.map((f) => f.factorType));
    for (const type of ['question', 'sms', 'call', 'email', 'push', 'token:software:totp', 'token', 'token:hardware', 'token:hotp', 'u2f', 'webauthn', 'signed_nonce']) {
      assert.ok(types.has(type as UserFactor['factorType']), type);
    }
    for (const factor of factors) assert.equal((await demoClient.getFactor(user.id, factor.id)).id, factor.id);
    const signedNonce = factors.find((f) => f.factorType === 'signed_nonce')!;
    assert.equal(linkHref(signedNonce._links, 'verify'), undefined);
    assert.ok(linkAllows(signedNonce._links, 'self', 'DELETE'));
  });

  test('a deprovisioned user\'s factor cannot be removed: Okta\'s own summary', async () => {
    const { client: demoClient } = recordingClient(demo);
    const user = await demoClient.getUser('deprovisioned.user@example.com');
    const [factor] = await demoClient.listFactors(user.id);
    assert.ok(factor, 'the seed gives this user a factor');
    const error = await rejection(demoClient.unenrollFactor(user.id, factor.id));
    assert.ok(error instanceof OktaApiError);
    assert.equal(error.message, 'You do not have permission to perform the requested action (E0000006, HTTP 403)');
  });
});
