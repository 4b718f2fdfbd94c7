// Where the software passkey lives: one SecretStore record per factor, deleted with its factor or
// its org, and never shown in an error or in the authenticator's own JSON.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FactorRef } from '../../src/authenticator/factorSecrets';
import { PASSKEY_SECRET_KIND, PasskeyAuthenticator, PasskeyMissingError } from '../../src/authenticator/passkey/passkeyAuthenticator';
import { TOTP_SECRET_KIND, TotpAuthenticator } from '../../src/authenticator/totpAuthenticator';
import type { WebAuthnActivation } from '../../src/okta/models';
import { InMemorySecretStore, type SecretStore } from '../../src/orgs/secretStore';

const ORG_URL = 'https://rain.okta1.com';
const activation: WebAuthnActivation = {
  challenge: 'cdsZ1V10E0BGE9GcG3IK', rp: { name: 'Rain' }, user: { id: '00u15s1KDETTQMQYABRL', name: 'first.last@example.com' },
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
};
const factor = (orgId: string, factorId: string): FactorRef => ({ orgId, userId: '00u15s1KDETTQMQYABRL', factorId });

/** The stored private key of a factor, read past the authenticator. */
async function storedKey(store: SecretStore, ref: FactorRef): Promise<string> {
  const json = await store.get(`${PASSKEY_SECRET_KIND}/${ref.orgId}/${ref.userId}/${ref.factorId}`);
  return (JSON.parse(json ?? '{}') as { privateKey: string }).privateKey;
}

describe('PasskeyAuthenticator storage', () => {
  it('keeps one record per factor under okta.passkey/<org>/<user>/<factor> and announces changes', async () => {
    const store = new InMemorySecretStore();
    const authenticator = new PasskeyAuthenticator(store);
    const changes: FactorRef[] = [];
    authenticator.onDidChange((ref) => changes.push(ref));
    const ref = factor('org-1', 'fwf1');
    await authenticator.createCredential(ref, activation, { orgUrl: ORG_URL });
    const record = JSON.parse((await store.get('okta.passkey/org-1/00u15s1KDETTQMQYABRL/fwf1')) ?? 'null') as Record<string, unknown>;
    assert.deepEqual(Object.keys(record).sort(), ['credentialId', 'origin', 'privateKey', 'rpId', 'signCount', 'userHandle']);
    assert.equal(record.rpId, 'rain.okta1.com');
    assert.equal(record.signCount, 0);
    await authenticator.signAssertion(ref, { challenge: 'nE5ZxbPGqX3TjaD0yT7u' });
    assert.deepEqual(changes, [ref, ref]);
    assert.equal(await authenticator.has(ref), true);
    authenticator.dispose();
  });

  it('forget deletes one factor\'s passkey; signing for it then fails', async () => {
    const authenticator = new PasskeyAuthenticator(new InMemorySecretStore());
    const [a, b] = [factor('org-1', 'fwf1'), factor('org-1', 'fwf2')];
    await authenticator.createCredential(a, activation, { orgUrl: ORG_URL });
    await authenticator.createCredential(b, activation, { orgUrl: ORG_URL });
    await authenticator.forget(a);
    assert.equal(await authenticator.has(a), false);
    assert.equal(await authenticator.has(b), true);
    await assert.rejects(authenticator.signAssertion(a, { challenge: 'x' }), PasskeyMissingError);
    await assert.rejects(authenticator.playwrightCredential(a), PasskeyMissingError);
    assert.deepEqual(await authenticator.factorsWithSecrets('org-1'), [b]);
  });

  for (const [label, makeStore] of [
    ['a store that lists its keys', () => new InMemorySecretStore()],
    ['a store without keys() (JSON index)', () => {
      const inner = new InMemorySecretStore();
      return { get: (k: string) => inner.get(k), store: (k: string, v: string) => inner.store(k, v), delete: (k: string) => inner.delete(k), onDidChange: inner.onDidChange };
    }],
  ] as [string, () => SecretStore][]) {
    it(`forgetOrg deletes that org's passkeys only, and no TOTP secret (${label})`, async () => {
      const store = makeStore();
      const authenticator = new PasskeyAuthenticator(store);
      const totp = new TotpAuthenticator(store);
      await authenticator.createCredential(factor('org-1', 'fwf1'), activation, { orgUrl: ORG_URL });
      await authenticator.createCredential(factor('org-1', 'fwf2'), activation, { orgUrl: ORG_URL });
      await authenticator.createCredential(factor('org-2', 'fwf3'), activation, { orgUrl: 'https://other.okta.com' });
      await totp.remember('org-1', 'u', 'ost1', { timeStep: 30, sharedSecret: 'JBTWGV22G4ZGKV3N', encoding: 'base32', keyLength: 6 }, { label: 'l', issuer: 'i' });
      assert.equal((await authenticator.factorsWithSecrets('org-1')).length, 2);
      await authenticator.forgetOrg('org-1');
      assert.deepEqual(await authenticator.factorsWithSecrets('org-1'), []);
      assert.deepEqual(await authenticator.factorsWithSecrets('org-2'), [factor('org-2', 'fwf3')]);
      assert.equal(await totp.has('org-1', 'u', 'ost1'), true, `${TOTP_SECRET_KIND} records are not ${PASSKEY_SECRET_KIND}'s to delete`);
      authenticator.dispose();
      totp.dispose();
    });
  }

  it('treats a damaged record as missing', async () => {
    const store = new InMemorySecretStore();
    const authenticator = new PasskeyAuthenticator(store);
    const ref = factor('org-1', 'fwf1');
    await authenticator.createCredential(ref, activation, { orgUrl: ORG_URL });
    const key = `${PASSKEY_SECRET_KIND}/org-1/${ref.userId}/fwf1`;
    await store.store(key, JSON.stringify({ ...JSON.parse((await store.get(key)) ?? '{}'), signCount: -1 }));
    assert.equal(await authenticator.has(ref), false);
  });

  it('shows the private key in no error and not in its own JSON', async () => {
    const store = new InMemorySecretStore();
    const authenticator = new PasskeyAuthenticator(store);
    const ref = factor('org-1', 'fwf1');
    await authenticator.createCredential(ref, activation, { orgUrl: ORG_URL });
    await authenticator.signAssertion(ref, { challenge: 'nE5ZxbPGqX3TjaD0yT7u' });
    const privateKey = await storedKey(store, ref);
    const forms = [privateKey, Buffer.from(privateKey, 'base64').toString('base64url')];
    const seen: string[] = [JSON.stringify(authenticator), String(authenticator)];
    for (const attempt of [
      () => authenticator.signAssertion(factor('org-1', 'nope'), { challenge: 'x' }),
      () => authenticator.createCredential(ref, { ...activation, pubKeyCredParams: [{ alg: -257 }] }, { orgUrl: ORG_URL }),
      () => authenticator.createCredential(ref, activation, { orgUrl: 'not a url' }),
    ]) {
      const error = await attempt().then(() => assert.fail('should have thrown'), (e: unknown) => e as Error);
      seen.push(error.message, String(error.stack), JSON.stringify(error));
    }
    for (const text of seen) for (const form of forms) assert.ok(!text.includes(form), 'the key leaked');
    assert.equal(await storedKey(store, ref), privateKey, 'a failed registration keeps the old key');
  });
});
