import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  HOTP_SECRET_KIND, HotpAuthenticator, HotpSecretMissingError, newHotpSharedSecret,
} from '../../src/authenticator/hotpAuthenticator';
import { InMemorySecretStore } from '../../src/orgs/secretStore';

/** RFC 4226 Appendix D: secret ASCII "12345678901234567890", counters 0..9. */
const RFC4226_SECRET_HEX = Buffer.from('12345678901234567890', 'ascii').toString('hex');
const RFC4226 = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
const meta = { label: 'qa@example.com', issuer: 'Acme' };

describe('HotpAuthenticator', () => {
  it('hands out the RFC 4226 codes in order and keeps the counter in the store', async () => {
    const store = new InMemorySecretStore();
    const authenticator = new HotpAuthenticator(store);
    await authenticator.remember('org', 'u', 'f', { sharedSecret: RFC4226_SECRET_HEX }, meta);
    const first = await Promise.all(RFC4226.slice(0, 5).map(() => authenticator.nextCode('org', 'u', 'f')));
    assert.deepEqual(first, RFC4226.slice(0, 5).map((code, counter) => ({ code, counter })));
    // A new instance (a reloaded window) continues where the last one stopped.
    const again = new HotpAuthenticator(store);
    assert.deepEqual(await again.nextCode('org', 'u', 'f'), { code: RFC4226[5], counter: 5 });
    assert.equal(JSON.parse((await store.get(`${HOTP_SECRET_KIND}/org/u/f`))!).counter, 6);
  });

  it('accepts base32 secrets and a starting counter', async () => {
    const authenticator = new HotpAuthenticator(new InMemorySecretStore());
    await authenticator.remember('org', 'u', 'f', { sharedSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', encoding: 'base32', counter: 8 }, meta);
    assert.equal((await authenticator.nextCode('org', 'u', 'f')).code, RFC4226[8]);
  });

  it('refuses malformed secrets and counters, storing nothing', async () => {
    const store = new InMemorySecretStore();
    const authenticator = new HotpAuthenticator(store);
    await assert.rejects(authenticator.remember('org', 'u', 'f', { sharedSecret: 'xyz' }, meta), /not valid hex/);
    await assert.rejects(authenticator.remember('org', 'u', 'f', { sharedSecret: 'abcd', counter: -1 }, meta), /counter/);
    assert.deepEqual(await store.keys(), []);
    await assert.rejects(authenticator.nextCode('org', 'u', 'f'), HotpSecretMissingError);
  });

  it('builds an otpauth://hotp URI at the next counter; forgets one factor or a whole org', async () => {
    const authenticator = new HotpAuthenticator(new InMemorySecretStore());
    await authenticator.remember('org', 'u', 'f', { sharedSecret: RFC4226_SECRET_HEX, counter: 3 }, meta);
    await authenticator.remember('org', 'u', 'g', { sharedSecret: newHotpSharedSecret() }, meta);
    assert.equal(await authenticator.otpauthUri('org', 'u', 'f'),
      'otpauth://hotp/Acme:qa%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme&algorithm=SHA1&digits=6&counter=3');
    await authenticator.forget('org', 'u', 'f');
    assert.equal(await authenticator.has('org', 'u', 'f'), false);
    assert.equal(await authenticator.has('org', 'u', 'g'), true);
    await authenticator.forgetOrg('org');
    assert.equal(await authenticator.has('org', 'u', 'g'), false);
  });

  it('makes fresh 20-byte hex secrets', () => {
    const a = newHotpSharedSecret();
    assert.match(a, /^[0-9a-f]{40}$/);
    assert.notEqual(a, newHotpSharedSecret());
  });
});
