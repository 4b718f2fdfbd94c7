// Passkeys of test users through the factor workflows against the simulator over real HTTP, on
// both engines, signing in with an API token and as an OAuth service app (DPoP): enroll (activated
// at once with the built-in software passkey) -> verify with it -> unenroll (the passkey forgotten);
// a reset forgets it too; an org that validates attestation refuses it with the settings to check.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startSimulator } from '../../sim';
import { PasskeyAuthenticator } from '../../src/authenticator/passkey/passkeyAuthenticator';
import { enrollPlan } from '../../src/factors/bulkOperations';
import { runBulk } from '../../src/factors/bulkWork';
import { PasskeyRefusedError } from '../../src/factors/passkeyFactors';
import { OktaClient } from '../../src/okta/client';
import type { OktaUser } from '../../src/okta/models';
import { InMemorySecretStore } from '../../src/orgs/secretStore';
import { factorWorkflows, type FactorWorkflows } from '../support/factorWorkflows';
import { createUser, type Simulator } from './client-fixtures';

const ORG = 'org-1';
const PASSKEY = { factorType: 'webauthn', provider: 'FIDO' } as const;

async function serviceAppClient(sim: Simulator): Promise<OktaClient> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const clientId = '0oapasskeytest000001';
  await sim.control.registerServiceApp({ clientId, jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1' }] }, scopes: ['okta.users.read', 'okta.users.manage'], requireDpop: true });
  return new OktaClient({
    orgUrl: sim.url,
    privateKeyAuth: { clientId, keyId: 'k1', privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), scopes: ['okta.users.read', 'okta.users.manage'] },
  });
}

/** A simulator with no users, a client on it, and the factor workflows with a software passkey store; closed after `run`. */
async function withEmptyOrg(run: (org: { sim: Simulator; client: OktaClient; keys: PasskeyAuthenticator } & FactorWorkflows) => Promise<void>): Promise<void> {
  const sim = await startSimulator({ port: 0, seed: 'empty' });
  try {
    const client = new OktaClient({ orgUrl: sim.url, token: sim.token });
    const keys = new PasskeyAuthenticator(new InMemorySecretStore());
    await run({ sim, client, keys, ...factorWorkflows(async () => client, { passkeys: keys }) });
  } finally {
    await sim.close();
  }
}

for (const engine of ['identity', 'classic'] as const) {
  for (const auth of ['API token', 'service app'] as const) {
    describe(`passkeys on ${engine}, as ${auth}`, () => {
      let sim: Simulator;
      let client: OktaClient;
      before(async () => {
        sim = await startSimulator({ port: 0, seed: 'empty', engine });
        client = auth === 'API token' ? new OktaClient({ orgUrl: sim.url, token: sim.token }) : await serviceAppClient(sim);
      });
      after(() => sim.close());

      test('enroll activates with the software passkey; verify signs Okta\'s challenge; unenroll forgets the passkey', async () => {
        const keys = new PasskeyAuthenticator(new InMemorySecretStore());
        const { factors, passkeys } = factorWorkflows(async () => client, { passkeys: keys });
        const user = (await createUser(sim, `passkey.${auth.replace(' ', '')}@example.com`)) as OktaUser;
        const { factor, activation } = await factors.enroll({ orgId: ORG, user }, PASSKEY, {});
        assert.deepEqual([factor.status, activation.kind], ['ACTIVE', 'done']);
        assert.match(String((factor.profile as { credentialId?: string }).credentialId), /^[\w-]+$/, 'Okta names the credential (base64url)');
        const ref = { orgId: ORG, userId: user.id, factorId: factor.id };
        assert.equal(await keys.has(ref), true);
        for (let i = 0; i < 2; i++) {
          const verified = await passkeys.verify({ orgId: ORG, user, factor });
          assert.equal(verified.factorResult, 'SUCCESS', 'each verify signs a fresh challenge with a higher counter');
        }
        await factors.unenroll({ orgId: ORG, user, factor });
        assert.equal(await keys.has(ref), false);
        assert.deepEqual((await client.listFactors(user.id)).filter((f) => f.factorType === 'webauthn'), []);
      });

      test('reset_factors forgets the user\'s passkeys', async () => {
        const keys = new PasskeyAuthenticator(new InMemorySecretStore());
        const { factors } = factorWorkflows(async () => client, { passkeys: keys });
        const user = (await createUser(sim, `reset.${auth.replace(' ', '')}@example.com`)) as OktaUser;
        const { factor } = await factors.enroll({ orgId: ORG, user }, PASSKEY, {});
        await factors.resetFactors({ orgId: ORG, user });
        assert.equal(await keys.has({ orgId: ORG, userId: user.id, factorId: factor.id }), false);
      });
    });
  }
}

describe('Enroll Factor on Selected Users: a passkey each', () => {
  test('every user gets an active passkey the built-in authenticator keeps, one change each', async () => {
    await withEmptyOrg(async ({ sim, client, keys, factors }) => {
      const users = await Promise.all([1, 2, 3].map(async (n) => ({ orgId: ORG, user: (await createUser(sim, `bulk.passkey${n}@example.com`)) as OktaUser })));
      const summary = await runBulk(enrollPlan(factors, users, { kind: 'passkey' }));
      assert.deepEqual(summary.done.map((d) => d.note), ['passkey enrolled and activated', 'passkey enrolled and activated', 'passkey enrolled and activated']);
      assert.equal((await keys.factorsWithSecrets(ORG)).length, 3);
      for (const { user } of users) assert.deepEqual((await client.listFactors(user.id)).filter((f) => f.factorType === 'webauthn').map((f) => f.status), ['ACTIVE']);
    });
  });
});

describe('an activation whose answer is lost', () => {
  test('keeps the passkey: Okta took it, and the key is the only way to use the factor', async () => {
    await withEmptyOrg(async ({ sim, client, keys, factors, passkeys }) => {
      const user = (await createUser(sim, 'lost.passkey@example.com')) as OktaUser;
      sim.control.addFault({ path: '/api/v1/users/*/factors/*/lifecycle/activate', method: 'POST', kind: 'lost-answer', count: 1 });
      const { factor, activation } = await factors.enroll({ orgId: ORG, user }, PASSKEY, {});
      assert.equal(activation.kind, 'failed', 'the answer did not come');
      const [onServer] = (await client.listFactors(user.id)).filter((f) => f.factorType === 'webauthn');
      assert.equal(onServer.status, 'ACTIVE', 'Okta carried it out');
      assert.equal(await keys.has({ orgId: ORG, userId: user.id, factorId: factor.id }), true);
      assert.equal((await passkeys.verify({ orgId: ORG, user, factor: onServer })).factorResult, 'SUCCESS');
    });
  });
});

describe('an org that validates attestation certificates', () => {
  test('refuses the self-attested passkey: the factor stays pending, no passkey is kept, the message names the settings', async () => {
    await withEmptyOrg(async ({ sim, keys, factors }) => {
      sim.control.setWebauthnSettings({ certBasedAttestationValidation: true });
      const user = (await createUser(sim, 'refused.passkey@example.com')) as OktaUser;
      const { factor, activation } = await factors.enroll({ orgId: ORG, user }, PASSKEY, {});
      assert.equal(factor.status, 'PENDING_ACTIVATION');
      assert.ok(activation.kind === 'failed');
      assert.ok(activation.error instanceof PasskeyRefusedError);
      assert.match(activation.error.message, /attestation validation .* is off and no AAGUID allow-list/);
      assert.deepEqual(await keys.factorsWithSecrets(ORG), []);
    });
  });
});
