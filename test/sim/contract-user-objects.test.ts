// User objects as recorded from real orgs (api-reference §8.1, cassettes 2023-2026) where the
// simulator used to answer differently: lifecycle links of PROVISIONED and STAGED users, `realmId`,
// `statusChanged` of a STAGED user with a password, and a user created with an imported hash. Every
// answer is also validated against the official contract.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type RunningSimulator, startSimulator } from '../../sim';
import { ContractClient } from './openapi/contractClient';
import { assertOktaError, call } from './simHelpers';

let sim: RunningSimulator;
let api: ContractClient;

const USERS = '/api/v1/users';
/** The BCRYPT example of Okta's "Create user with imported hashed password". */
const BCRYPT_HASH = { algorithm: 'BCRYPT', workFactor: 10, salt: 'rwh3vH166HCH/NT9XV5FYu', value: 'qaMqvAPULkbiQzkTCWo5XDcvzpk8Tna' };

before(async () => {
  sim = await startSimulator({ seed: 'demo' });
  api = new ContractClient(sim.url, `SSWS ${sim.token}`);
});

after(async () => {
  await sim?.close();
});

let created = 0;
async function createUser(query: string, credentials?: unknown): Promise<any> {
  const login = `recorded.shape${++created}@example.com`;
  const reply = await api.call('POST', `${USERS}${query}`, {
    body: { profile: { firstName: 'Rec', lastName: 'Orded', email: login, login }, ...(credentials ? { credentials } : {}) },
  });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body;
}

const getUser = async (idOrLogin: string): Promise<any> =>
  (await api.call('GET', `${USERS}/${encodeURIComponent(idOrLogin)}`)).body;

describe('lifecycle links by status', () => {
  test('STAGED: exactly activate, resetFactors, schema, self and type (no deactivate), seeded or created', async () => {
    const createdStaged = await createUser('?activate=false', { password: { value: 'Abcd1234#@' } });
    for (const user of [await getUser('staged.user@example.com'), createdStaged, await getUser(createdStaged.id)]) {
      assert.equal(user.status, 'STAGED');
      assert.deepEqual(Object.keys(user._links).sort(), ['activate', 'resetFactors', 'schema', 'self', 'type']);
      assert.deepEqual(user._links.resetFactors, { href: `${sim.url}${USERS}/${user.id}/lifecycle/reset_factors`, method: 'POST' });
    }
  });

  test('PROVISIONED: suspend beside deactivate, reactivate, resetPassword, schema, self and type', async () => {
    const createdProvisioned = await createUser('');
    for (const user of [await getUser('provisioned.user@example.com'), createdProvisioned]) {
      assert.equal(user.status, 'PROVISIONED');
      for (const name of ['suspend', 'deactivate', 'reactivate', 'resetPassword', 'schema', 'self', 'type']) {
        assert.ok(user._links[name], `${name} missing`);
      }
      assert.deepEqual(user._links.suspend, { href: `${sim.url}${USERS}/${user.id}/lifecycle/suspend`, method: 'POST' });
    }
  });
});

describe('realmId', () => {
  test('every user answer carries the org\'s one realm id: list items, get, me, create', async () => {
    const listed = (await api.call('GET', `${USERS}?limit=200`)).body;
    const answers = [...listed, await getUser('me'), await getUser('staged.user@example.com'), await createUser('')];
    const realms = new Set(answers.map((user: any) => user.realmId));
    assert.equal(realms.size, 1, [...realms].join(', '));
    assert.match([...realms][0], /^guo[A-Za-z0-9]{17}$/);
  });

  test('it is the same after a reset and on the next start', async () => {
    const before = (await getUser('me')).realmId;
    sim.reset();
    assert.equal((await getUser('me')).realmId, before);
    const next = await startSimulator({ seed: 'empty' });
    try {
      assert.equal((await call(next, 'GET', `${USERS}/me`)).body.realmId, before);
    } finally {
      await next.close();
    }
  });
});

describe('statusChanged of a STAGED user', () => {
  test('created with a password: set to the creation time, like passwordChanged', async () => {
    const user = await createUser('?activate=false', { password: { value: 'Abcd1234#@' } });
    assert.equal(user.statusChanged, user.created);
    assert.equal(user.passwordChanged, user.created);
    assert.equal((await getUser(user.id)).statusChanged, user.created);
  });

  test('created without a password: still null (no recording; see sim/README.md)', async () => {
    const user = await createUser('?activate=false');
    assert.equal(user.statusChanged, null);
    assert.equal(user.passwordChanged, null);
  });
});

describe('a password imported as a hash', () => {
  test('provider IMPORT, `password: {}` and passwordChanged set, in the create, get and list answers', async () => {
    const user = await createUser('', { password: { hash: BCRYPT_HASH } });
    assert.equal(user.status, 'ACTIVE', 'an imported hash is a password');
    const listed = (await api.call('GET', `${USERS}?filter=${encodeURIComponent(`id eq "${user.id}"`)}`)).body[0];
    for (const answer of [user, await getUser(user.id), listed]) {
      assert.deepEqual(answer.credentials.provider, { type: 'IMPORT', name: 'IMPORT' });
      assert.deepEqual(answer.credentials.password, {});
      assert.equal(answer.passwordChanged, user.created);
    }
  });

  test('a clear-text password keeps provider OKTA', async () => {
    const user = await createUser('', { password: { value: 'Abcd1234#@' } });
    assert.deepEqual(user.credentials.provider, { type: 'OKTA', name: 'OKTA' });
  });

  test('a hash that cannot be imported is refused with 400 E0000001, and no user is made', async () => {
    const refusals = [
      { hash: { ...BCRYPT_HASH, algorithm: 'ROT13' } },
      { hash: { algorithm: 'SHA-256' } },
      { hash: 'not an object' },
      { value: 'Abcd1234#@', hash: BCRYPT_HASH },
    ];
    for (const password of refusals) {
      const login = `refused.hash${++created}@example.com`;
      const reply = await call(sim, 'POST', USERS, { profile: { email: login, login }, credentials: { password } });
      assertOktaError(reply, 400, 'E0000001');
      assert.equal(reply.body.errorSummary, 'Api validation failed: password');
      assert.equal((await call(sim, 'GET', `${USERS}/${encodeURIComponent(login)}`)).status, 404);
    }
  });
});

test('only the §11 user deviation may have been tolerated', () => {
  const rules = new Set(api.coverage.flatMap((e) => e.tolerated.map((t) => t.rule)));
  assert.ok([...rules].every((rule) => rule === 'user-second-email'), [...rules].join(', '));
});
