// A service-app org through the registry against the simulator's demo app: a key pair generated
// here and registered there, the key in SecretStorage only, bad input refused with nothing stored,
// the app's refusals explained, and a key rotation that keeps the old key until the new one works.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startSimulator } from '../../sim';
import { OrgConnectionError, OrgRegistryError } from '../../src/orgs/errors';
import { InMemoryKeyValueState } from '../../src/orgs/keyValueState';
import { OrgRegistry } from '../../src/orgs/orgRegistry';
import { ORGS_STATE_KEY, type ServiceAppInput } from '../../src/orgs/orgRecord';
import { credentialChecks } from '../../src/orgs/credentialChecks';
import { InMemorySecretStore } from '../../src/orgs/secretStore';
import { generateKeyPair, type GeneratedKeyPair } from '../../src/orgs/serviceAppKeys';
import { createOktaClient } from '../../src/orgs/oktaClientFactory';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;
const CLIENT_ID = '0oasimdemoservice001';
const SCOPES = ['okta.users.read', 'okta.users.manage'];

describe('a service-app org in the registry', () => {
  let sim: Simulator;
  before(async () => { sim = await startSimulator({ port: 0, seed: 'demo' }); });
  after(async () => { await sim?.close(); });
  beforeEach(() => { sim.control.reset(); });

  const fresh = () => {
    const state = new InMemoryKeyValueState();
    const secrets = new InMemorySecretStore();
    return { state, secrets, registry: new OrgRegistry({ credentialChecks: async () => credentialChecks, state, secrets, createClient: createOktaClient }) };
  };
  const register = async (pair: GeneratedKeyPair) => sim.control.addServiceAppKey(CLIENT_ID, JSON.parse(pair.publicJwk));
  const input = (pair: GeneratedKeyPair, changes: Partial<ServiceAppInput> = {}): ServiceAppInput =>
    ({ clientId: CLIENT_ID, scopes: SCOPES, privateKey: pair.privateKey, keyId: pair.keyId, ...changes });

  it('adds the org with a generated key: the key in SecretStorage only, clients that list users', async () => {
    const pair = await generateKeyPair();
    assert.match(pair.publicJwk, /"kid"/);
    assert.doesNotMatch(pair.publicJwk, /"d"/);
    await register(pair);
    const { state, secrets, registry } = fresh();
    const { org, owner } = await registry.add({ url: sim.url, serviceApp: input(pair), label: 'App' });
    assert.equal(owner, undefined);
    assert.deepEqual(org.serviceApp, { clientId: CLIENT_ID, scopes: SCOPES, keyId: pair.keyId });
    assert.equal(org.tokenType, undefined);
    assert.equal(await secrets.get(`okta.token/${org.id}`), pair.privateKey);
    assert.ok(!JSON.stringify(state.get(ORGS_STATE_KEY)).includes('PRIVATE KEY'));
    const client = await registry.clientFor(org.id);
    assert.ok((await client.listUsersPage({ limit: 2 })).users.length > 0);
    await registry.remove(org.id);
    assert.deepEqual(await secrets.keys(), ['okta.orgs.revision'], 'the key is deleted with the org');
  });

  it('refuses bad input with a clear message and stores nothing', async () => {
    const pair = await generateKeyPair();
    const cases: Array<[Partial<ServiceAppInput>, RegExp]> = [
      [{ privateKey: '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----' }, /malformed/],
      [{ privateKey: '{"kty":"RSA"' }, /not valid JSON/],
      [{ privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-128-cbc', passphrase: 'p' }).toString() }, /encrypted/],
      [{ privateKey: pair.publicPem }, /not a private key/],
      [{ privateKey: pair.publicJwk }, /public key/],
      [{ privateKey: generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() }, /Ed25519/],
      [{ clientId: '0oa with spaces' }, /has no spaces/],
      [{ scopes: [] }, /at least one scope/],
    ];
    for (const [changes, message] of cases) {
      const { state, secrets, registry } = fresh();
      await assert.rejects(registry.add({ url: sim.url, serviceApp: input(pair, changes) }),
        (e: unknown) => e instanceof OrgRegistryError && e.reason === 'invalid-input' && message.test(e.message), message.source);
      assert.deepEqual(state.get(ORGS_STATE_KEY) ?? [], []);
      assert.deepEqual(await secrets.keys(), []);
    }
    assert.equal(sim.control.requestCount('POST', '/oauth2/v1/token'), 0, 'nothing was sent');
  });

  it("explains the app's refusals: an unregistered key, a scope not granted, a clock far off", async () => {
    const pair = await generateKeyPair();
    const attempt = async (changes: Partial<ServiceAppInput>, message: RegExp) => {
      const { secrets, registry } = fresh();
      await assert.rejects(registry.add({ url: sim.url, serviceApp: input(pair, changes) }),
        (e: unknown) => e instanceof OrgConnectionError && message.test(e.message) && !e.message.includes('PRIVATE'), message.source);
      assert.deepEqual(await secrets.keys(), []);
    };
    await attempt({}, /invalid_client.*public key registered in Okta matches/s);
    await register(pair);
    await attempt({ scopes: ['okta.users.read', 'okta.apps.read'] }, /invalid_scope.*okta\.apps\.read.*Okta API Scopes/s);
    sim.control.advanceClock(3 * 3600);
    await attempt({}, /clock/);
  });

  it('rotates the key: a new key that does not work yet leaves the old one in use; once registered it replaces it', async () => {
    const first = await generateKeyPair();
    await register(first);
    const { secrets, registry } = fresh();
    const { org } = await registry.add({ url: sim.url, serviceApp: input(first) });
    const second = await generateKeyPair();
    await assert.rejects(registry.updateServiceApp(org.id, { privateKey: second.privateKey, keyId: second.keyId }), OrgConnectionError);
    assert.equal(await secrets.get(`okta.token/${org.id}`), first.privateKey, 'the old key is kept');
    assert.ok((await (await registry.clientFor(org.id)).listUsersPage({ limit: 1 })).users.length > 0, 'and still works');
    await register(second);
    const { org: rotated } = await registry.updateServiceApp(org.id, { privateKey: second.privateKey, keyId: second.keyId });
    assert.equal(rotated.serviceApp?.keyId, second.keyId);
    assert.equal(await secrets.get(`okta.token/${org.id}`), second.privateKey);
    sim.control.removeServiceAppKey(CLIENT_ID, first.keyId);
    assert.ok((await (await registry.clientFor(org.id)).listUsersPage({ limit: 1 })).users.length > 0, 'the new key signs alone');
    await assert.rejects(registry.updateToken(org.id, 'some-token'), /service app/);
  });
});
