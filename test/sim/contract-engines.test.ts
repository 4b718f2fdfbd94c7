// Contract tests for issue 9 on both engines: Custom TOTP enrolled under the demo's non-default
// profile and verified with an independently computed RFC 6238 code, and Identity Engine's extra
// factors (auto-enrolled email, recovery question, Okta Verify companions), every request and
// answer validated against the official contract by ContractClient. The profiles endpoint is not in
// the contract: its answer is checked against the model of Okta's Terraform provider instead.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Ajv from 'ajv';
import { startSimulator, type OrgEngine, type RunningSimulator } from '../../sim';
import { referenceBase32, referenceTotp } from '../unit/authenticator-referenceOtp';
import { ContractClient } from './openapi/contractClient';

const USERS = '/api/v1/users';
const SHA512_ID = 'fpr1nd8PQhGcQtSxB0g4';
const KEY = Buffer.from('contract-test-key-of-32-bytes-ok', 'ascii');

/** `sdk/factor_hotp.go` of terraform-provider-okta: the profile model (id, default, name, settings). */
const PROFILE_LIST_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['id', 'name', 'settings'],
    properties: {
      id: { type: 'string', pattern: '^fpr' },
      name: { type: 'string', minLength: 1 },
      default: { type: 'boolean' },
      settings: {
        type: 'object',
        required: ['timeBased', 'otpLength', 'hmacAlgorithm', 'timeStep', 'acceptableAdjacentIntervals', 'encoding'],
        properties: {
          timeBased: { const: true },
          otpLength: { enum: [6, 8, 10] },
          hmacAlgorithm: { enum: ['HMacSHA1', 'HMacSHA256', 'HMacSHA512'] },
          timeStep: { type: 'integer', minimum: 1 },
          acceptableAdjacentIntervals: { type: 'integer', minimum: 0, maximum: 10 },
          encoding: { enum: ['base32', 'base64', 'hexadecimal'] },
        },
      },
    },
  },
};

for (const engine of ['identity', 'classic'] as OrgEngine[]) {
  describe(`contract (${engine})`, () => {
    let sim: RunningSimulator;
    let api: ContractClient;
    const newUser = async (label: string, recovery?: { question: string; answer: string }) => {
      const login = `contract.${engine}.${label}@example.com`;
      const created = await api.call('POST', `${USERS}?activate=true`, {
        body: { profile: { firstName: 'Con', lastName: 'Tract', email: login, login },
          credentials: { password: { value: 'Sup3r-secret!' }, ...(recovery ? { recovery_question: recovery } : {}) } },
      });
      return created.body.id as string;
    };
    const factorsOf = async (userId: string) => (await api.call('GET', `${USERS}/${userId}/factors`)).body as any[];

    before(async () => {
      sim = await startSimulator({ seed: 'demo', engine });
      api = new ContractClient(sim.url, `SSWS ${sim.token}`);
    });
    after(() => sim.close());

    test('GET /api/v1/org/factors/hotp/profiles answers the Terraform model', async () => {
      const reply = await fetch(`${sim.url}/api/v1/org/factors/hotp/profiles`, { headers: { Authorization: `SSWS ${sim.token}`, Accept: 'application/json' } });
      assert.equal(reply.status, 200);
      assert.match(reply.headers.get('content-type') ?? '', /^application\/json/);
      const body = (await reply.json()) as { id: string; default: boolean }[];
      const validate = new Ajv({ strict: true }).compile(PROFILE_LIST_SCHEMA);
      assert.ok(validate(body), JSON.stringify(validate.errors));
      assert.ok(body.some((p) => p.id === SHA512_ID && !p.default));
    });

    test('Custom TOTP under the non-default profile: enroll, get, list, verify, replay, unenroll', async () => {
      const userId = await newUser('customtotp');
      const enrolled = await api.call('POST', `${USERS}/${userId}/factors?activate=true`, {
        body: { factorType: 'token:hotp', provider: 'CUSTOM', factorProfileId: SHA512_ID, profile: { sharedSecret: referenceBase32(KEY) } },
        variant: 'token:hotp',
      });
      assert.equal(enrolled.body.status, 'ACTIVE');
      const path = `${USERS}/${userId}/factors/${enrolled.body.id}`;
      assert.equal((await api.call('GET', path)).body.id, enrolled.body.id);
      const now = Date.parse(sim.control.clock().now) / 1000;
      if (now % 60 > 57) sim.advanceClock(4);
      const code = referenceTotp(KEY, Date.parse(sim.control.clock().now) / 1000, { algorithm: 'sha512', digits: 8, timeStep: 60 });
      const verified = await api.call('POST', `${path}/verify`, { body: { passCode: code }, variant: 'token:hotp' });
      assert.equal(verified.body.factorResult, 'SUCCESS');
      const replayed = await api.call('POST', `${path}/verify`, { body: { passCode: code }, variant: 'token:hotp' });
      assert.equal(replayed.status, 403);
      assert.equal(replayed.body.errorCode, 'E0000082');
      const listed = (await factorsOf(userId)).find((f) => f.id === enrolled.body.id);
      assert.match(listed.lastVerified, /Z$/);
      assert.equal((await api.call('DELETE', path)).status, 204);
    });

    test('a new user with a recovery question, then Okta Verify push: the list as the engine shows it', async () => {
      const userId = await newUser('okta-verify', { question: 'Where was your first job?', answer: 'the harbour' });
      const push = await api.call('POST', `${USERS}/${userId}/factors`, { body: { factorType: 'push', provider: 'OKTA' }, variant: 'push' });
      sim.approvePush(userId, push.body.id);
      const kinds = (await factorsOf(userId)).map((f) => `${f.factorType}/${f.status}`).sort();
      assert.deepEqual(kinds, engine === 'identity'
        ? ['email/ACTIVE', 'push/ACTIVE', 'question/ACTIVE', 'signed_nonce/ACTIVE', 'token:software:totp/ACTIVE']
        : ['push/ACTIVE']);
      for (const factor of await factorsOf(userId)) await api.call('GET', `${USERS}/${userId}/factors/${factor.id}`);
      const catalog = (await api.call('GET', `${USERS}/${userId}/factors/catalog`)).body as { factorType: string }[];
      assert.equal(catalog.some((e) => e.factorType === 'u2f'), engine === 'classic');
    });
  });
}
