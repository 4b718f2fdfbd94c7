// Every factor type the simulator enrolls, driven through all ten User Factor operations over
// real HTTP; every request body and response (success and error) is validated against the
// official contract by ContractClient, and the coverage is asserted at the end.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateSync } from 'otplib';
import { type RunningSimulator, SEED_ANSWER, startSimulator } from '../../sim';
import { ContractClient, type ContractExchange } from './openapi/contractClient';

let sim: RunningSimulator;
let api: ContractClient;

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

/** A TOTP code for the step `stepOffset` steps from now, as an authenticator app computes it. */
function totpCode(activation: { sharedSecret: string; timeStep: number; keyLength: number }, stepOffset = 0): string {
  return generateSync({
    secret: activation.sharedSecret,
    period: activation.timeStep,
    digits: activation.keyLength,
    epoch: Date.now() / 1000 + stepOffset * activation.timeStep,
  });
}

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
  sim = await startSimulator({ seed: 'demo' });
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
    const poll = await api.call('POST', linkPath(waiting.body._links.poll.href), { label, operationId: 'activateFactor' });
    assert.equal(poll.body.factorResult, 'WAITING');
    sim.approvePush(userId, factor.id);
    return (await call()).body;
  }
  if (type === 'u2f') return (await call({ registrationData: 'BQTEMUyOM8h1TiZG4DL-RdMr', clientData: 'eyJ0eXAiOiJuYXZpZ2F0b3IuaWQuZmluaXNoRW5yb2xsbWVudCJ9' })).body;
  if (type === 'webauthn') return (await call({ attestation: 'o2NmbXRmcGFja2Vk', clientData: 'eyJjaGFsbGVuZ2UiOiJVSk5wYW9sVWt0dF9vcEZPNXJMYyJ9' })).body;
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
    case 'email':
      // The enrollment code went out moments ago: a new challenge is refused by the per-address throttle.
      return expectError(await call(), 429, OTP_TOO_SOON[type]);
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
        : { clientData: 'eyJjaGFsbGVuZ2UiOiJ2UUZ3VHQ2eiJ9', authenticatorData: 'SBv04caJ+NLZ0bTeotGq9esMhHJ8', signatureData: 'MEUCIQCOCjKWl' };
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
          const resend = await api.call('POST', `${factorPath(userId, factor.id)}/resend`, {
            body: { factorType: factor.factorType, provider: 'OKTA', profile: factorCase.enroll.profile }, label,
          });
          expectError(resend, 429, OTP_TOO_SOON[factor.factorType]);
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
