// Every factor type the simulator enrolls, driven through all ten User Factor operations over
// real HTTP; every request body and response (success and error) is validated against the
// official contract by ContractClient, and the coverage is asserted at the end.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateSync } from 'otplib';
import { type RunningSimulator, SEED_ANSWER, startSimulator } from '../../sim';
import { ContractClient, type ContractExchange } from './openapi/contractClient';
import { TestAuthenticator } from './webauthnTestAuthenticator';

let sim: RunningSimulator;
let api: ContractClient;
/** Signs the webauthn factor's activation and verification. */
const passkey = new TestAuthenticator();

const USERS = '/api/v1/users';
const factorPath = (userId: string, factorId: string) => `${USERS}/${userId}/factors/${factorId}`;

async function userIdOf(login: string): Promise<string> {
  const { body } = await api.call('GET', `${USERS}/${encodeURIComponent(login)}`);
  return body.id as string;
}

/** Path part of a link the server handed out (links are absolute URLs on the simulator). */
function linkPath(href: string): string {
  const url = new URL(href);
  assert.equal(url.origin, sim.url, `link ${href} points outside the org`);
  return url.pathname + url.search;
}

function expectError(exchange: ContractExchange, status: number, errorCode: string): void {
  assert.equal(exchange.status, status, JSON.stringify(exchange.body));
  assert.equal(exchange.body.errorCode, errorCode);
}

/**
 * A TOTP code for the step `stepOffset` steps from now, as an authenticator app computes it; "now"
 * is the simulator's clock, which tests move forward past the sms/call cooldowns.
 */
function totpCode(activation: { sharedSecret: string; timeStep: number; keyLength: number }, stepOffset = 0): string {
  return generateSync({
    secret: activation.sharedSecret,
    period: activation.timeStep,
    digits: activation.keyLength,
    epoch: Date.parse(sim.control.clock().now) / 1000 + stepOffset * activation.timeStep,
  });
}

/** Past the one-code-per-30-s (sms/call) and per-5-s (email) throttles. */
const waitOutCooldown = () => sim.control.advanceClock(31);

const wrongCode = (code: string) => code.replace(/\d$/, (d) => String((Number(d) + 1) % 10));

interface FactorCase {
  label: string;
  enroll: Record<string, unknown>;
  query?: string;
  status: 'ACTIVE' | 'PENDING_ACTIVATION';
}

const YUBIKEY_OTP = 'cccccceukngdfgkukfctkcvfidnetljjiknckkcjulji';

const FACTOR_CASES: FactorCase[] = [
  { label: 'question', status: 'ACTIVE',
    enroll: { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'mayonnaise' } } },
  { label: 'sms', status: 'PENDING_ACTIVATION', enroll: { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1-555-415-1337' } } },
  { label: 'call', status: 'PENDING_ACTIVATION',
    enroll: { factorType: 'call', provider: 'OKTA', profile: { phoneNumber: '+1-555-415-1338', phoneExtension: '1234' } } },
  { label: 'email', status: 'PENDING_ACTIVATION', enroll: { factorType: 'email', provider: 'OKTA', profile: { email: 'no.factors@example.com' } } },
  { label: 'token:software:totp/OKTA', status: 'PENDING_ACTIVATION', enroll: { factorType: 'token:software:totp', provider: 'OKTA' } },
  { label: 'token:software:totp/GOOGLE', status: 'PENDING_ACTIVATION', enroll: { factorType: 'token:software:totp', provider: 'GOOGLE' } },
  { label: 'push', status: 'PENDING_ACTIVATION', enroll: { factorType: 'push', provider: 'OKTA' } },
  { label: 'token/RSA', status: 'ACTIVE',
    enroll: { factorType: 'token', provider: 'RSA', profile: { credentialId: 'no.factors@example.com' }, verify: { passCode: '5275875498' } } },
  { label: 'token/SYMANTEC', status: 'ACTIVE',
    enroll: { factorType: 'token', provider: 'SYMANTEC', profile: { credentialId: 'VSMT14393584' }, verify: { passCode: '875498', nextPassCode: '678195' } } },
  { label: 'token:hardware/YUBICO', status: 'ACTIVE', enroll: { factorType: 'token:hardware', provider: 'YUBICO', verify: { passCode: YUBIKEY_OTP } } },
  { label: 'token:hotp/CUSTOM', status: 'ACTIVE', query: '?activate=true',
    enroll: { factorType: 'token:hotp', provider: 'CUSTOM', factorProfileId: 'fpr20l2mDyaUGWGCa0g4', profile: { sharedSecret: '484f97be3213b117e3a20438e291540a' } } },
  { label: 'u2f', status: 'PENDING_ACTIVATION', enroll: { factorType: 'u2f', provider: 'FIDO' } },
  { label: 'webauthn', status: 'PENDING_ACTIVATION', enroll: { factorType: 'webauthn', provider: 'FIDO' } },
];

const OTP_TOO_SOON: Record<string, string> = { sms: 'E0000109', call: 'E0000047', email: 'E0000118' };

before(async () => {
  sim = await startSimulator({ seed: 'demo', engine: 'classic' });
  api = new ContractClient(sim.url, `SSWS ${sim.token}`);
});

after(async () => {
  await sim?.close();
});

/** Activation through the contract's activate operation, per factor type. */
async function activate(userId: string, factor: any, label: string): Promise<any> {
  const path = `${factorPath(userId, factor.id)}/lifecycle/activate`;
  const type = factor.factorType as string;
  const call = (body?: unknown) => api.call('POST', path, { body, variant: type, label });
  if (['sms', 'call', 'email'].includes(type)) {
    const [message] = sim.outbox({ factorId: factor.id }).slice(-1);
    assert.ok(message, `no ${type} code was sent`);
    expectError(await call({ passCode: wrongCode(message.code) }), 403, 'E0000068');
    return (await call({ passCode: message.code })).body;
  }
  if (type === 'token:software:totp') {
    const activation = factor._embedded.activation;
    expectError(await call({ passCode: wrongCode(totpCode(activation)) }), 403, 'E0000068');
    return (await call({ passCode: totpCode(activation) })).body;
  }
  if (type === 'push') {
    const waiting = await call();
    assert.equal(waiting.body.factorResult, 'WAITING');
    // The poll link (…/lifecycle/activate/poll) is not a contract path: its answer is the activate answer.
    const pollPath = linkPath(waiting.body._links.poll.href);
    const poll = () => api.call('POST', pollPath, { label, operationId: 'activateFactor' });
    assert.equal((await poll()).body.factorResult, 'WAITING');
    // The phone declines: the poll reports CANCELLED with an activate link that restarts the activation.
    sim.denyPush(userId, factor.id);
    const cancelled = await poll();
    assert.equal(cancelled.body.factorResult, 'CANCELLED');
    assert.equal(linkPath(cancelled.body._links.activate.href), path);
    assert.equal((await call()).body.factorResult, 'WAITING');
    sim.expirePush(userId, factor.id);
    assert.equal((await poll()).body.factorResult, 'TIMEOUT');
    assert.equal((await call()).body.factorResult, 'WAITING');
    sim.approvePush(userId, factor.id);
    return (await poll()).body;
  }
  if (type === 'u2f') return (await call({ registrationData: 'BQTEMUyOM8h1TiZG4DL-RdMr', clientData: 'eyJ0eXAiOiJuYXZpZ2F0b3IuaWQuZmluaXNoRW5yb2xsbWVudCJ9' })).body;
  if (type === 'webauthn') {
    expectError(await call({ attestation: 'o2NmbXRmcGFja2Vk', clientData: 'eyJjaGFsbGVuZ2UiOiJVSk5wYW9sVWt0dF9vcEZPNXJMYyJ9' }), 403, 'E0000068');
    // A refused attempt used up the challenge: the pending factor now shows a fresh one.
    const pending = await api.call('GET', factorPath(userId, factor.id), { label });
    return (await call(passkey.attest({ challenge: pending.body._embedded.activation.challenge, origin: sim.url }))).body;
  }
  throw new Error(`no activation for ${type}`);
}

/** Verification through the contract's verify operation (and transaction status for push). */
async function verify(userId: string, factor: any, label: string, totpActivation?: any): Promise<void> {
  const path = `${factorPath(userId, factor.id)}/verify`;
  const type = factor.factorType as string;
  const call = (body?: unknown) => api.call('POST', path, { body, variant: type, label });
  const success = async (body: unknown) => assert.equal((await call(body)).body.factorResult, 'SUCCESS');
  switch (type) {
    case 'question':
      expectError(await call({ answer: 'not the answer' }), 403, 'E0000068');
      return success({ answer: 'mayonnaise' });
    case 'sms':
    case 'call':
    case 'email': {
      // The last code went out moments ago: a new challenge is refused by the per-address throttle.
      expectError(await call(), 429, OTP_TOO_SOON[type]);
      waitOutCooldown();
      const challenge = await call();
      assert.equal(challenge.body.factorResult, 'CHALLENGE');
      const [message] = sim.outbox({ factorId: factor.id }).slice(-1);
      assert.equal(message.purpose, 'verify');
      expectError(await call({ passCode: wrongCode(message.code) }), 403, 'E0000068');
      return success({ passCode: message.code });
    }
    case 'token:software:totp': {
      const next = totpCode(totpActivation, 1);
      await success({ passCode: next });
      return expectError(await call({ passCode: next }), 403, 'E0000082');
    }
    case 'token':
      expectError(await call({ passCode: '000000' }), 403, 'E0000068');
      return success({ passCode: sim.currentCode(userId, factor.id).code });
    case 'token:hardware': {
      const otp = sim.currentCode(userId, factor.id).code;
      await success({ passCode: otp });
      return expectError(await call({ passCode: otp }), 403, 'E0000082');
    }
    case 'token:hotp':
      expectError(await call({ passCode: wrongCode(sim.currentCode(userId, factor.id).code) }), 403, 'E0000068');
      return success({ passCode: sim.currentCode(userId, factor.id).code });
    case 'push':
      return verifyPush(userId, factor, label);
    case 'u2f':
    case 'webauthn': {
      const challenge = await call();
      assert.equal(challenge.body.factorResult, 'CHALLENGE');
      assert.ok(challenge.body._embedded.challenge, 'no FIDO challenge');
      const signed = type === 'u2f'
        ? { clientData: 'eyJjaGFsbGVuZ2UiOiJ2UUZ3VHQ2eiJ9', signatureData: 'AQAAACYwRgIhAKPktdpH0T5mlPSm' }
        : passkey.assert({ challenge: challenge.body._embedded.challenge.challenge, origin: sim.url });
      const verified = await call(signed);
      assert.equal(verified.body.factorResult, 'SUCCESS');
      assert.ok(verified.check.tolerated.every((t) => t.rule === 'verify-profile-strings'));
      return;
    }
    default:
      throw new Error(`no verification for ${type}`);
  }
}

async function verifyPush(userId: string, factor: any, label: string): Promise<void> {
  const path = `${factorPath(userId, factor.id)}/verify`;
  const start = async (body?: unknown) => {
    const waiting = await api.call('POST', path, { body, variant: 'push', label, headers: { 'User-Agent': 'contract-test' } });
    assert.equal(waiting.status, 201);
    assert.equal(waiting.body.factorResult, 'WAITING');
    return waiting.body;
  };
  const poll = async (waiting: any) => (await api.call('GET', linkPath(waiting._links.poll.href), { label })).body;

  const approved = await start();
  assert.equal((await poll(approved)).factorResult, 'WAITING');
  sim.approvePush(userId, factor.id);
  assert.equal((await poll(approved)).factorResult, 'SUCCESS');

  const numberMatching = await start({ useNumberMatchingChallenge: true });
  assert.equal(typeof numberMatching._embedded.challenge.correctAnswer, 'number');
  assert.equal(typeof (await poll(numberMatching))._embedded.challenge.correctAnswer, 'number');
  sim.denyPush(userId, factor.id);
  assert.equal((await poll(numberMatching)).factorResult, 'REJECTED');

  const expired = await start();
  sim.expirePush(userId, factor.id);
  assert.equal((await poll(expired)).factorResult, 'TIMEOUT');

  expectError(await api.call('GET', `${factorPath(userId, factor.id)}/transactions/v2mst.unknown`, { label }), 404, 'E0000191');
}

describe('every enrollable factor type through all factor operations', () => {
  let userId: string;
  before(async () => {
    userId = await userIdOf('no.factors@example.com');
  });

  for (const factorCase of FACTOR_CASES) {
    test(factorCase.label, async () => {
      const { label } = factorCase;
      const enrolled = await api.call('POST', `${USERS}/${userId}/factors${factorCase.query ?? ''}`, { body: factorCase.enroll, label });
      assert.equal(enrolled.status, 200);
      let factor = enrolled.body;
      assert.equal(factor.status, factorCase.status);
      assert.equal(factor.factorType, factorCase.enroll.factorType);
      assert.equal(factor.provider, factorCase.enroll.provider);
      const totpActivation = factor._embedded?.activation;

      const fetched = await api.call('GET', factorPath(userId, factor.id), { label });
      assert.equal(fetched.body.id, factor.id);

      if (factor.status === 'PENDING_ACTIVATION') {
        assert.deepEqual(factor._links.self.hints.allow, ['GET'], 'a pending factor cannot be deleted through its self link');
        if (['sms', 'call', 'email'].includes(factor.factorType)) {
          const resend = () => api.call('POST', `${factorPath(userId, factor.id)}/resend`, {
            body: { factorType: factor.factorType, provider: 'OKTA', profile: factorCase.enroll.profile }, label,
          });
          expectError(await resend(), 429, OTP_TOO_SOON[factor.factorType]);
          waitOutCooldown();
          const resent = await resend();
          assert.equal(resent.body.id, factor.id);
          assert.equal(sim.outbox({ factorId: factor.id }).slice(-1)[0].purpose, 'resend');
        }
        factor = await activate(userId, factor, label);
        assert.equal(factor.status, 'ACTIVE');
        if (factor.factorType !== 'push') {
          // Unverified in the sources; the simulator answers 400 E0000001 (push answers the active factor).
          expectError(await api.call('POST', `${factorPath(userId, factor.id)}/lifecycle/activate`, { label }), 400, 'E0000001');
        }
      }
      assert.deepEqual(factor._links.self.hints.allow, ['GET', 'DELETE']);

      await verify(userId, factor, label, totpActivation);

      const listed = await api.call('GET', `${USERS}/${userId}/factors`, { label });
      assert.ok(listed.body.some((f: any) => f.id === factor.id && f.status === 'ACTIVE'));

      const removed = await api.call('DELETE', factorPath(userId, factor.id), { label });
      assert.equal(removed.status, 204);
      expectError(await api.call('GET', factorPath(userId, factor.id), { label }), 404, 'E0000007');
    });
  }
});

describe('seeded factors of every kind and status', () => {
  test('list, get, catalog and questions for a user holding every factor kind', async () => {
    const userId = await userIdOf('all.factors@example.com');
    const listed = await api.call('GET', `${USERS}/${userId}/factors`, { label: 'seeded' });
    const kinds = listed.body.map((f: any) => `${f.factorType}/${f.provider}`).sort();
    assert.equal(kinds.length, 14);
    assert.ok(kinds.includes('signed_nonce/OKTA'));
    for (const factor of listed.body) {
      const fetched = await api.call('GET', factorPath(userId, factor.id), { label: `seeded ${factor.factorType}/${factor.provider}` });
      assert.deepEqual(fetched.body, factor);
    }
    const catalog = await api.call('GET', `${USERS}/${userId}/factors/catalog`);
    assert.ok(catalog.check.tolerated.some((t) => t.rule === 'catalog-phones-array'), 'the sms entry should embed the phones array');
    assert.ok(catalog.body.every((entry: any) => entry._links.enroll.hints.allow.includes('POST')));
    const questions = await api.call('GET', `${USERS}/${userId}/factors/questions`);
    assert.ok(questions.body.length >= 19);
  });

  test('every seeded user: factor list, each factor and the catalog validate', async () => {
    const { body: users } = await api.call('GET', `${USERS}?search=${encodeURIComponent('id pr')}&limit=200`);
    assert.ok(users.length >= 50);
    const kinds = new Set<string>();
    for (const user of users) {
      const { body: factors } = await api.call('GET', `${USERS}/${user.id}/factors`);
      for (const factor of factors) {
        kinds.add(`${factor.factorType} ${factor.status}`);
        await api.call('GET', factorPath(user.id, factor.id));
      }
      await api.call('GET', `${USERS}/${user.id}/factors/catalog`);
    }
    assert.ok(kinds.size >= 19, `only ${[...kinds].join(', ')}`);
  });

  test('sms, call and email: challenge, passcode, then the per-address throttle; question with the seeded answer', async () => {
    const userId = await userIdOf('all.factors@example.com');
    const { body: factors } = await api.call('GET', `${USERS}/${userId}/factors`);
    for (const type of ['sms', 'call', 'email']) {
      const factor = factors.find((f: any) => f.factorType === type);
      const path = `${factorPath(userId, factor.id)}/verify`;
      const challenge = await api.call('POST', path, { label: `seeded ${type}` });
      assert.equal(challenge.body.factorResult, 'CHALLENGE');
      if (type !== 'email') assert.deepEqual(challenge.check.tolerated.map((t) => t.rule).sort()[0], 'verify-profile-strings');
      const [message] = sim.outbox({ factorId: factor.id }).slice(-1);
      expectError(await api.call('POST', path, { body: { passCode: wrongCode(message.code) }, variant: type }), 403, 'E0000068');
      const verified = await api.call('POST', path, { body: { passCode: message.code }, variant: type, label: `seeded ${type}` });
      assert.equal(verified.body.factorResult, 'SUCCESS');
      expectError(await api.call('POST', path, { label: `seeded ${type}` }), 429, OTP_TOO_SOON[type]);
    }
    const question = factors.find((f: any) => f.factorType === 'question');
    const answered = await api.call('POST', `${factorPath(userId, question.id)}/verify`, { body: { answer: SEED_ANSWER }, variant: 'question' });
    assert.equal(answered.body.factorResult, 'SUCCESS');
    const signedNonce = factors.find((f: any) => f.factorType === 'signed_nonce');
    assert.equal(signedNonce._links.verify, undefined, 'FastPass cannot be verified through this API');
  });

  test('pending factors: resend, activation limit, activation of every pending kind', async () => {
    const userId = await userIdOf('pending.factors@example.com');
    const { body: factors } = await api.call('GET', `${USERS}/${userId}/factors`);
    const byType = (type: string) => factors.find((f: any) => f.factorType === type);
    for (const type of ['sms', 'email']) {
      const factor = byType(type);
      assert.ok(Array.isArray(factor._links.resend), 'resend links are an array');
      const body = { factorType: type, provider: 'OKTA', profile: factor.profile };
      const resent = await api.call('POST', `${factorPath(userId, factor.id)}/resend`, { body, label: type });
      assert.equal(resent.status, 200);
      assert.equal(resent.body.id, factor.id);
      expectError(await api.call('POST', `${factorPath(userId, factor.id)}/resend`, { body, label: type }), 429, OTP_TOO_SOON[type]);
      assert.equal((await activate(userId, resent.body, type)).status, 'ACTIVE');
    }

    // Five wrong activation passcodes in five minutes: the sixth attempt and resends answer 429 E0000047.
    const call = byType('call');
    const activatePath = `${factorPath(userId, call.id)}/lifecycle/activate`;
    for (let i = 0; i < 5; i++) {
      expectError(await api.call('POST', activatePath, { body: { passCode: '000001' }, variant: 'call' }), 403, 'E0000068');
    }
    expectError(await api.call('POST', activatePath, { body: { passCode: '000001' }, variant: 'call' }), 429, 'E0000047');
    const resendBody = { factorType: 'call', provider: 'OKTA', profile: { phoneNumber: call.profile.phoneNumber } };
    expectError(await api.call('POST', `${factorPath(userId, call.id)}/resend`, { body: resendBody, label: 'call' }), 429, 'E0000047');

    const totp = byType('token:software:totp');
    assert.equal(typeof totp._embedded.activation._links.qrcode.href, 'string');
    for (const type of ['token:software:totp', 'push', 'u2f', 'webauthn']) {
      assert.equal((await activate(userId, byType(type), `seeded ${type}`)).status, 'ACTIVE');
    }
  });
});

describe('errors the simulator produces', () => {
  let userId: string;
  let factors: any[];
  before(async () => {
    userId = await userIdOf('all.factors@example.com');
    factors = (await api.call('GET', `${USERS}/${userId}/factors`)).body;
  });
  const factorOf = (type: string) => factors.find((f: any) => f.factorType === type);

  test('401 E0000011 on every operation for a wrong or missing token', async () => {
    const sms = factorOf('sms');
    const requests: [string, string, unknown?][] = [
      ['GET', USERS], ['GET', `${USERS}/${userId}`], ['GET', `${USERS}/me`],
      ['GET', `${USERS}/${userId}/factors`], ['POST', `${USERS}/${userId}/factors`, { factorType: 'question', provider: 'OKTA' }],
      ['GET', `${USERS}/${userId}/factors/catalog`], ['GET', `${USERS}/${userId}/factors/questions`],
      ['GET', factorPath(userId, sms.id)], ['DELETE', factorPath(userId, sms.id)],
      ['POST', `${factorPath(userId, sms.id)}/lifecycle/activate`], ['POST', `${factorPath(userId, sms.id)}/resend`, { factorType: 'sms' }],
      ['POST', `${factorPath(userId, sms.id)}/verify`], ['GET', `${factorPath(userId, sms.id)}/transactions/v2mst.x`],
    ];
    for (const authorization of ['SSWS wrong-token', 'Bearer not-an-access-token', '']) {
      const stranger = new ContractClient(sim.url, authorization, api.validator, api.coverage);
      for (const [method, path, body] of requests) {
        const answer = await stranger.call(method, path, { body });
        expectError(answer, 401, 'E0000011');
        assert.deepEqual(answer.check.interpretations, ['unauthorized-not-declared']);
      }
    }
    assert.equal((await api.call('GET', factorPath(userId, sms.id))).status, 200, 'nothing was deleted');
  });

  test('400 E0000003 for a body that is not JSON', async () => {
    const sms = factorOf('sms');
    for (const path of [`${USERS}/${userId}/factors`, `${factorPath(userId, sms.id)}/lifecycle/activate`,
      `${factorPath(userId, sms.id)}/resend`, `${factorPath(userId, sms.id)}/verify`]) {
      expectError(await api.call('POST', path, { rawBody: '{"factorType": "sms", ' }), 400, 'E0000003');
    }
  });

  test('400 validation errors on enroll: E0000001, E0000098, E0000121', async () => {
    const enroll = (body: unknown, query = '') => api.call('POST', `${USERS}/${userId}/factors${query}`, { body });
    const invalid = [
      [{ factorType: 'sms', provider: 'ACME' }, 'Invalid Provider.'],
      [{ factorType: 'web', provider: 'DUO' }, 'Factor not enabled.'],
      [{ factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1-555-000-1111' } }, 'There is an existing verified phone number.'],
      [{ factorType: 'call', provider: 'OKTA', profile: { phoneNumber: '+1-555-000-1111' } }, 'A factor of this type is already set up.'],
    ] as const;
    for (const [body, cause] of invalid) {
      const answer = await enroll(body);
      expectError(answer, 400, 'E0000001');
      assert.ok(answer.body.errorCauses.some((c: any) => c.errorSummary === cause), JSON.stringify(answer.body));
    }
    const fresh = await userIdOf('no.factors@example.com');
    const enrollFresh = (body: unknown, query = '') => api.call('POST', `${USERS}/${fresh}/factors${query}`, { body });
    expectError(await enrollFresh({ factorType: 'email', provider: 'OKTA', profile: { email: 'someone.else@example.com' } }), 400, 'E0000001');
    expectError(await enrollFresh({ factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'no' } }), 400, 'E0000001');
    expectError(await enrollFresh({ factorType: 'email', provider: 'OKTA' }, '?tokenLifetimeSeconds=0'), 400, 'E0000001');
    expectError(await enrollFresh({ factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: 'call me maybe' } }), 400, 'E0000098');
    expectError(await enrollFresh({ factorType: 'call', provider: 'OKTA', profile: { phoneNumber: '+1-555-415-1339', phoneExtension: 'ext. 12' } }), 400, 'E0000121');
    expectError(await enrollFresh({ factorType: 'token', provider: 'RSA', profile: { credentialId: 'x' }, verify: { passCode: '000000' } }), 403, 'E0000068');
  });

  test('400 E0000001 for bodies and states an operation cannot take', async () => {
    const sms = factorOf('sms');
    const totp = factorOf('token:software:totp');
    const signedNonce = factorOf('signed_nonce');
    const cases: [string, string, unknown?, string?][] = [
      ['POST', `${factorPath(userId, totp.id)}/verify`, {}, 'token:software:totp'],
      ['POST', `${factorPath(userId, signedNonce.id)}/verify`],
      ['POST', `${factorPath(userId, sms.id)}/resend`, { factorType: 'sms', provider: 'OKTA' }],
      ['POST', `${factorPath(userId, factorOf('u2f').id)}/verify`, { clientData: 'eyJ9' }, 'u2f'],
    ];
    for (const [method, path, body, variant] of cases) {
      expectError(await api.call(method, path, { body, variant }), 400, 'E0000001');
    }
  });

  test('403 E0000006 when unenrolling a factor of a deactivated user', async () => {
    const gone = await userIdOf('deprovisioned.user@example.com');
    const [factor] = (await api.call('GET', `${USERS}/${gone}/factors`)).body;
    expectError(await api.call('DELETE', factorPath(gone, factor.id)), 403, 'E0000006');
    assert.equal((await api.call('GET', factorPath(gone, factor.id))).status, 200, 'the factor stays');
  });

  test('known deviation: verifying a factor that is not active answers 410 E0000154, a status verifyFactor does not declare', async () => {
    // The simulator's choice (the catalogue's code for exactly this case); the contract only declares 400/403/404/429.
    const pendingUser = await userIdOf('pending.factors@example.com');
    const pendingFactors = (await api.call('GET', `${USERS}/${pendingUser}/factors`)).body;
    const pending = pendingFactors.find((f: any) => f.status === 'PENDING_ACTIVATION');
    assert.ok(pending, 'a pending factor is left');
    await assert.rejects(
      api.call('POST', `${factorPath(pendingUser, pending.id)}/verify`, { body: { passCode: '123456' }, variant: pending.factorType }),
      (error: Error) => /-> 410 \(verifyFactor\) breaks the contract:\n {2}status 410 is not declared for verifyFactor/.test(error.message)
        && error.message.includes('"errorCode":"E0000154"'),
    );
  });

  test('404 E0000007 for an unknown user or factor, E0000191 for an unknown transaction', async () => {
    const ghost = '00uDoesNotExist00000';
    for (const [method, path] of [['GET', `${USERS}/${ghost}`], ['GET', `${USERS}/${ghost}/factors`], ['GET', `${USERS}/${ghost}/factors/catalog`],
      ['GET', `${USERS}/${ghost}/factors/questions`], ['GET', factorPath(ghost, factorOf('sms').id)]]) {
      const answer = await api.call(method, path);
      expectError(answer, 404, 'E0000007');
      assert.match(answer.body.errorSummary, /\(User\)$/);
    }
    expectError(await api.call('POST', `${USERS}/${ghost}/factors`, { body: { factorType: 'question', provider: 'OKTA' } }), 404, 'E0000007');
    const missing = 'ufsDoesNotExist00000';
    for (const [method, path] of [['GET', factorPath(userId, missing)], ['DELETE', factorPath(userId, missing)],
      ['POST', `${factorPath(userId, missing)}/lifecycle/activate`], ['POST', `${factorPath(userId, missing)}/verify`],
      ['GET', `${factorPath(userId, missing)}/transactions/v2mst.x`]]) {
      const answer = await api.call(method, path);
      expectError(answer, 404, 'E0000007');
      assert.match(answer.body.errorSummary, /\(UserFactor\)$/);
    }
    expectError(await api.call('POST', `${factorPath(userId, missing)}/resend`, { body: { factorType: 'sms' } }), 404, 'E0000007');
    expectError(await api.call('GET', `${factorPath(userId, factorOf('push').id)}/transactions/v2mst.nope`), 404, 'E0000191');
  });

  test('429 E0000047 when a rate-limit bucket is exhausted (users, user by id, verify)', async () => {
    const question = factorOf('question');
    const buckets: [Record<string, number>, string, string, unknown?][] = [
      [{ usersPerMinute: 2 }, 'GET', `${USERS}/${userId}/factors`],
      [{ userByIdPerMinute: 2 }, 'GET', `${USERS}/${userId}`],
      [{ verifyPerMinute: 2 }, 'POST', `${factorPath(userId, question.id)}/verify`, { answer: SEED_ANSWER }],
    ];
    try {
      for (const [limits, method, path, body] of buckets) {
        sim.control.setRateLimits({ ...limits, windowSeconds: 60 });
        const variant = body ? 'question' : undefined;
        for (let i = 0; i < 2; i++) assert.notEqual((await api.call(method, path, { body, variant })).status, 429);
        const limited = await api.call(method, path, { body, variant });
        expectError(limited, 429, 'E0000047');
        assert.equal(limited.headers.get('x-rate-limit-limit'), '2');
        assert.equal(limited.headers.get('x-rate-limit-remaining'), '0');
        sim.control.setRateLimits({ usersPerMinute: 600, userByIdPerMinute: 2000, verifyPerMinute: 600 });
      }
    } finally {
      sim.control.setRateLimits({ usersPerMinute: 600, userByIdPerMinute: 2000, verifyPerMinute: 600, windowSeconds: 60 });
    }
  });
});

describe('coverage', () => {
  const LABELS = FACTOR_CASES.map((c) => c.label);
  const NEEDS_ACTIVATION = FACTOR_CASES.filter((c) => c.status === 'PENDING_ACTIVATION').map((c) => c.label);
  const seen = (operationId: string, status: number, label?: string) =>
    api.coverage.some((e) => e.operationId === operationId && e.status === status && (label === undefined || e.label === label));

  test('every operation ran for every factor type it applies to', () => {
    for (const label of LABELS) {
      for (const [operationId, status] of [['enrollFactor', 200], ['getFactor', 200], ['listFactors', 200], ['unenrollFactor', 204], ['getFactor', 404]] as const) {
        assert.ok(seen(operationId, status, label), `${operationId} ${status} not covered for ${label}`);
      }
      const verifyStatus = label === 'push' ? 201 : 200;
      assert.ok(seen('verifyFactor', verifyStatus, label), `verifyFactor ${verifyStatus} not covered for ${label}`);
    }
    for (const label of NEEDS_ACTIVATION) assert.ok(seen('activateFactor', 200, label), `activateFactor not covered for ${label}`);
    for (const label of ['sms', 'call', 'email']) {
      assert.ok(seen('resendEnrollFactor', 200, label), `resend not covered for ${label}`);
      assert.ok(seen('resendEnrollFactor', 429, label) && seen('verifyFactor', 429, label), `throttle not covered for ${label}`);
    }
    for (const label of ['seeded sms', 'seeded call', 'seeded email']) assert.ok(seen('verifyFactor', 200, label), `challenge not covered for ${label}`);
    assert.ok(seen('getFactorTransactionStatus', 200, 'push'));
    assert.ok(seen('listSupportedFactors', 200) && seen('listSupportedSecurityQuestions', 200));
  });

  test('every error the simulator produces was validated', () => {
    const errors = new Set(api.coverage.filter((e) => e.errorCode).map((e) => `${e.status} ${e.errorCode}`));
    for (const expected of ['400 E0000001', '400 E0000003', '400 E0000098', '400 E0000121', '401 E0000011', '403 E0000006', '403 E0000068',
      '403 E0000082', '404 E0000007', '404 E0000191', '429 E0000047', '429 E0000109', '429 E0000118']) {
      assert.ok(errors.has(expected), `${expected} not covered`);
    }
  });

  test('only the §11 deviations were tolerated', () => {
    const rules = new Set(api.coverage.flatMap((e) => e.tolerated.map((t) => t.rule)));
    assert.deepEqual([...rules].sort(), ['catalog-phones-array', 'resend-link-array', 'verify-enrolled-factors-array', 'verify-profile-strings']);
  });
});
