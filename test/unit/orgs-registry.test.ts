import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import type { OktaClient } from '../../src/okta/client';
import { isCancellation, OktaNetworkError, apiErrorFromResponse } from '../../src/okta/errors';
import type { OktaUser } from '../../src/okta/models';
import { TotpAuthenticator } from '../../src/authenticator/totpAuthenticator';
import type { CheckConnection, RegistryClientOptions } from '../../src/orgs/connectionCheck';
import { OrgConnectionError, OrgRegistryError } from '../../src/orgs/errors';
import { InMemoryKeyValueState, KeyValueState } from '../../src/orgs/keyValueState';
import { OrgRegistry, OrgRegistryChange, OrgRegistryOptions } from '../../src/orgs/orgRegistry';
import { ORGS_STATE_KEY } from '../../src/orgs/orgRecord';
import { credentialChecks } from '../../src/orgs/credentialChecks';
import { InMemorySecretStore } from '../../src/orgs/secretStore';
import { createOktaClient } from '../../src/orgs/oktaClientFactory';

const TOKEN = '00SECRET-token-value-Xq9';
const OWNER: OktaUser = { id: '00uadmin', status: 'ACTIVE', profile: { login: 'admin@acme.test', firstName: 'Ada', lastName: 'Admin' } };

/** A fake client: records the options it was built with (the registry's only view of a client). */
function fakeClientFactory() {
  const built: RegistryClientOptions[] = [];
  const createClient = (options: RegistryClientOptions) => {
    built.push(options);
    return { orgUrl: options.orgUrl, builtWith: options } as unknown as OktaClient;
  };
  return { built, createClient };
}

function okCheck(owner: OktaUser = OWNER): CheckConnection & { calls: Parameters<CheckConnection>[0][] } {
  const calls: Parameters<CheckConnection>[0][] = [];
  const check = (async (c: Parameters<CheckConnection>[0]) => { calls.push(c); return owner; }) as CheckConnection & { calls: typeof calls };
  check.calls = calls;
  return check;
}

function failingCheck(error: unknown): CheckConnection {
  return async () => { throw error; };
}

function oktaError(status: number, errorCode: string, errorSummary: string) {
  return apiErrorFromResponse(status, '', JSON.stringify({ errorCode, errorSummary, errorLink: errorCode, errorId: 'oaeX', errorCauses: [] }),
    'application/json', { method: 'GET', path: '/api/v1/users/me' });
}

function setup(overrides: Partial<OrgRegistryOptions> = {}) {
  const state = new InMemoryKeyValueState();
  const secrets = new InMemorySecretStore();
  const clients = fakeClientFactory();
  const registry = new OrgRegistry({ credentialChecks: async () => credentialChecks, state, secrets, checkConnection: okCheck(), createClient: clients.createClient, ...overrides });
  return { state, secrets, registry, clients };
}

async function assertNothingStored(state: KeyValueState, secrets: InMemorySecretStore) {
  assert.deepEqual(state.get(ORGS_STATE_KEY) ?? [], []);
  assert.deepEqual((await secrets.keys()).filter((k) => k !== 'okta.orgs.revision'), []);
}

function assertNoToken(value: unknown, token = TOKEN) {
  const error = value as Error;
  for (const text of [String(value), error?.message, error?.stack, JSON.stringify(value), JSON.stringify(Object.entries(error ?? {})),
    inspect(value, { depth: 10, showHidden: true })]) {
    assert.ok(!String(text).includes(token), `token leaked into: ${text}`);
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('OrgRegistry.add', () => {
  it('checks the token, keeps the record in state and the token only in the secret store', async () => {
    const check = okCheck();
    const { state, secrets, registry } = setup({ checkConnection: check });
    const { org, owner, notice } = await registry.add({ url: 'https://acme.okta.com/', token: TOKEN, label: '  Acme dev ' });
    assert.equal(check.calls.length, 1);
    assert.deepEqual({ ...check.calls[0], signal: undefined }, { orgUrl: 'https://acme.okta.com', token: TOKEN, tokenType: 'SSWS', signal: undefined, hooks: undefined });
    assert.equal(owner?.id, OWNER.id);
    assert.equal(notice, undefined);
    assert.deepEqual({ ...org, id: '', addedAt: '' }, {
      id: '', addedAt: '', label: 'Acme dev', url: 'https://acme.okta.com', tokenType: 'SSWS',
      ownerLogin: 'admin@acme.test', ownerName: 'Ada Admin',
    });
    assert.ok(!Number.isNaN(Date.parse(org.addedAt)));
    assert.deepEqual(registry.list(), [org]);
    assert.deepEqual(registry.get(org.id), org);
    assert.equal(await secrets.get(`okta.token/${org.id}`), TOKEN);
    assert.ok(!JSON.stringify(state.get(ORGS_STATE_KEY)).includes(TOKEN));
  });

  it('normalises the URL (Admin Console host -> org host, with a notice) and defaults the label to the host', async () => {
    const { registry } = setup();
    const { org, notice } = await registry.add({ url: 'acme-admin.okta.com/admin/dashboard', token: TOKEN });
    assert.equal(org.url, 'https://acme.okta.com');
    assert.equal(org.label, 'acme.okta.com');
    assert.match(notice ?? '', /Admin Console/);
  });

  it('drops an "SSWS "/"Bearer " prefix pasted with the token; "Bearer " selects the Bearer type', async () => {
    const check = okCheck();
    const { registry, secrets } = setup({ checkConnection: check });
    const a = await registry.add({ url: 'https://a.okta.com', token: ` SSWS ${TOKEN}\n` });
    const b = await registry.add({ url: 'https://b.okta.com', token: `Bearer ${TOKEN}` });
    assert.equal(await secrets.get(`okta.token/${a.org.id}`), TOKEN);
    assert.equal(a.org.tokenType, 'SSWS');
    assert.equal(b.org.tokenType, 'Bearer');
    assert.equal(check.calls[1].tokenType, 'Bearer');
  });

  it('marks demo orgs', async () => {
    const { registry } = setup();
    const { org } = await registry.add({ url: 'http://127.0.0.1:4567', token: TOKEN, label: 'Demo org (local)', demo: true });
    assert.equal(org.demo, true);
    assert.equal(registry.list()[0].demo, true);
  });

  const failures: [string, unknown, string, RegExp][] = [
    ['401 E0000011', oktaError(401, 'E0000011', 'Invalid token provided'), 'token-rejected', /^Token rejected by acme\.okta\.com \(E0000011, HTTP 401\)/],
    ['403 E0000006', oktaError(403, 'E0000006', 'You do not have permission to perform the requested action'), 'forbidden', /token lacks permission on acme\.okta\.com \(E0000006, HTTP 403\)/],
    ['404', oktaError(404, 'E0000007', 'Not found'), 'not-okta', /does not look like an Okta org/],
    ['429', oktaError(429, 'E0000047', 'API call exceeded rate limit'), 'rate-limited', /rate limiting/],
    ['500', oktaError(500, 'E0000009', 'Internal Server Error'), 'unexpected', /Unexpected answer from acme\.okta\.com/],
    ['connection refused', new OktaNetworkError('connection', 'Could not connect to acme.okta.com: the connection was refused.'), 'unreachable', /^Cannot reach acme\.okta\.com\. Could not connect/],
    ['timeout', new OktaNetworkError('timeout', 'Okta (acme.okta.com) did not answer within 30 s.'), 'unreachable', /^Cannot reach acme\.okta\.com/],
    ['HTML body', new OktaNetworkError('invalid-response', 'The answer was text/html, not JSON.'), 'not-okta', /does not look like an Okta org/],
    ['anything else', new TypeError(`boom ${TOKEN}`), 'unexpected', /failed unexpectedly/],
  ];
  for (const [name, error, reason, message] of failures) {
    it(`explains a failed check (${name}) and stores nothing`, async () => {
      const { state, secrets, registry } = setup({ checkConnection: failingCheck(error) });
      const changes: OrgRegistryChange[] = [];
      registry.onDidChange((e) => changes.push(e));
      await assert.rejects(registry.add({ url: 'https://acme.okta.com', token: TOKEN }), (e: unknown) => {
        assert.ok(e instanceof OrgConnectionError);
        assert.equal(e.reason, reason);
        assert.match(e.message, message);
        assert.equal(e.details.host, 'acme.okta.com');
        assertNoToken(e);
        return true;
      });
      await assertNothingStored(state, secrets);
      assert.deepEqual(changes, []);
    });
  }

  it('refuses a bad URL before any network call', async () => {
    const check = okCheck();
    const { state, secrets, registry } = setup({ checkConnection: check });
    for (const url of ['http://acme.okta.com', 'ftp://acme.okta.com', 'not a url', '']) {
      await assert.rejects(registry.add({ url, token: TOKEN }), (e: unknown) => e instanceof OrgConnectionError && e.reason === 'bad-url'
        && e.cause instanceof Error, 'keeps the URL parser\'s error as its cause');
    }
    assert.equal(check.calls.length, 0);
    await assertNothingStored(state, secrets);
  });

  it('refuses an empty token or one with spaces before any network call', async () => {
    const check = okCheck();
    const { registry } = setup({ checkConnection: check });
    for (const token of ['', '   ', 'SSWS ', 'two words']) {
      await assert.rejects(registry.add({ url: 'https://acme.okta.com', token }), (e: unknown) => e instanceof OrgRegistryError && e.reason === 'invalid-input');
    }
    assert.equal(check.calls.length, 0);
  });

  it('refuses to add the same org URL twice, naming the existing org', async () => {
    const check = okCheck();
    const { registry } = setup({ checkConnection: check });
    const { org } = await registry.add({ url: 'https://acme.okta.com', token: TOKEN, label: 'Acme' });
    await assert.rejects(registry.add({ url: 'https://acme-admin.okta.com/some/path', token: 'other-token' }), (e: unknown) => {
      assert.ok(e instanceof OrgRegistryError);
      assert.equal(e.reason, 'duplicate');
      assert.equal(e.existingOrgId, org.id);
      assert.match(e.message, /already added as "Acme".*Update Token/);
      return true;
    });
    assert.equal(check.calls.length, 1, 'no check for a refused duplicate');
    assert.equal(registry.list().length, 1);
  });

  it('refuses a duplicate that finished adding while this add was being checked', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const { registry } = setup({ checkConnection: async () => { await gate; return OWNER; } });
    const first = registry.add({ url: 'https://acme.okta.com', token: TOKEN });
    const second = registry.add({ url: 'https://acme.okta.com', token: TOKEN });
    release();
    const results = await Promise.allSettled([first, second]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    assert.equal(registry.list().length, 1);
  });

  it('adds concurrently without losing either org', async () => {
    const { registry } = setup();
    await Promise.all([
      registry.add({ url: 'https://a.okta.com', token: TOKEN }),
      registry.add({ url: 'https://b.okta.com', token: TOKEN }),
      registry.add({ url: 'https://c.okta.com', token: TOKEN }),
    ]);
    assert.deepEqual(registry.list().map((o) => o.url).sort(), ['https://a.okta.com', 'https://b.okta.com', 'https://c.okta.com']);
  });

  it('rolls the state back when storing the token fails', async () => {
    const state = new InMemoryKeyValueState();
    const secrets = new InMemorySecretStore();
    secrets.store = async (key: string) => { throw new Error(`keychain locked while storing ${key} = ${TOKEN}`); };
    const registry = new OrgRegistry({ credentialChecks: async () => credentialChecks, state, secrets, checkConnection: okCheck(), createClient: createOktaClient });
    await assert.rejects(registry.add({ url: 'https://acme.okta.com', token: TOKEN }), (e: unknown) => {
      assert.match((e as Error).message, /Could not save the token.*not added/);
      assertNoToken(e);
      return true;
    });
    assert.deepEqual(registry.list(), []);
    assert.deepEqual(await secrets.keys(), []);
  });

  it('stores nothing when writing the state fails', async () => {
    const { secrets } = setup();
    const state: KeyValueState = { get: () => undefined, update: async () => { throw new Error('disk full'); } };
    const registry = new OrgRegistry({ credentialChecks: async () => credentialChecks, state, secrets, checkConnection: okCheck(), createClient: createOktaClient });
    await assert.rejects(registry.add({ url: 'https://acme.okta.com', token: TOKEN }), /disk full/);
    assert.deepEqual(await secrets.keys(), []);
  });
});

describe('OrgRegistry.list', () => {
  it('ignores malformed entries in globalState', async () => {
    const { state, registry } = setup();
    await state.update(ORGS_STATE_KEY, [null, 'x', { id: 'a' }, { id: 'b', label: 'B', url: 'https://b.okta.com', tokenType: 'SSWS', addedAt: '' }]);
    assert.deepEqual(registry.list().map((o) => o.id), ['b']);
    await state.update(ORGS_STATE_KEY, { not: 'a list' });
    assert.deepEqual(registry.list(), []);
  });
});

describe('OrgRegistry rename / setUrl / updateToken / remove', () => {
  it('renames, refusing empty names and unknown orgs', async () => {
    const { registry } = setup();
    const { org } = await registry.add({ url: 'https://acme.okta.com', token: TOKEN });
    const renamed = await registry.rename(org.id, '  Acme prod ');
    assert.equal(renamed.label, 'Acme prod');
    assert.equal(registry.get(org.id)?.label, 'Acme prod');
    await assert.rejects(registry.rename(org.id, '  '), (e: unknown) => e instanceof OrgRegistryError && e.reason === 'invalid-input');
    await assert.rejects(registry.rename('nope', 'x'), (e: unknown) => e instanceof OrgRegistryError && e.reason === 'unknown-org');
  });

  it('setUrl moves an org (the demo simulator on a new port), drops its cached client, refuses duplicates', async () => {
    const { registry, clients } = setup();
    const demo = (await registry.add({ url: 'http://127.0.0.1:4000', token: TOKEN, demo: true })).org;
    const other = (await registry.add({ url: 'https://acme.okta.com', token: TOKEN })).org;
    const before = await registry.clientFor(demo.id);
    const moved = await registry.setUrl(demo.id, 'http://127.0.0.1:5000/');
    assert.equal(moved.url, 'http://127.0.0.1:5000');
    assert.equal(clients.built[0].signal?.aborted, true, 'a new URL ends the work done at the old one');
    assert.equal(moved.demo, true);
    const after = await registry.clientFor(demo.id);
    assert.notEqual(after, before);
    assert.equal(clients.built.at(-1)?.orgUrl, 'http://127.0.0.1:5000');
    await assert.rejects(registry.setUrl(demo.id, other.url), (e: unknown) => e instanceof OrgRegistryError && e.reason === 'duplicate');
    await assert.rejects(registry.setUrl(demo.id, 'http://example.com'), (e: unknown) => e instanceof OrgConnectionError && e.reason === 'bad-url');
    await registry.setUrl(demo.id, 'http://127.0.0.1:5000'); // its own URL is no duplicate
  });

  it('updateToken checks the new token first and keeps the old one when the check fails', async () => {
    let answer: unknown = OWNER;
    const check: CheckConnection = async () => { if (answer instanceof Error) throw answer; return answer as OktaUser; };
    const { registry, secrets, clients } = setup({ checkConnection: check });
    const { org } = await registry.add({ url: 'https://acme.okta.com', token: TOKEN });
    const client = await registry.clientFor(org.id);

    answer = oktaError(401, 'E0000011', 'Invalid token provided');
    await assert.rejects(registry.updateToken(org.id, 'new-bad-token'), (e: unknown) => {
      assert.ok(e instanceof OrgConnectionError && e.reason === 'token-rejected');
      assertNoToken(e, 'new-bad-token');
      return true;
    });
    assert.equal(await secrets.get(`okta.token/${org.id}`), TOKEN);
    assert.equal(await registry.clientFor(org.id), client, 'cached client kept');

    answer = { ...OWNER, profile: { login: 'other@acme.test', firstName: 'Otto', lastName: null } };
    const updated = await registry.updateToken(org.id, 'new-good-token', { tokenType: 'Bearer' });
    assert.equal(updated.org.ownerLogin, 'other@acme.test');
    assert.equal(updated.org.ownerName, 'Otto');
    assert.equal(updated.org.tokenType, 'Bearer');
    assert.equal(await secrets.get(`okta.token/${org.id}`), 'new-good-token');
    const fresh = await registry.clientFor(org.id);
    assert.notEqual(fresh, client, 'cached client dropped');
    assert.equal(clients.built.at(-1)?.token, 'new-good-token');
    assert.equal(clients.built.at(-1)?.tokenType, 'Bearer');
    await assert.rejects(registry.updateToken('nope', 'x'), (e: unknown) => e instanceof OrgRegistryError && e.reason === 'unknown-org');
  });

  it('updateToken puts the old token back when the state cannot be written', async () => {
    const { secrets } = setup();
    const state = new InMemoryKeyValueState();
    const registry = new OrgRegistry({ credentialChecks: async () => credentialChecks, state, secrets, checkConnection: okCheck(), createClient: createOktaClient });
    const { org } = await registry.add({ url: 'https://acme.okta.com', token: TOKEN });
    state.update = async () => { throw new Error('disk full'); };
    await assert.rejects(registry.updateToken(org.id, 'new-good-token'), (e: unknown) => {
      assert.match((e as Error).message, /old token is kept/);
      assertNoToken(e, 'new-good-token');
      return true;
    });
    assert.equal(await secrets.get(`okta.token/${org.id}`), TOKEN);
  });

  it('remove deletes the record, the token and the org\'s authenticator secrets, and only those', async () => {
    const { registry, secrets } = setup();
    const authenticator = new TotpAuthenticator(secrets);
    const a = (await registry.add({ url: 'https://a.okta.com', token: TOKEN })).org;
    const b = (await registry.add({ url: 'https://b.okta.com', token: 'token-b' })).org;
    const activation = { timeStep: 30, sharedSecret: 'JBTWGV22G4ZGKV3N', encoding: 'base32', keyLength: 6 };
    await authenticator.remember(a.id, 'u1', 'f1', activation, { label: 'u1', issuer: 'A' });
    await authenticator.remember(a.id, 'u2', 'f2', activation, { label: 'u2', issuer: 'A' });
    await authenticator.remember(b.id, 'u1', 'f3', activation, { label: 'u1', issuer: 'B' });
    await registry.remove(a.id);
    assert.deepEqual(registry.list().map((o) => o.id), [b.id]);
    const left = (await secrets.keys()).filter((k) => k !== 'okta.orgs.revision').sort();
    assert.deepEqual(left, [`okta.token/${b.id}`, `okta.totp/${b.id}/u1/f3`].sort(), 'a store that lists its keys needs no index');
    await assert.rejects(registry.clientFor(a.id), (e: unknown) => e instanceof OrgRegistryError && e.reason === 'unknown-org');
    await registry.remove(a.id); // idempotent
  });

  it('remove also finds secrets through the index when the store cannot list its keys', async () => {
    const { registry, secrets } = setup();
    const plain = { get: secrets.get.bind(secrets), store: secrets.store.bind(secrets), delete: secrets.delete.bind(secrets), onDidChange: secrets.onDidChange };
    const plainRegistry = new OrgRegistry({ credentialChecks: async () => credentialChecks, state: new InMemoryKeyValueState(), secrets: plain, checkConnection: okCheck(), createClient: createOktaClient });
    const { org } = await plainRegistry.add({ url: 'https://a.okta.com', token: TOKEN });
    await new TotpAuthenticator(plain).remember(org.id, 'u1', 'f1', { timeStep: 30, sharedSecret: 'JBTWGV22G4ZGKV3N', encoding: 'base32', keyLength: 6 }, { label: 'u', issuer: 'i' });
    await plainRegistry.remove(org.id);
    assert.deepEqual((await secrets.keys()).filter((k) => k !== 'okta.orgs.revision'), []);
    registry.dispose();
  });
});

describe('OrgRegistry.clientFor', () => {
  it('builds a client from the stored token and caches it', async () => {
    const { registry, clients } = setup();
    const { org } = await registry.add({ url: 'https://acme.okta.com', token: TOKEN, tokenType: 'SSWS' });
    const onRequest = () => undefined;
    const onRateLimit = () => undefined;
    const hooks = { onRequest, onRateLimit, timeoutMs: 5000 };
    const [c1, c2] = await Promise.all([registry.clientFor(org.id, hooks), registry.clientFor(org.id, { ...hooks })]);
    assert.equal(c1, c2);
    assert.equal(clients.built.length, 1);
    const { work, signal, ...options } = clients.built[0];
    assert.deepEqual(options, { orgUrl: 'https://acme.okta.com', token: TOKEN, tokenType: 'SSWS', ...hooks });
    assert.ok(work && signal === work.signal && !signal.aborted, 'the org\'s work session (its traffic state\'s key) and its signal');
    assert.equal(await registry.clientFor(org.id), c1, 'a caller without hooks takes the cached client');
    const c3 = await registry.clientFor(org.id, { ...hooks, timeoutMs: 1000 });
    assert.notEqual(c3, c1, 'other hooks, other client');
  });

  it('replaces the cached client when the timeout setting changed (same callbacks), and keeps the new one', async () => {
    const { registry, clients } = setup();
    const { org } = await registry.add({ url: 'https://acme.okta.com', token: TOKEN, tokenType: 'SSWS' });
    const callbacks = { onRequest: () => undefined, onRateLimit: () => undefined };
    const before = await registry.clientFor(org.id, { ...callbacks, timeoutMs: 30_000 });
    const after = await registry.clientFor(org.id, { ...callbacks, timeoutMs: 5_000 });
    assert.notEqual(after, before);
    assert.deepEqual(clients.built.map((o) => o.timeoutMs), [30_000, 5_000]);
    assert.equal(await registry.clientFor(org.id, { ...callbacks, timeoutMs: 5_000 }), after);
    assert.equal(await registry.clientFor(org.id), after);
    assert.equal(clients.built.length, 2);
  });

  it('explains a missing token, and does not cache the failure', async () => {
    const { registry, secrets } = setup();
    const { org } = await registry.add({ url: 'https://acme.okta.com', token: TOKEN, label: 'Acme' });
    await secrets.delete(`okta.token/${org.id}`);
    await assert.rejects(registry.clientFor(org.id), (e: unknown) => {
      assert.ok(e instanceof OrgRegistryError && e.reason === 'no-token');
      assert.match(e.message, /No API token is stored for "Acme"/);
      return true;
    });
    await secrets.store(`okta.token/${org.id}`, TOKEN);
    assert.ok(await registry.clientFor(org.id));
  });

  it('builds real OktaClients by default (no token in their enumerable state)', async () => {
    const registry = new OrgRegistry({ credentialChecks: async () => credentialChecks, state: new InMemoryKeyValueState(), secrets: new InMemorySecretStore(), checkConnection: okCheck(), createClient: createOktaClient });
    const { org } = await registry.add({ url: 'https://acme.okta.com', token: TOKEN });
    const client = await registry.clientFor(org.id);
    assert.equal(client.orgUrl, 'https://acme.okta.com');
    assert.ok(typeof client.listFactors === 'function');
    assertNoToken(client);
  });
});

describe('OrgRegistry across windows (two registries over one store)', () => {
  it('keeps a second registry in step: token changes drop its cached client; renames and removals notify it', async () => {
    const state = new InMemoryKeyValueState(); // globalState is shared by the windows of one profile
    const secrets = new InMemorySecretStore();
    const clients = fakeClientFactory();
    const windowA = new OrgRegistry({ credentialChecks: async () => credentialChecks, state, secrets, checkConnection: okCheck(), createClient: clients.createClient });
    const windowB = new OrgRegistry({ credentialChecks: async () => credentialChecks, state, secrets, checkConnection: okCheck(), createClient: clients.createClient });
    const seenA: OrgRegistryChange[] = [];
    const seenB: OrgRegistryChange[] = [];
    windowA.onDidChange((e) => seenA.push(e));
    windowB.onDidChange((e) => seenB.push(e));

    const { org } = await windowA.add({ url: 'https://acme.okta.com', token: TOKEN });
    await tick();
    assert.ok(seenB.length > 0, 'B heard about the add');
    assert.deepEqual(windowB.list().map((o) => o.id), [org.id]);

    const clientB = await windowB.clientFor(org.id);
    seenB.length = 0;
    await windowA.updateToken(org.id, 'rotated-token');
    await tick();
    assert.ok(seenB.some((e) => e.orgId === org.id));
    const freshB = await windowB.clientFor(org.id);
    assert.notEqual(freshB, clientB);
    assert.equal(clients.built.at(-1)?.token, 'rotated-token');

    seenA.length = 0;
    seenB.length = 0;
    await windowA.rename(org.id, 'Renamed');
    await tick();
    assert.deepEqual(seenA, [{ orgId: org.id }], 'A fires once: its own revision echo is ignored');
    assert.deepEqual(seenB, [{}], 'B is told to re-read the list');
    assert.equal(windowB.get(org.id)?.label, 'Renamed');

    seenB.length = 0;
    await windowA.remove(org.id);
    await tick();
    assert.ok(seenB.length > 0);
    assert.deepEqual(windowB.list(), []);
    await assert.rejects(windowB.clientFor(org.id), (e: unknown) => e instanceof OrgRegistryError);

    windowB.dispose();
    seenB.length = 0;
    await windowA.add({ url: 'https://other.okta.com', token: TOKEN });
    await tick();
    assert.deepEqual(seenB, [], 'a disposed registry hears nothing');
  });
});

describe('OrgRegistry echoes', () => {
  it('a window announces its own token and list changes once: the echoes of its own writes are passed over', async () => {
    const { registry } = setup();
    const seen: OrgRegistryChange[] = [];
    registry.onDidChange((e) => seen.push(e));
    const { org } = await registry.add({ url: 'https://acme.okta.com', token: TOKEN });
    await tick();
    assert.deepEqual(seen, [{ orgId: org.id }], 'one announcement for the add (a second one raced the first expansion of the org)');
    seen.length = 0;
    await registry.updateToken(org.id, 'rotated-token');
    await tick();
    assert.deepEqual(seen, [{ orgId: org.id }]);
  });
});

describe('OrgRegistry never leaks the token', () => {
  it('keeps it out of logs, state, events and every error', async () => {
    const logged: unknown[] = [];
    const originals = { log: console.log, warn: console.warn, error: console.error, info: console.info, debug: console.debug };
    for (const name of Object.keys(originals) as (keyof typeof originals)[]) console[name] = (...args: unknown[]) => { logged.push(args); };
    try {
      const { state, secrets, registry } = setup({
        checkConnection: failingCheck(Object.assign(new Error(`Authorization: SSWS ${TOKEN}`), { config: { headers: { Authorization: `SSWS ${TOKEN}` } } })),
      });
      const events: unknown[] = [];
      registry.onDidChange((e) => events.push(e));
      const error = await registry.add({ url: 'https://acme.okta.com', token: TOKEN }).catch((e: unknown) => e);
      assertNoToken(error);
      // Even an Okta error whose text somehow carries the token is redacted on the way out.
      const echoing = new OrgRegistry({ credentialChecks: async () => credentialChecks, state, secrets, checkConnection: failingCheck(oktaError(500, 'E0000009', `echo ${TOKEN}`)), createClient: createOktaClient });
      const echoed = await echoing.add({ url: 'https://acme.okta.com', token: TOKEN }).catch((e: unknown) => e);
      assert.match((echoed as Error).message, /Unexpected answer from acme\.okta\.com: .*echo \[redacted\]/);
      assertNoToken(echoed);

      const ok = new OrgRegistry({ credentialChecks: async () => credentialChecks, state, secrets, checkConnection: okCheck(), createClient: createOktaClient });
      const { org } = await ok.add({ url: 'https://acme.okta.com', token: TOKEN });
      assertNoToken(org);
      assertNoToken(ok.list());
      assertNoToken(state.get(ORGS_STATE_KEY));
      assert.ok(!JSON.stringify(events).includes(TOKEN));
      for (const key of await secrets.keys()) {
        if (key !== `okta.token/${org.id}`) assert.ok(!(await secrets.get(key))?.includes(TOKEN), `token found under ${key}`);
      }
    } finally {
      Object.assign(console, originals);
    }
    assert.ok(!JSON.stringify(logged).includes(TOKEN));
  });
});

describe('OrgRegistry: cancellation, hooks, trailing dots and each org\'s work', () => {
  it('add and updateToken with an aborted signal reject with a cancellation and store nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const check = okCheck();
    const { state, secrets, registry } = setup({ checkConnection: check });
    const added = await assert.rejects(registry.add({ url: 'https://acme.okta.com', token: TOKEN, signal: controller.signal }), (e: unknown) => {
      assert.ok(isCancellation(e), String(e));
      assert.ok(!(e instanceof OrgConnectionError));
      return true;
    });
    assert.equal(added, undefined);
    assert.equal(check.calls.length, 0, 'nothing sent');
    await assertNothingStored(state, secrets);

    const { org } = await registry.add({ url: 'https://acme.okta.com', token: TOKEN });
    await assert.rejects(registry.updateToken(org.id, 'other-token', { signal: controller.signal }), (e: unknown) => isCancellation(e));
    assert.equal(await secrets.get(`okta.token/${org.id}`), TOKEN);
  });

  it('a check that fails because it was cancelled is a cancellation, not an OrgConnectionError, and keeps its cause', async () => {
    const controller = new AbortController();
    const aborted = new OktaNetworkError('aborted', 'The request was cancelled.');
    const { state, secrets, registry } = setup({ checkConnection: async () => { controller.abort(); throw aborted; } });
    await assert.rejects(registry.add({ url: 'https://acme.okta.com', token: TOKEN, signal: controller.signal }), (e: unknown) => {
      assert.ok(isCancellation(e));
      assert.ok(!(e instanceof OrgConnectionError));
      assert.equal((e as Error).cause, aborted);
      return true;
    });
    await assertNothingStored(state, secrets);
  });

  it('a check that finishes after the caller cancelled stores nothing', async () => {
    const controller = new AbortController();
    const { state, secrets, registry } = setup({ checkConnection: async () => { controller.abort(); return OWNER; } });
    await assert.rejects(registry.add({ url: 'https://acme.okta.com', token: TOKEN, signal: controller.signal }), (e: unknown) => isCancellation(e));
    await assertNothingStored(state, secrets);
  });

  it('a failed check keeps the client error as its cause', async () => {
    const failure = oktaError(401, 'E0000011', 'Invalid token provided');
    const { registry } = setup({ checkConnection: failingCheck(failure) });
    await assert.rejects(registry.add({ url: 'https://acme.okta.com', token: TOKEN }), (e: unknown) => e instanceof OrgConnectionError && e.cause === failure);
  });

  it('passes the hooks given to add and updateToken to the connection check', async () => {
    const check = okCheck();
    const { registry } = setup({ checkConnection: check });
    const onRequest = () => undefined;
    const { org } = await registry.add({ url: 'https://acme.okta.com', token: TOKEN, hooks: { onRequest } });
    await registry.updateToken(org.id, 'new-token', { hooks: { onRequest } });
    assert.deepEqual(check.calls.map((c) => c.hooks?.onRequest), [onRequest, onRequest]);
  });

  it('the default check builds its client with those hooks', async () => {
    const clients = fakeClientFactory();
    const createClient = (options: RegistryClientOptions) => {
      clients.createClient(options);
      return { getUser: async () => OWNER } as unknown as OktaClient;
    };
    const registry = new OrgRegistry({ credentialChecks: async () => credentialChecks, state: new InMemoryKeyValueState(), secrets: new InMemorySecretStore(), createClient });
    const onRequest = () => undefined;
    await registry.add({ url: 'https://acme.okta.com', token: TOKEN, hooks: { onRequest } });
    assert.equal(clients.built[0].onRequest, onRequest);
    assert.equal(clients.built[0].maxRetries, 0);
  });

  it('an org URL with a trailing dot is the same org: adding it again is refused as a duplicate', async () => {
    const { registry } = setup();
    const { org } = await registry.add({ url: 'https://acme.okta.com', token: TOKEN });
    await assert.rejects(registry.add({ url: 'https://acme.okta.com.', token: TOKEN }),
      (e: unknown) => e instanceof OrgRegistryError && e.reason === 'duplicate' && e.existingOrgId === org.id);
  });

  it('clients share one work session (their traffic state\'s key) per org and token; a new token or a re-added org gets a new one', async () => {
    const { registry, clients } = setup();
    const { org } = await registry.add({ url: 'https://acme.okta.com', token: TOKEN });
    await registry.clientFor(org.id, { onRequest: () => undefined });
    await registry.clientFor(org.id, { onRateLimit: () => undefined });
    const [first, second] = clients.built;
    assert.ok(first.work, 'the registry hands the client factory its work session');
    assert.equal(second.work, first.work);
    assert.equal(second.signal, first.signal);
    await registry.updateToken(org.id, 'new-token');
    await registry.clientFor(org.id);
    assert.notEqual(clients.built.at(-1)?.work, first.work);
    assert.equal(first.signal?.aborted, true, 'the old credentials\' work was ended');
    const third = clients.built.at(-1)!;
    await registry.remove(org.id);
    assert.equal(third.signal?.aborted, true);
    const again = await registry.add({ url: 'https://acme.okta.com', token: 'new-token' });
    await registry.clientFor(again.org.id);
    assert.notEqual(clients.built.at(-1)?.work, third.work);
  });

  it('a token changed in another window ends the work of the old token, not that of the new one', async () => {
    const { registry, secrets, clients } = setup();
    const { org } = await registry.add({ url: 'https://acme.okta.com', token: TOKEN });
    await registry.clientFor(org.id);
    const old = clients.built.at(-1)!;
    await secrets.store(`okta.token/${org.id}`, 'changed-elsewhere');
    await tick();
    assert.equal(old.signal?.aborted, true);
    await registry.clientFor(org.id);
    const fresh = clients.built.at(-1)!;
    await secrets.store(`okta.token/${org.id}`, 'changed-elsewhere'); // an echo of the same token
    await tick();
    assert.equal(fresh.signal?.aborted, false);
  });

  it('workSignal: live for a known org, aborted on removal (also seen from another window), onDidRemoveOrg fires', async () => {
    const { registry, state, secrets } = setup();
    const { org } = await registry.add({ url: 'https://acme.okta.com', token: TOKEN });
    const other = (await registry.add({ url: 'https://b.okta.com', token: TOKEN })).org;
    const removed: string[] = [];
    registry.onDidRemoveOrg(({ orgId }) => removed.push(orgId));
    const signal = registry.workSignal(org.id);
    assert.equal(signal.aborted, false);
    assert.equal(registry.workSignal(org.id), signal, 'one signal per org while nothing changes');
    await registry.remove(org.id);
    assert.equal(signal.aborted, true);
    assert.ok(isCancellation(signal.reason));
    assert.equal(registry.workSignal('no-such-org').aborted, true);

    // Another window removes the other org: the list changes and the revision secret tells us.
    const otherSignal = registry.workSignal(other.id);
    await state.update(ORGS_STATE_KEY, []);
    await secrets.store('okta.orgs.revision', 'from-another-window');
    await tick();
    await tick();
    assert.equal(otherSignal.aborted, true);
    assert.deepEqual(removed, [org.id, other.id]);
  });
});
