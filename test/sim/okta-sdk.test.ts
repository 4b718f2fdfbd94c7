// Okta's official Node SDK (@okta/okta-sdk-nodejs) against the simulator: all ten User Factor
// operations, a paged user listing, and its automatic retry after a 429.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client } from '@okta/okta-sdk-nodejs';
import { generateSync } from 'otplib';
import { type OrgEngine, type RunningSimulator, startSimulator } from '../../sim';
import { referenceBase32, referenceTotp } from '../unit/authenticator-referenceOtp';

let sim: RunningSimulator;
let client: Client;

function newClient(): Client {
  // `testing.disableHttpsCheck` lets the SDK talk to the http loopback URL (not in its typings).
  const config = { orgUrl: sim.url, token: sim.token, testing: { disableHttpsCheck: true } };
  return new Client(config);
}

/** The SDK's Collection types its items as `T | null`; a page never holds a null. */
async function all<T>(collection: AsyncIterable<T | null>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of collection) {
    assert.ok(item !== null, 'the SDK yielded a null item');
    items.push(item);
  }
  return items;
}

async function userIdOf(login: string): Promise<string> {
  const user = await client.userApi.getUser({ userId: login });
  return user.id!;
}

before(async () => {
  sim = await startSimulator({ seed: 'demo' });
  client = newClient();
});

after(async () => {
  await sim?.close();
});

describe('the official Node SDK runs every factor operation', () => {
  test('catalog, questions, enroll, get, activate, verify, list, unenroll (question and TOTP)', async () => {
    const userId = await userIdOf('no.factors@example.com');
    const catalog = await all(await client.userFactorApi.listSupportedFactors({ userId }));
    assert.ok(catalog.some((entry) => entry.factorType === 'token:software:totp'));
    const questions = await all(await client.userFactorApi.listSupportedSecurityQuestions({ userId }));
    assert.ok(questions.some((q) => q.question === 'disliked_food'));

    const question = await client.userFactorApi.enrollFactor({
      userId,
      body: { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'mayonnaise' } } as any,
    });
    assert.equal(question.status, 'ACTIVE');
    const answered = await client.userFactorApi.verifyFactor({ userId, factorId: question.id!, body: { answer: 'mayonnaise' } });
    assert.equal(answered.factorResult, 'SUCCESS');

    const totp: any = await client.userFactorApi.enrollFactor({ userId, body: { factorType: 'token:software:totp', provider: 'GOOGLE' } as any });
    assert.equal(totp.status, 'PENDING_ACTIVATION');
    const activation = totp._embedded.activation;
    const code = (steps: number) => generateSync({
      secret: activation.sharedSecret, period: activation.timeStep, digits: activation.keyLength,
      epoch: Date.now() / 1000 + steps * activation.timeStep,
    });
    const activated: any = await client.userFactorApi.activateFactor({ userId, factorId: totp.id, body: { passCode: code(0) } });
    assert.equal(activated.status, 'ACTIVE');
    const fetched = await client.userFactorApi.getFactor({ userId, factorId: totp.id });
    assert.equal(fetched.status, 'ACTIVE');
    const verified = await client.userFactorApi.verifyFactor({ userId, factorId: totp.id, body: { passCode: code(1) } });
    assert.equal(verified.factorResult, 'SUCCESS');
    await assert.rejects(
      client.userFactorApi.verifyFactor({ userId, factorId: totp.id, body: { passCode: code(1) } }),
      (error: any) => error.status === 403 && error.errorCode === 'E0000082',
    );

    const enrolled = await all(await client.userFactorApi.listFactors({ userId }));
    assert.deepEqual(enrolled.map((f) => f.id).sort(), [question.id, totp.id].sort());
    await client.userFactorApi.unenrollFactor({ userId, factorId: totp.id });
    await client.userFactorApi.unenrollFactor({ userId, factorId: question.id!, removeRecoveryEnrollment: false });
    assert.deepEqual(await all(await client.userFactorApi.listFactors({ userId })), []);
    await assert.rejects(client.userFactorApi.getFactor({ userId, factorId: totp.id }), (error: any) => error.status === 404);
  });

  test('resend and activate a pending sms enrollment', async () => {
    const userId = await userIdOf('pending.factors@example.com');
    const sms: any = (await all(await client.userFactorApi.listFactors({ userId }))).find((f) => f.factorType === 'sms');
    const resent: any = await client.userFactorApi.resendEnrollFactor({
      userId, factorId: sms.id, resendUserFactor: { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: sms.profile.phoneNumber } } as any,
    });
    assert.equal(resent.factorType, 'sms');
    const [message] = sim.outbox({ factorId: sms.id }).slice(-1);
    assert.equal(message.purpose, 'resend');
    const activated: any = await client.userFactorApi.activateFactor({ userId, factorId: sms.id, body: { passCode: message.code } });
    assert.equal(activated.status, 'ACTIVE');
  });

  test('push: verify answers 201 WAITING, the transaction status follows the phone', async () => {
    const userId = await userIdOf('all.factors@example.com');
    const push: any = (await all(await client.userFactorApi.listFactors({ userId }))).find((f) => f.factorType === 'push');
    const waiting: any = await client.userFactorApi.verifyFactor({ userId, factorId: push.id, userAgent: 'okta-sdk-test' });
    assert.equal(waiting.factorResult, 'WAITING');
    const transactionId = new URL(waiting._links.poll.href).pathname.split('/').pop()!;
    const pending = await client.userFactorApi.getFactorTransactionStatus({ userId, factorId: push.id, transactionId });
    assert.equal(pending.factorResult, 'WAITING');
    sim.approvePush(userId, push.id, transactionId);
    const approved = await client.userFactorApi.getFactorTransactionStatus({ userId, factorId: push.id, transactionId });
    assert.equal(approved.factorResult, 'SUCCESS');
  });

  test('every seeded factor kind deserializes, including signed_nonce', async () => {
    const userId = await userIdOf('all.factors@example.com');
    const factors = await all(await client.userFactorApi.listFactors({ userId }));
    assert.equal(factors.length, 14);
    assert.ok(factors.some((f) => f.factorType === 'signed_nonce'));
  });
});

describe('the official Node SDK lists users page by page', () => {
  test('a small limit needs several pages and collects every user once', async () => {
    const everyone = await all(await client.userApi.listUsers({ limit: 200 }));
    sim.control.resetRequestCounts();
    const paged = await all(await client.userApi.listUsers({ limit: 6 }));
    assert.deepEqual(paged.map((u) => u.id), everyone.map((u) => u.id));
    const pageRequests = Object.entries(sim.control.requestCounts().counts)
      .filter(([request]) => request.startsWith('GET /api/v1/users'))
      .reduce((sum, [, count]) => sum + count, 0);
    assert.equal(pageRequests, Math.ceil(everyone.length / 6));
    assert.ok(pageRequests >= 5);
  });
});

describe('the official Node SDK retries after a 429', () => {
  test('backs off until X-Rate-Limit-Reset, retries with X-Okta-Retry-For/Count, and succeeds', async () => {
    const userId = await userIdOf('all.factors@example.com');
    const retrying = newClient();
    const backoffs: { status: number; errorCode: string; requestId: string; delayMs: number }[] = [];
    const retries: Record<string, string>[] = [];
    retrying.requestExecutor.on('backoff', (_request: unknown, response: Response, requestId: string, delayMs: number) => {
      const backoff = { status: response.status, errorCode: '', requestId, delayMs };
      backoffs.push(backoff);
      // The body is read during the back-off (seconds), long before the retried call resolves.
      void response.clone().json().then((body) => (backoff.errorCode = (body as { errorCode: string }).errorCode));
    });
    retrying.requestExecutor.on('resume', (request: { headers: Record<string, string> }) => retries.push(request.headers));
    // 2 s windows: a window opens at the whole second of its first request, so the second call
    // (milliseconds later) is still in it however late in its second the first one came.
    sim.control.setRateLimits({ usersPerMinute: 1, windowSeconds: 2 });
    try {
      sim.control.resetRequestCounts();
      const path = `/api/v1/users/${userId}/factors`;
      await all(await retrying.userFactorApi.listFactors({ userId }));
      const started = Date.now();
      const factors = await all(await retrying.userFactorApi.listFactors({ userId }));
      assert.equal(factors.length, 14, 'the retried call ultimately succeeds');
      assert.ok(Date.now() - started < 5000, 'the back-off follows the 2 s window');

      assert.equal(backoffs.length, 1);
      assert.equal(backoffs[0].status, 429);
      assert.equal(backoffs[0].errorCode, 'E0000047');
      assert.ok(backoffs[0].requestId, 'the 429 carried X-Okta-Request-Id');
      assert.ok(backoffs[0].delayMs > 0 && backoffs[0].delayMs <= 3000, `delay ${backoffs[0].delayMs} ms`);
      assert.equal(retries.length, 1);
      assert.equal(retries[0]['X-Okta-Retry-For'], backoffs[0].requestId);
      assert.equal(retries[0]['X-Okta-Retry-Count'], 1);
      assert.equal(sim.control.requestCount('GET', path), 3, 'the simulator saw the first call, the 429 and the retry');
    } finally {
      sim.control.setRateLimits({ usersPerMinute: 600, windowSeconds: 60 });
    }
  });
});

describe('the official Node SDK on both engines: Custom TOTP and Identity Engine factors', () => {
  for (const engine of ['identity', 'classic'] as OrgEngine[]) {
    test(`${engine}: creates a user, enrolls Custom TOTP under the SHA-512 profile, verifies, lists`, async () => {
      const org = await startSimulator({ seed: 'empty', engine });
      try {
        const sdk = new Client({ orgUrl: org.url, token: org.token, testing: { disableHttpsCheck: true } } as any);
        const user = await sdk.userApi.createUser({
          body: {
            profile: { firstName: 'Sdk', lastName: 'User', email: 'sdk.user@example.com', login: 'sdk.user@example.com' },
            credentials: { password: { value: 'Sup3r-secret!' }, recovery_question: { question: 'First pet?', answer: 'Goldie' } },
          },
          activate: true,
        });
        const key = Buffer.from('sdk-custom-totp-key!', 'ascii');
        const factor = await sdk.userFactorApi.enrollFactor({
          userId: user.id!,
          activate: true,
          body: { factorType: 'token:hotp', provider: 'CUSTOM', factorProfileId: 'fpr1nd8PQhGcQtSxB0g4', profile: { sharedSecret: referenceBase32(key) } } as any,
        });
        assert.equal(factor.status, 'ACTIVE');
        if (Date.parse(org.control.clock().now) / 1000 % 60 > 57) org.advanceClock(4);
        const passCode = referenceTotp(key, Date.parse(org.control.clock().now) / 1000, { algorithm: 'sha512', digits: 8, timeStep: 60 });
        const verified = await sdk.userFactorApi.verifyFactor({ userId: user.id!, factorId: factor.id!, body: { passCode } });
        assert.equal(verified.factorResult, 'SUCCESS');
        const listed = await all(await sdk.userFactorApi.listFactors({ userId: user.id! }));
        assert.deepEqual(listed.map((f) => f.factorType).sort(), engine === 'identity' ? ['email', 'question', 'token:hotp'] : ['token:hotp']);
      } finally {
        await org.close();
      }
    });
  }
});
