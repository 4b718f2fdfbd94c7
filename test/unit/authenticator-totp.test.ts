import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HashAlgorithm } from 'otplib';
import {
  TOTP_SECRET_KIND, TotpAuthenticator, TotpSecretChange, TotpSecretMissingError, TotpSecretRecord,
} from '../../src/authenticator/totpAuthenticator';
import type { TotpActivation } from '../../src/okta/models';
import { InMemorySecretStore, SecretStore } from '../../src/orgs/secretStore';
import { referenceBase32, referenceTotp } from './authenticator-referenceOtp';

const base32Of = (ascii: string) => referenceBase32(Buffer.from(ascii, 'ascii'));

/** RFC 6238 Appendix B seeds (one per hash) and expected 8-digit codes. */
const SEEDS: Record<HashAlgorithm, string> = {
  sha1: '12345678901234567890',
  sha256: '12345678901234567890123456789012',
  sha512: '1234567890123456789012345678901234567890123456789012345678901234',
};
const RFC6238: [number, Record<HashAlgorithm, string>][] = [
  [59, { sha1: '94287082', sha256: '46119246', sha512: '90693936' }],
  [1111111109, { sha1: '07081804', sha256: '68084774', sha512: '25091201' }],
  [1111111111, { sha1: '14050471', sha256: '67062674', sha512: '99943326' }],
  [1234567890, { sha1: '89005924', sha256: '91819424', sha512: '93441116' }],
  [2000000000, { sha1: '69279037', sha256: '90698825', sha512: '38618901' }],
  [20000000000, { sha1: '65353130', sha256: '77737706', sha512: '47863826' }],
];

const ORG = 'org-1';
const activation = (over: Partial<TotpActivation> = {}): TotpActivation => ({
  timeStep: 30, sharedSecret: 'JBTWGV22G4ZGKV3N', encoding: 'base32', keyLength: 6, ...over,
});
const meta = { label: 'test.user@example.com', issuer: 'Acme dev' };

describe('TotpAuthenticator codes', () => {
  for (const algorithm of ['sha1', 'sha256', 'sha512'] as HashAlgorithm[]) {
    it(`matches the RFC 6238 Appendix B vectors (${algorithm.toUpperCase()}, 8 digits, T0=0, X=30)`, async () => {
      const authenticator = new TotpAuthenticator(new InMemorySecretStore());
      await authenticator.remember(ORG, 'u', algorithm, activation({ sharedSecret: base32Of(SEEDS[algorithm]), keyLength: 8 }), { ...meta, algorithm });
      for (const [time, expected] of RFC6238) {
        const { code } = await authenticator.currentCode(ORG, 'u', algorithm, time * 1000);
        assert.equal(code, expected[algorithm], `T=${time}`);
      }
    });
  }

  it('accepts base64 secrets (converted, same codes as the base32 form)', async () => {
    const authenticator = new TotpAuthenticator(new InMemorySecretStore());
    const seed = Buffer.from(SEEDS.sha1, 'ascii');
    await authenticator.remember(ORG, 'u', 'b64', activation({ sharedSecret: seed.toString('base64'), encoding: 'base64', keyLength: 8 }), meta);
    await authenticator.remember(ORG, 'u', 'b64url', activation({ sharedSecret: Buffer.from([0xfb, 0xff, ...seed]).toString('base64url'), encoding: 'BASE64', keyLength: 8 }), meta);
    assert.equal((await authenticator.currentCode(ORG, 'u', 'b64', 59_000)).code, '94287082');
    const at = 1_111_111_109;
    assert.equal((await authenticator.currentCode(ORG, 'u', 'b64url', at * 1000)).code,
      referenceTotp(Buffer.from([0xfb, 0xff, ...seed]), at, { digits: 8 }));
  });

  it("works with Okta's short (10-byte) secrets and honours timeStep and keyLength", async () => {
    const authenticator = new TotpAuthenticator(new InMemorySecretStore());
    const key = Buffer.from(base32Decode('JBTWGV22G4ZGKV3N'));
    assert.equal(key.length, 10);
    await authenticator.remember(ORG, 'u', 'f30', activation(), meta);
    await authenticator.remember(ORG, 'u', 'f60', activation({ timeStep: 60, keyLength: 8, sharedSecret: 'jbtw gv22 g4zg kv3n' }), meta);
    for (const t of [0, 29, 30, 1_700_000_123, 1_700_000_159]) {
      assert.equal((await authenticator.currentCode(ORG, 'u', 'f30', t * 1000)).code, referenceTotp(key, t), `30s @${t}`);
      assert.equal((await authenticator.currentCode(ORG, 'u', 'f60', t * 1000)).code, referenceTotp(key, t, { timeStep: 60, digits: 8 }), `60s @${t}`);
    }
  });

  it('reports the seconds left in the current time step', async () => {
    const authenticator = new TotpAuthenticator(new InMemorySecretStore());
    await authenticator.remember(ORG, 'u', 'f', activation(), meta);
    await authenticator.remember(ORG, 'u', 'g', activation({ timeStep: 60 }), meta);
    assert.deepEqual(await authenticator.currentCode(ORG, 'u', 'f', 59_000).then((c) => [c.secondsRemaining, c.timeStep]), [1, 30]);
    assert.equal((await authenticator.currentCode(ORG, 'u', 'f', 60_000)).secondsRemaining, 30);
    assert.equal((await authenticator.currentCode(ORG, 'u', 'f', 60_999)).secondsRemaining, 30);
    assert.equal((await authenticator.currentCode(ORG, 'u', 'g', 61_000)).secondsRemaining, 59);
    const now = await authenticator.currentCode(ORG, 'u', 'f');
    assert.match(now.code, /^\d{6}$/);
    assert.ok(now.secondsRemaining >= 1 && now.secondsRemaining <= 30);
  });

  it('falls back to 6 digits and 30 s when keyLength/timeStep are unusable (Okta once showed keyLength 16)', async () => {
    const store = new InMemorySecretStore();
    const authenticator = new TotpAuthenticator(store);
    await authenticator.remember(ORG, 'u', 'f', activation({ keyLength: 16, timeStep: 0 }), meta);
    const record = JSON.parse((await store.get(`${TOTP_SECRET_KIND}/${ORG}/u/f`))!) as TotpSecretRecord;
    assert.equal(record.digits, 6);
    assert.equal(record.timeStep, 30);
  });
});

describe('TotpAuthenticator storage', () => {
  it('stores one JSON record per org, user and factor', async () => {
    const store = new InMemorySecretStore();
    const authenticator = new TotpAuthenticator(store);
    await authenticator.remember(ORG, '00u1', 'uft1', activation({ timeStep: 30, keyLength: 6 }), meta);
    const json = await store.get('okta.totp/org-1/00u1/uft1');
    assert.deepEqual(JSON.parse(json!), {
      secret: 'JBTWGV22G4ZGKV3N', timeStep: 30, digits: 6, encoding: 'base32', algorithm: 'sha1',
      label: 'test.user@example.com', issuer: 'Acme dev',
    });
    assert.equal(await authenticator.has(ORG, '00u1', 'uft1'), true);
    assert.equal(await authenticator.has(ORG, '00u1', 'other'), false);
  });

  it('refuses activations it cannot generate codes for, storing nothing (and not echoing the secret)', async () => {
    const store = new InMemorySecretStore();
    const authenticator = new TotpAuthenticator(store);
    const bad: [Partial<TotpActivation>, RegExp][] = [
      [{ encoding: 'base16' }, /Unsupported shared secret encoding "base16"/],
      [{ sharedSecret: 'NOT*BASE32!' }, /not valid base32/],
      [{ sharedSecret: 'JBTWGV2' }, /not valid base32/],
      [{ sharedSecret: '' }, /not valid base32/],
      [{ sharedSecret: 'a$b', encoding: 'base64' }, /not valid base64/],
    ];
    for (const [over, message] of bad) {
      await assert.rejects(authenticator.remember(ORG, 'u', 'f', activation(over), meta), (e: unknown) => {
        assert.match((e as Error).message, message);
        if (over.sharedSecret) assert.ok(!(e as Error).message.includes(over.sharedSecret));
        return true;
      });
    }
    assert.deepEqual(await store.keys(), []);
  });

  it('throws TotpSecretMissingError for a factor it does not know', async () => {
    const authenticator = new TotpAuthenticator(new InMemorySecretStore());
    await assert.rejects(authenticator.currentCode(ORG, 'u', 'f'), TotpSecretMissingError);
    await assert.rejects(authenticator.otpauthUri(ORG, 'u', 'f'), TotpSecretMissingError);
  });

  it('forget removes one factor; forgetOrg removes every TOTP secret of one org only', async () => {
    const store = new InMemorySecretStore();
    const authenticator = new TotpAuthenticator(store);
    await authenticator.remember(ORG, 'u1', 'f1', activation(), meta);
    await authenticator.remember(ORG, 'u1', 'f2', activation(), meta);
    await authenticator.remember(ORG, 'u2', 'f3', activation(), meta);
    await authenticator.remember('org-2', 'u1', 'f1', activation(), meta);
    await store.store(`okta.token/${ORG}`, 'not the authenticator\'s');
    await authenticator.forget(ORG, 'u1', 'f1');
    assert.equal(await authenticator.has(ORG, 'u1', 'f1'), false);
    assert.equal(await authenticator.has(ORG, 'u1', 'f2'), true);
    await authenticator.forgetOrg(ORG);
    assert.deepEqual((await store.keys()).sort(), ['okta.token/org-1', 'okta.totp/org-2/u1/f1'], 'a store that lists its keys needs no index');
    await authenticator.forget(ORG, 'u1', 'f1'); // forgetting twice is fine
  });

  it('forgetOrg works with a plain SecretStore that cannot list keys (index kept in the store)', async () => {
    const backing = new InMemorySecretStore();
    const plain: SecretStore = {
      get: (k) => backing.get(k), store: (k, v) => backing.store(k, v), delete: (k) => backing.delete(k), onDidChange: backing.onDidChange,
    };
    const authenticator = new TotpAuthenticator(plain);
    await Promise.all([1, 2, 3, 4, 5].map((n) => authenticator.remember(ORG, `u${n}`, `f${n}`, activation(), meta)));
    assert.deepEqual((JSON.parse((await backing.get(`okta.orgSecrets/${ORG}`))!) as unknown[]).length, 5, 'concurrent remembers all indexed');
    await authenticator.forgetOrg(ORG);
    assert.deepEqual(await backing.keys(), []);
  });

  it('tells listeners (e.g. another window) when a secret is stored or forgotten', async () => {
    const store = new InMemorySecretStore();
    const windowA = new TotpAuthenticator(store);
    const windowB = new TotpAuthenticator(store);
    const seen: TotpSecretChange[] = [];
    windowB.onDidChange((e) => seen.push(e));
    await windowA.remember(ORG, 'u1', 'f1', activation(), meta);
    await windowA.forget(ORG, 'u1', 'f1');
    assert.deepEqual(seen, [{ orgId: ORG, userId: 'u1', factorId: 'f1' }, { orgId: ORG, userId: 'u1', factorId: 'f1' }]);
    windowB.dispose();
    await windowA.remember(ORG, 'u1', 'f1', activation(), meta);
    assert.equal(seen.length, 2);
  });
});

describe('TotpAuthenticator.otpauthUri', () => {
  it('builds a properly encoded otpauth://totp URI with issuer, digits and period', async () => {
    const authenticator = new TotpAuthenticator(new InMemorySecretStore());
    await authenticator.remember(ORG, 'u', 'f', activation({ timeStep: 60, keyLength: 8 }), { label: 'jo hn+qa@example.com', issuer: 'Acme: dev/test & co' });
    const uri = await authenticator.otpauthUri(ORG, 'u', 'f');
    assert.equal(uri,
      'otpauth://totp/Acme%3A%20dev%2Ftest%20%26%20co:jo%20hn%2Bqa%40example.com'
      + '?secret=JBTWGV22G4ZGKV3N&issuer=Acme%3A%20dev%2Ftest%20%26%20co&algorithm=SHA1&digits=8&period=60');
    const parsed = new URL(uri);
    assert.equal(parsed.protocol, 'otpauth:');
    assert.equal(parsed.searchParams.get('issuer'), 'Acme: dev/test & co');
    assert.equal(parsed.host, 'totp');
    // Exactly one unescaped ":" separates issuer and account, whatever characters they contain.
    const [issuer, label, ...rest] = parsed.pathname.slice(1).split(':').map(decodeURIComponent);
    assert.deepEqual([issuer, label, rest], ['Acme: dev/test & co', 'jo hn+qa@example.com', []]);
  });

  it('converts base64 secrets to base32 for the URI', async () => {
    const authenticator = new TotpAuthenticator(new InMemorySecretStore());
    await authenticator.remember(ORG, 'u', 'f', activation({ sharedSecret: Buffer.from(SEEDS.sha1).toString('base64'), encoding: 'base64' }), meta);
    const uri = new URL(await authenticator.otpauthUri(ORG, 'u', 'f'));
    assert.equal(uri.searchParams.get('secret'), base32Of(SEEDS.sha1));
  });
});

function base32Decode(text: string): number[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...text].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return bytes;
}
