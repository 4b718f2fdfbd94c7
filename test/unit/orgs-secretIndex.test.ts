// The index of an org's secrets: what it lists is what is really kept, a store that fails part way
// leaves no entry behind, and two windows writing at once lose nothing, with or without keys().
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TotpAuthenticator } from '../../src/authenticator/totpAuthenticator';
import { OrgSecretIndex } from '../../src/orgs/orgSecretIndex';
import { SharedSecretStorage } from '../support/sharedSecretStorage';

const ORG = 'org-1';
const activation = { sharedSecret: 'JBSWY3DPEHPK3PXP', encoding: 'base32', keyLength: 16, timeStep: 30 };
const meta = { label: 'ann@example.com', issuer: 'Acme' };
const settle = async () => { for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r)); };

for (const listsKeys of [true, false]) {
  describe(`a store ${listsKeys ? 'that lists its keys' : 'without keys()'}`, () => {
    test('a secret whose store fails is not listed afterwards (nothing half-written claims it is kept)', async () => {
      const storage = new SharedSecretStorage();
      const totp = new TotpAuthenticator(storage.window({ listsKeys, failStore: (key) => key.startsWith('okta.totp/') && key.endsWith('/broken') }));
      await totp.remember(ORG, 'u1', 'kept', activation, meta);
      await assert.rejects(totp.remember(ORG, 'u2', 'broken', activation, meta), /keychain refused/);
      assert.deepEqual((await totp.factorsWithSecrets(ORG)).map((ref) => ref.factorId), ['kept']);
      assert.equal(await totp.has(ORG, 'u2', 'broken'), false);
      totp.dispose();
    });

    test('two windows storing at once: every secret is listed, and removing the org deletes them all', async () => {
      const storage = new SharedSecretStorage();
      const [a, b] = [new OrgSecretIndex(storage.window({ listsKeys })), new OrgSecretIndex(storage.window({ listsKeys }))];
      const keys = (window: string) => Array.from({ length: 10 }, (_, i) => `okta.totp/${ORG}/${window}/f${i}`);
      await Promise.all([
        ...keys('a').map((key) => a.store(ORG, key, 'secret')),
        ...keys('b').map((key) => b.store(ORG, key, 'secret')),
      ]);
      await settle();
      assert.deepEqual((await a.keys(ORG)).sort(), [...keys('a'), ...keys('b')].sort(), 'no window lost the other\'s entries');
      await b.deleteAll(ORG);
      assert.ok([...keys('a'), ...keys('b')].every((key) => !storage.has(key)), 'every secret of the org is gone');
      a.dispose();
      b.dispose();
    });
  });
}
