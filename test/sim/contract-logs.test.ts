// The System Log and the user lifecycle against the official contract: every event the simulator
// writes (each event type, both engines, every kind of caller) is read through GET /api/v1/logs and
// validated against `listLogEvents` / `LogEvent` of openapi-system-log.yaml, as are the log's error
// answers; the lifecycle calls against the release's own UserLifecycle paths.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSimulator, type OrgEngine, type RunningSimulator } from '../../sim';
import { ContractClient, type ContractExchange } from './openapi/contractClient';
import { loadContractWithSupplement, loadSystemLogContract, resolveRef } from './openapi/contractDocument';
import { ContractValidator } from './openapi/contractValidator';
import { parseLinkHeader } from './openapi/responseHeaders';
import { obtainToken, registerApp } from './oauthHelpers';
import { call } from './simHelpers';

const LOGS = '/api/v1/logs';
const sims = {} as Record<OrgEngine, RunningSimulator>;
const logValidator = new ContractValidator(loadSystemLogContract());
const logClients = {} as Record<OrgEngine, ContractClient>;
let users: ContractClient;

before(async () => {
  sims.identity = await startSimulator({ seed: 'demo', engine: 'identity', accessTokens: ['startup-bearer'] });
  sims.classic = await startSimulator({ seed: 'empty', engine: 'classic' });
  const coverage = [] as ContractClient['coverage'];
  for (const engine of ['identity', 'classic'] as const) {
    logClients[engine] = new ContractClient(sims[engine].url, `SSWS ${sims[engine].token}`, logValidator, coverage);
  }
  users = new ContractClient(sims.identity.url, `SSWS ${sims.identity.token}`, new ContractValidator(loadContractWithSupplement()));
});

after(async () => {
  await Promise.all(Object.values(sims).map((sim) => sim.close()));
});

let counter = 0;

/** Causes every kind of event the simulator writes (see sim/README.md, "System Log"). */
async function causeEveryEvent(sim: RunningSimulator): Promise<void> {
  const api = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const reply = await call(sim, method, path, body, headers);
    assert.ok(reply.status < 300, `${method} ${path}: ${reply.status} ${reply.text}`);
    return reply.body;
  };
  const login = `contract.log${++counter}@example.com`;
  const user = await api('POST', '/api/v1/users?activate=true', {
    profile: { firstName: 'Contract', lastName: 'Log', email: login, login },
    credentials: { password: { value: 'Passw0rd!Passw0rd!' } },
  }, { 'User-Agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Version/17.4 Mobile/15E148 Safari/604.1' });
  const factors = `/api/v1/users/${user.id}/factors`;
  const question = await api('POST', factors, { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'mayonnaise' } });
  await api('POST', `${factors}/${question.id}/verify`, { answer: 'mayonnaise' });
  assert.equal((await call(sim, 'POST', `${factors}/${question.id}/verify`, { answer: 'ketchup' })).status, 403);
  const phones = [['sms', '+1 555 0177 100'], ['call', '+1 555 0177 101']] as const;
  for (const [factorType, phoneNumber] of phones) {
    const factor = await api('POST', factors, { factorType, provider: 'OKTA', profile: { phoneNumber } });
    await api('POST', `${factors}/${factor.id}/lifecycle/activate`, { passCode: sim.control.currentCode(user.id, factor.id).code });
    sim.advanceClock(31);
    await api('POST', `${factors}/${factor.id}/verify`);
  }
  const emailFactor = (await api('GET', factors)).find((f: { factorType: string }) => f.factorType === 'email')
    ?? await api('POST', `${factors}?activate=true`, { factorType: 'email', provider: 'OKTA', profile: { email: login } });
  await api('POST', `${factors}/${emailFactor.id}/verify`, undefined, { 'X-Forwarded-For': '198.51.100.4' });
  const totp = await api('POST', factors, { factorType: 'token:software:totp', provider: 'GOOGLE' });
  const code = sim.control.currentCode(user.id, totp.id).code;
  await api('POST', `${factors}/${totp.id}/lifecycle/activate`, { passCode: code });
  assert.equal((await call(sim, 'POST', `${factors}/${totp.id}/verify`, { passCode: code })).status, 403);
  const push = await api('POST', factors, { factorType: 'push', provider: 'OKTA' });
  sim.approvePush(user.id, push.id);
  for (const answer of ['approve', 'deny'] as const) {
    await api('POST', `${factors}/${push.id}/verify`);
    if (answer === 'approve') sim.approvePush(user.id, push.id);
    else sim.denyPush(user.id, push.id);
  }
  await api('DELETE', `${factors}/${push.id}`);
  await api('POST', `/api/v1/users/${user.id}/lifecycle/reset_factors`);
  await api('POST', `/api/v1/users/${user.id}`, { profile: { nickName: 'Logged' } });
  for (const operation of ['suspend', 'unsuspend', 'deactivate']) await api('POST', `/api/v1/users/${user.id}/lifecycle/${operation}`);
  await api('POST', `/api/v1/users/${user.id}/lifecycle/activate?sendEmail=false`);
  await api('DELETE', `/api/v1/users/${user.id}`);
  await api('DELETE', `/api/v1/users/${user.id}`);
}

const ALL_TYPES = [
  'user.lifecycle.create', 'user.lifecycle.activate', 'user.mfa.factor.activate', 'user.authentication.auth_via_mfa',
  'system.sms.send_phone_verification_message', 'system.voice.send_phone_verification_call', 'system.sms.send_factor_verify_message',
  'system.voice.send_mfa_challenge_call', 'system.email.send_factor_verify_message', 'system.push.send_factor_verify_push',
  'user.mfa.factor.deactivate', 'user.mfa.factor.reset_all', 'user.account.update_profile', 'user.lifecycle.suspend',
  'user.lifecycle.unsuspend', 'user.lifecycle.deactivate', 'user.lifecycle.delete.initiated', 'user.lifecycle.delete.completed',
];

/** Every page of a bounded read of the last hour (validated page by page by the contract client). */
async function readAll(client: ContractClient, sim: RunningSimulator): Promise<Record<string, unknown>[]> {
  const now = Date.parse(sim.control.clock().now);
  const query = new URLSearchParams({ since: new Date(now - 3600_000).toISOString(), until: new Date(now + 1000).toISOString(), limit: '50' });
  const events: Record<string, unknown>[] = [];
  let path: string | undefined = `${LOGS}?${query.toString()}`;
  for (let pages = 0; path && pages < 100; pages++) {
    const page: ContractExchange = await client.call('GET', path, { label: 'page' });
    events.push(...page.body);
    const next = parseLinkHeader(page.headers.get('link')).next;
    path = next ? next.slice(sim.url.length) : undefined;
  }
  return events;
}

describe('every event validates against LogEvent', () => {
  test('each event type, on both engines, read in pages', async () => {
    for (const engine of ['identity', 'classic'] as const) {
      await causeEveryEvent(sims[engine]);
      const events = await readAll(logClients[engine], sims[engine]);
      const types = new Set(events.map((e) => e.eventType as string));
      for (const type of ALL_TYPES) assert.ok(types.has(type), `${engine}: no ${type}`);
      assert.ok(types.has(engine === 'identity' ? 'user.authentication.auth_via_mfa' : 'user.mfa.okta_verify.deny_push'));
    }
  });

  test('the seeded unlock, a service app\'s and a start-up Bearer token\'s events validate too', async () => {
    const sim = sims.identity;
    const locked = (await call(sim, 'GET', '/api/v1/users/locked.out@example.com')).body;
    assert.equal((await call(sim, 'POST', `/api/v1/users/${locked.id}/lifecycle/unlock`)).status, 200);
    const suspended = (await call(sim, 'GET', '/api/v1/users/suspended.user@example.com')).body;
    assert.equal((await call(sim, 'POST', `/api/v1/users/${suspended.id}/lifecycle/unsuspend`, undefined, { Authorization: 'Bearer startup-bearer' })).status, 200);
    const app = await registerApp(sim, { scopes: ['okta.users.manage', 'okta.logs.read'], requireDpop: false });
    const token = await obtainToken(sim, app, 'okta.users.manage okta.logs.read', false);
    const appClient = new ContractClient(sim.url, `Bearer ${token.accessToken}`, logValidator);
    assert.equal((await call(sim, 'POST', `/api/v1/users/${suspended.id}/lifecycle/suspend`, undefined, { Authorization: `Bearer ${token.accessToken}` })).status, 200);
    const events = await readAll(appClient, sim);
    const types = events.map((e) => e.eventType);
    assert.ok(types.includes('user.account.unlock_by_admin'));
    const bySelf = events.filter((e) => (e.actor as { type: string }).type === 'PublicClientAppEntity');
    assert.equal(bySelf.length, 1);
  });

  test('the validator does check events: a number for version or a null zone fails', () => {
    const event = { eventType: 'user.lifecycle.create', version: '0', client: { zone: 'null' }, outcome: { result: 'SUCCESS' } };
    assert.equal(logValidator.validateResponse('listLogEvents', 200, [event]).ok, true);
    assert.equal(logValidator.validateResponse('listLogEvents', 200, [{ ...event, version: 0 }]).ok, false);
    assert.equal(logValidator.validateResponse('listLogEvents', 200, [{ ...event, client: { zone: null } }]).ok, false);
    assert.equal(logValidator.validateResponse('listLogEvents', 200, [{ ...event, outcome: { result: 'MAYBE' } }]).ok, false);
  });

  test('the contract\'s own ListLogs example breaks its schema where real events do (version 0, nulls, a numeric postal code)', () => {
    const example = resolveRef<{ value: unknown }>({ $ref: '#/components/examples/ListLogs' }, loadSystemLogContract()).value;
    const check = logValidator.validateResponse('listLogEvents', 200, example);
    assert.equal(check.ok, false);
    const pointers = new Set(check.errors.map((e) => e.split(' ')[0]));
    for (const pointer of ['/0/version', '/0/client/zone', '/0/client/geographicalContext/postalCode', '/0/outcome/reason']) {
      assert.ok(pointers.has(pointer), `${pointer} in ${[...pointers].join(', ')}`);
    }
  });
});

describe('the log\'s refusals are the contract\'s Error', () => {
  test('400 (E0000001, E0000053, E0000031), 403, 429', async () => {
    const sim = sims.classic;
    const client = logClients.classic;
    const expect = async (query: string, status: number, code: string) => {
      const reply = await client.call('GET', `${LOGS}?${query}`);
      assert.equal(reply.status, status, JSON.stringify(reply.body));
      assert.equal(reply.body.errorCode, code);
    };
    await expect('limit=5000', 400, 'E0000001');
    await expect(`since=${new Date(Date.parse(sim.control.clock().now) - 200 * 86_400_000).toISOString()}`, 400, 'E0000053');
    await expect(`filter=${encodeURIComponent('published gt "x"')}`, 400, 'E0000053');
    await expect(`filter=${encodeURIComponent('debugContext.debugData.requestUri co "x"')}`, 400, 'E0000031');
    sim.control.setLogSettings({ tokenOwnerMayReadLogs: false });
    await expect('limit=1', 403, 'E0000006');
    sim.control.setLogSettings({ tokenOwnerMayReadLogs: true });
    sim.control.setRateLimits({ logsPerMinute: 1 });
    try {
      await client.call('GET', LOGS);
      await expect('limit=1', 429, 'E0000047');
    } finally {
      sim.control.setRateLimits({ logsPerMinute: 120 });
    }
  });
});

describe('the user lifecycle against the release\'s UserLifecycle paths', () => {
  const newUser = async (query: string, withPassword: boolean): Promise<string> => {
    const login = `contract.lifecycle${++counter}@example.com`;
    const reply = await users.call('POST', `/api/v1/users${query}`, {
      body: { profile: { firstName: 'Con', lastName: 'Tract', email: login, login }, ...(withPassword ? { credentials: { password: { value: 'Passw0rd!Passw0rd!' } } } : {}) },
    });
    return reply.body.id;
  };
  const lifecycle = (id: string, operation: string, query = '') => users.call('POST', `/api/v1/users/${id}/lifecycle/${operation}${query}`);

  test('activate, deactivate, suspend, unsuspend, delete and their refusals', async () => {
    const staged = await newUser('?activate=false', true);
    const token = await lifecycle(staged, 'activate', '?sendEmail=false');
    assert.deepEqual(Object.keys(token.body).sort(), ['activationToken', 'activationUrl']);
    assert.equal((await lifecycle(staged, 'activate')).body.errorCode, 'E0000016');
    assert.deepEqual((await lifecycle(await newUser('?activate=false', false), 'activate')).body, {});
    for (const [operation, from] of [['suspend', 'ACTIVE'], ['unsuspend', 'SUSPENDED'], ['deactivate', 'any']] as const) {
      const reply = await lifecycle(staged, operation);
      assert.equal(reply.status, 200, `${operation} from ${from}`);
      assert.deepEqual(reply.check.interpretations, ['empty-object-for-no-content']);
    }
    assert.equal((await lifecycle(staged, 'deactivate')).status, 404);
    assert.equal((await lifecycle(staged, 'suspend')).status, 400);
    assert.equal((await lifecycle(staged, 'unsuspend')).status, 400);
    assert.equal((await lifecycle(await newUser('', false), 'activate')).body.errorCode, 'E0000038');
    assert.equal((await users.call('DELETE', `/api/v1/users/${staged}`)).status, 204);
    assert.equal((await users.call('DELETE', `/api/v1/users/${staged}`)).status, 404);
    const me = (await users.call('GET', '/api/v1/users/me')).body.id;
    assert.equal((await users.call('DELETE', `/api/v1/users/${me}`)).status, 403);
  });

  test('every lifecycle operation and status above was validated', () => {
    const seen = new Set(users.coverage.map((e) => `${e.operationId} ${e.status}${e.errorCode ? ` ${e.errorCode}` : ''}`));
    for (const expected of ['activateUser 200', 'activateUser 403 E0000016', 'activateUser 403 E0000038', 'deactivateUser 200',
      'deactivateUser 404 E0000007', 'suspendUser 200', 'suspendUser 400 E0000001', 'unsuspendUser 200', 'unsuspendUser 400 E0000001',
      'deleteUser 204', 'deleteUser 404 E0000007', 'deleteUser 403 E0000006']) {
      assert.ok(seen.has(expected), `${expected} not covered`);
    }
  });
});
