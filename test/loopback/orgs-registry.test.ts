// OrgRegistry against the real simulator over loopback HTTP, with the default connection check
// (a real OktaClient calling GET /api/v1/users/me).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator } from '../../sim';
import { CustomTotpSettings, newCustomTotpSecret } from '../../src/authenticator/customTotpProfile';
import { TotpAuthenticator } from '../../src/authenticator/totpAuthenticator';
import type { TotpActivation } from '../../src/okta/models';
import { OrgConnectionError } from '../../src/orgs/errors';
import { InMemoryKeyValueState } from '../../src/orgs/keyValueState';
import { OrgRegistry } from '../../src/orgs/orgRegistry';
import { ORGS_STATE_KEY } from '../../src/orgs/orgRecord';
import { credentialChecks } from '../../src/orgs/credentialChecks';
import { InMemorySecretStore } from '../../src/orgs/secretStore';
import { createOktaClient } from '../../src/orgs/oktaClientFactory';
import { closedPort } from '../support/closedPort';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;

function freshRegistry() {
  const state = new InMemoryKeyValueState();
  const secrets = new InMemorySecretStore();
  return { state, secrets, registry: new OrgRegistry({ credentialChecks: async () => credentialChecks, state, secrets, createClient: createOktaClient }) };
}

async function assertNothingStored(state: InMemoryKeyValueState, secrets: InMemorySecretStore) {
  assert.deepEqual(state.get(ORGS_STATE_KEY) ?? [], []);
  assert.deepEqual(await secrets.keys(), []);
}

describe('OrgRegistry against the simulator', () => {
  let sim: Simulator;
  let host: string;
  before(async () => {
    sim = await startSimulator({ port: 0, seed: 'demo', token: 'loopback-orgs-token-7Hq2' });
    host = new URL(sim.url).host;
  });
  after(async () => { await sim?.close(); });

  it('adds an org with a good token, names its owner and hands out working clients', async () => {
    const { state, secrets, registry } = freshRegistry();
    const { org, owner } = await registry.add({ url: `${sim.url}/`, token: sim.token, label: 'Sim' });
    assert.equal(org.url, sim.url);
    assert.ok(owner?.id);
    assert.equal(org.ownerLogin, owner?.profile.login);
    assert.equal(await secrets.get(`okta.token/${org.id}`), sim.token);
    assert.ok(!JSON.stringify(state.get(ORGS_STATE_KEY)).includes(sim.token));

    const requests: string[] = [];
    const client = await registry.clientFor(org.id, { onRequest: (e) => requests.push(`${e.method} ${e.path} ${e.status}`) });
    const me = await client.getUser('me');
    assert.equal(me.id, owner?.id);
    assert.deepEqual(requests, ['GET /api/v1/users/me 200']);
  });

  it('refuses a bad token with "token rejected" and stores nothing', async () => {
    const { state, secrets, registry } = freshRegistry();
    const badToken = 'definitely-not-the-sim-token';
    await assert.rejects(registry.add({ url: sim.url, token: badToken }), (e: unknown) => {
      assert.ok(e instanceof OrgConnectionError);
      assert.equal(e.reason, 'token-rejected');
      assert.equal(e.details.status, 401);
      assert.equal(e.details.errorCode, 'E0000011');
      assert.match(e.message, new RegExp(`^Token rejected by ${host.replace(/\./g, '\\.')} \\(E0000011, HTTP 401\\)`));
      for (const text of [e.message, String(e.stack), JSON.stringify(e)]) assert.ok(!text.includes(badToken));
      return true;
    });
    await assertNothingStored(state, secrets);
  });

  it('reports a 403 as a token lacking permission', async () => {
    sim.control.addFault({ path: '/api/v1/users/me', kind: 'status', status: 403, count: 1 });
    const { state, secrets, registry } = freshRegistry();
    await assert.rejects(registry.add({ url: sim.url, token: sim.token }),
      (e: unknown) => e instanceof OrgConnectionError && e.reason === 'forbidden' && /lacks permission/.test(e.message));
    await assertNothingStored(state, secrets);
  });

  it('reports an HTML answer as "not an Okta org"', async () => {
    sim.control.addFault({ path: '/api/v1/users/me', kind: 'html', count: 1 });
    const { state, secrets, registry } = freshRegistry();
    await assert.rejects(registry.add({ url: sim.url, token: sim.token }),
      (e: unknown) => e instanceof OrgConnectionError && e.reason === 'not-okta');
    await assertNothingStored(state, secrets);
  });

  it('reports an unreachable port as "cannot reach <host>" and stores nothing', async () => {
    const port = await closedPort();
    const { state, secrets, registry } = freshRegistry();
    await assert.rejects(registry.add({ url: `http://127.0.0.1:${port}`, token: sim.token }), (e: unknown) => {
      assert.ok(e instanceof OrgConnectionError);
      assert.equal(e.reason, 'unreachable');
      assert.match(e.message, new RegExp(`^Cannot reach 127\\.0\\.0\\.1:${port}\\.`));
      assert.ok(!e.message.includes(sim.token));
      return true;
    });
    await assertNothingStored(state, secrets);
  });

  it('follows the demo org to a new simulator port with setUrl + updateToken', async () => {
    const { registry } = freshRegistry();
    const { org } = await registry.add({ url: sim.url, token: sim.token, demo: true, label: 'Demo org (local)' });
    const second = await startSimulator({ port: 0, seed: 'demo', token: 'second-sim-token-9Zx' });
    try {
      await registry.setUrl(org.id, second.url);
      await registry.updateToken(org.id, second.token);
      const client = await registry.clientFor(org.id);
      assert.equal(client.orgUrl, second.url);
      assert.ok((await client.getUser('me')).id);
    } finally {
      await second.close();
    }
  });

  it('the built-in authenticator activates a TOTP factor enrolled on the simulator', async () => {
    const { registry, secrets } = freshRegistry();
    const { org } = await registry.add({ url: sim.url, token: sim.token });
    const client = await registry.clientFor(org.id);
    const user = (await client.listUsersPage({ limit: 1 })).users[0];
    const existing = await client.listFactors(user.id);
    for (const f of existing.filter((f) => f.factorType === 'token:software:totp')) await client.unenrollFactor(user.id, f.id);

    const factor = await client.enrollFactor(user.id, { factorType: 'token:software:totp', provider: 'GOOGLE' });
    const activation = factor._embedded?.activation as TotpActivation;
    const authenticator = new TotpAuthenticator(secrets);
    await authenticator.remember(org.id, user.id, factor.id, activation, { label: user.profile.login, issuer: org.label });
    const { code } = await authenticator.currentCode(org.id, user.id, factor.id);
    const activated = await client.activateFactor(user.id, factor.id, { passCode: code });
    assert.equal((activated as { status?: string }).status, 'ACTIVE');

    await registry.remove(org.id);
    assert.equal(await authenticator.has(org.id, user.id, factor.id), false, 'removing the org forgot its TOTP secrets');
  });

  it('the TOTP authenticator verifies a Custom TOTP factor enrolled under the org\'s non-default profile', async () => {
    const { registry, secrets } = freshRegistry();
    const { org } = await registry.add({ url: sim.url, token: sim.token });
    const client = await registry.clientFor(org.id);
    const user = (await client.listUsersPage({ limit: 1 })).users[0];
    for (const f of (await client.listFactors(user.id)).filter((f) => f.factorType === 'token:hotp')) await client.unenrollFactor(user.id, f.id);
    const profiles = await (await fetch(`${sim.url}/api/v1/org/factors/hotp/profiles`, { headers: { Authorization: `SSWS ${sim.token}` } })).json();
    const profile = (profiles as { default: boolean; id: string; settings: CustomTotpSettings }[]).find((p) => !p.default)!;

    const sharedSecret = newCustomTotpSecret(profile.settings);
    const factor = await client.enrollFactor(user.id, {
      factorType: 'token:hotp', provider: 'CUSTOM', factorProfileId: profile.id, profile: { sharedSecret },
    }, { activate: true });
    const authenticator = new TotpAuthenticator(secrets);
    await authenticator.rememberCustomTotp(org.id, user.id, factor.id, { sharedSecret, settings: profile.settings }, { label: user.profile.login, issuer: org.label });
    const { code, secondsRemaining } = await authenticator.currentCode(org.id, user.id, factor.id, Date.parse(sim.control.clock().now));
    assert.ok(secondsRemaining >= 1);
    assert.equal((await client.verifyFactor(user.id, factor.id, { passCode: code })).factorResult, 'SUCCESS');
  });
});
