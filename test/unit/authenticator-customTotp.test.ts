// Custom TOTP in the built-in authenticator: codes under a factor profile (RFC 6238 vectors for
// SHA-256/SHA-512, 8 digits, 30 s and 60 s steps), secrets in the three profile encodings, fresh and
// typed secrets, and the migration of secrets kept by the earlier counter-based version.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CustomTotpSettings, customTotpParameters, newCustomTotpSecret, secretInProfileEncoding,
} from '../../src/authenticator/customTotpProfile';
import { FactorSecrets } from '../../src/authenticator/factorSecrets';
import { HOTP_SECRET_KIND } from '../../src/authenticator/legacyHotpSecrets';
import { droppedLegacySecretsMessage, migrateLegacyHotpSecrets } from '../../src/authenticator/legacyHotpSecrets';
import { TOTP_SECRET_KIND, TotpAuthenticator } from '../../src/authenticator/totpAuthenticator';
import { InMemorySecretStore } from '../../src/orgs/secretStore';
import { referenceBase32, referenceTotp } from './authenticator-referenceOtp';

const ORG = 'org-1';
const meta = { label: 'qa@example.com', issuer: 'Acme dev' };
const SEEDS = {
  sha256: Buffer.from('12345678901234567890123456789012', 'ascii'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii'),
};
const HMAC = { sha256: 'HMacSHA256', sha512: 'HMacSHA512' } as const;
/** RFC 6238 Appendix B (T0 = 0, X = 30, 8 digits). */
const RFC6238: [number, { sha256: string; sha512: string }][] = [
  [59, { sha256: '46119246', sha512: '90693936' }],
  [1111111109, { sha256: '68084774', sha512: '25091201' }],
  [1111111111, { sha256: '67062674', sha512: '99943326' }],
  [1234567890, { sha256: '91819424', sha512: '93441116' }],
  [2000000000, { sha256: '90698825', sha512: '38618901' }],
  [20000000000, { sha256: '77737706', sha512: '47863826' }],
];
const ENCODED: Record<string, (key: Buffer) => string> = {
  base32: (key) => referenceBase32(key),
  base64: (key) => key.toString('base64'),
  hexadecimal: (key) => key.toString('hex'),
};
const settings = (over: Partial<CustomTotpSettings> = {}): CustomTotpSettings => ({
  timeBased: true, otpLength: 8, hmacAlgorithm: 'HMacSHA512', timeStep: 60, acceptableAdjacentIntervals: 3, encoding: 'base32', ...over,
});

describe('TotpAuthenticator: Custom TOTP under a factor profile', () => {
  for (const algorithm of ['sha256', 'sha512'] as const) {
    for (const encoding of Object.keys(ENCODED)) {
      it(`RFC 6238 Appendix B, ${algorithm.toUpperCase()}, 8 digits, 30 s, secret in ${encoding}`, async () => {
        const authenticator = new TotpAuthenticator(new InMemorySecretStore());
        const profile = settings({ hmacAlgorithm: HMAC[algorithm], timeStep: 30, encoding });
        await authenticator.rememberCustomTotp(ORG, 'u', 'f', { sharedSecret: ENCODED[encoding](SEEDS[algorithm]), settings: profile }, meta);
        for (const [time, expected] of RFC6238) {
          assert.equal((await authenticator.currentCode(ORG, 'u', 'f', time * 1000)).code, expected[algorithm], `T=${time}`);
        }
      });
    }

    it(`${algorithm.toUpperCase()}, 8 digits, 60 s steps: codes of an independent implementation, and the time left`, async () => {
      const authenticator = new TotpAuthenticator(new InMemorySecretStore());
      await authenticator.rememberCustomTotp(ORG, 'u', 'f', { sharedSecret: referenceBase32(SEEDS[algorithm]), settings: settings({ hmacAlgorithm: HMAC[algorithm] }) }, meta);
      for (const [time] of RFC6238) {
        const { code, secondsRemaining, timeStep } = await authenticator.currentCode(ORG, 'u', 'f', time * 1000);
        assert.equal(code, referenceTotp(SEEDS[algorithm], time, { algorithm, digits: 8, timeStep: 60 }), `T=${time}`);
        assert.equal(timeStep, 60);
        assert.equal(secondsRemaining, 60 - (time % 60));
      }
      // The 30 s and 60 s codes differ where the steps do: the step is honoured, not assumed.
      assert.notEqual((await authenticator.currentCode(ORG, 'u', 'f', 1111111109_000)).code, RFC6238[1][1][algorithm]);
    });
  }

  it('10 digits: the 31-bit value itself, zero-padded', async () => {
    const authenticator = new TotpAuthenticator(new InMemorySecretStore());
    await authenticator.rememberCustomTotp(ORG, 'u', 'f', { sharedSecret: SEEDS.sha256.toString('hex'), settings: settings({ otpLength: 10, hmacAlgorithm: 'HMacSHA256', timeStep: 30, encoding: 'hexadecimal' }) }, meta);
    for (const [time] of RFC6238) {
      assert.equal((await authenticator.currentCode(ORG, 'u', 'f', time * 1000)).code, referenceTotp(SEEDS.sha256, time, { algorithm: 'sha256', digits: 10 }));
    }
  });

  it('stores the secret as sent with the profile settings; the otpauth URI carries them', async () => {
    const store = new InMemorySecretStore();
    const authenticator = new TotpAuthenticator(store);
    const sharedSecret = SEEDS.sha512.toString('base64');
    await authenticator.rememberCustomTotp(ORG, 'u', 'f', { sharedSecret, settings: settings({ encoding: 'base64' }) }, meta);
    assert.deepEqual(JSON.parse((await store.get(`${TOTP_SECRET_KIND}/${ORG}/u/f`))!), {
      secret: sharedSecret, timeStep: 60, digits: 8, encoding: 'base64', algorithm: 'sha512', label: meta.label, issuer: meta.issuer,
    });
    const uri = new URL(await authenticator.otpauthUri(ORG, 'u', 'f'));
    assert.equal(uri.searchParams.get('secret'), referenceBase32(SEEDS.sha512));
    assert.equal(uri.searchParams.get('algorithm'), 'SHA512');
    assert.equal(uri.searchParams.get('digits'), '8');
    assert.equal(uri.searchParams.get('period'), '60');
  });

  it('decodes by the profile\'s encoding, never by guessing ("ABCDEF23" is hex and base32)', async () => {
    const authenticator = new TotpAuthenticator(new InMemorySecretStore());
    await authenticator.rememberCustomTotp(ORG, 'u', 'hex', { sharedSecret: 'ABCDEF23', settings: settings({ encoding: 'hexadecimal', hmacAlgorithm: 'HMacSHA1', otpLength: 6, timeStep: 30 }) }, meta);
    const code = (await authenticator.currentCode(ORG, 'u', 'hex', 59_000)).code;
    assert.equal(code, referenceTotp(Buffer.from('abcdef23', 'hex'), 59));
  });

  it('refuses unsupported settings and secrets not valid in the profile encoding, storing nothing and not echoing the secret', async () => {
    const store = new InMemorySecretStore();
    const authenticator = new TotpAuthenticator(store);
    const secret = referenceBase32(SEEDS.sha512);
    const bad: [string, Partial<CustomTotpSettings>, RegExp][] = [
      [secret, { otpLength: 7 }, /code length 7/],
      [secret, { hmacAlgorithm: 'HMacMD5' }, /HMAC algorithm "HMacMD5"/],
      [secret, { timeStep: 0 }, /time step 0/],
      [secret, { encoding: 'base16' }, /encoding "base16"/],
      [secret, { timeBased: false }, /counter-based/],
      ['0189abcd0189', { encoding: 'base32' }, /not valid base32/],
      ['GEZDGNBV', { encoding: 'hexadecimal' }, /not valid hex/],
    ];
    for (const [sharedSecret, over, message] of bad) {
      await assert.rejects(authenticator.rememberCustomTotp(ORG, 'u', 'f', { sharedSecret, settings: settings(over) }, meta),
        (error: Error) => message.test(error.message) && !error.message.includes(sharedSecret));
    }
    assert.deepEqual(await store.keys(), []);
  });
});

describe('Custom TOTP secrets for enrollment', () => {
  for (const [hmacAlgorithm, bytes] of [['HMacSHA1', 20], ['HMacSHA256', 32], ['HMacSHA512', 64]] as const) {
    for (const encoding of ['base32', 'base64', 'hexadecimal']) {
      it(`a fresh ${hmacAlgorithm} secret is ${bytes} random bytes written in ${encoding}`, () => {
        const profile = settings({ hmacAlgorithm, encoding });
        const secret = newCustomTotpSecret(profile);
        const decoded = encoding === 'hexadecimal' ? Buffer.from(secret, 'hex') : encoding === 'base64' ? Buffer.from(secret, 'base64') : undefined;
        if (decoded) assert.equal(decoded.length, bytes);
        else assert.equal(secret.length, Math.ceil((bytes * 8) / 5));
        const pattern = { base32: /^[A-Z2-7]+$/, base64: /^[A-Za-z0-9+/]+=*$/, hexadecimal: /^[0-9a-f]+$/ }[encoding]!;
        assert.match(secret, pattern);
        assert.notEqual(newCustomTotpSecret(profile), secret);
      });
    }
  }

  it('a typed secret in any of the three encodings is rewritten in the profile\'s', () => {
    const key = SEEDS.sha256;
    for (const [typedEncoding, typed] of [['base32', referenceBase32(key).toLowerCase().replace(/(.{4})/g, '$1 ')], ['base64', key.toString('base64')], ['hexadecimal', key.toString('hex')], ['hex', key.toString('hex').toUpperCase()]]) {
      for (const profileEncoding of Object.keys(ENCODED)) {
        assert.equal(secretInProfileEncoding(typed, typedEncoding, settings({ encoding: profileEncoding })), ENCODED[profileEncoding](key), `${typedEncoding} -> ${profileEncoding}`);
      }
    }
    assert.throws(() => secretInProfileEncoding('not*base32!', 'base32', settings()), (e: Error) => /not valid base32/.test(e.message) && !e.message.includes('not*base32!'));
  });

  it('customTotpParameters maps Okta\'s names to otplib\'s', () => {
    assert.deepEqual(customTotpParameters(settings({ hmacAlgorithm: 'HMacSHA256', encoding: 'hexadecimal', otpLength: 6, timeStep: 15 })),
      { digits: 6, algorithm: 'sha256', timeStep: 15, encoding: 'hex' });
  });
});

/** The records the earlier counter-based version wrote, as it wrote them. */
function legacyRecords(store: InMemorySecretStore): FactorSecrets<Record<string, unknown>> {
  return new FactorSecrets(store, HOTP_SECRET_KIND, (value): value is Record<string, unknown> => typeof value === 'object' && value !== null);
}

function legacyRecord(secret: string, meta: { label: string; issuer: string }): Record<string, unknown> {
  return { secret, encoding: 'hex', digits: 6, algorithm: 'sha1', counter: 0, label: meta.label, issuer: meta.issuer };
}

describe('secrets of the earlier counter-based version', () => {
  const hexProfile = settings({ hmacAlgorithm: 'HMacSHA1', otpLength: 6, timeStep: 30, encoding: 'hexadecimal' });
  const base32Profile = settings();

  it('migrates those valid under their factor\'s profile, drops the others with a clear message, and deletes every legacy record', async () => {
    const store = new InMemorySecretStore();
    const legacy = legacyRecords(store);
    const totp = new TotpAuthenticator(store);
    const hexSecret = Buffer.from('12345678901234567890', 'ascii').toString('hex');
    await legacy.write({ orgId: ORG, userId: 'u1', factorId: 'hexfactor' }, legacyRecord(hexSecret, { label: 'ann@example.com', issuer: 'Acme' }));
    await legacy.write({ orgId: ORG, userId: 'u2', factorId: 'b32factor' }, legacyRecord('ab01ab01ab01', { label: 'bob@example.com', issuer: 'Acme' }));
    await legacy.write({ orgId: ORG, userId: 'u3', factorId: 'gone' }, legacyRecord(hexSecret, { label: 'cy@example.com', issuer: 'Acme' }));
    await legacy.write({ orgId: 'other-org', userId: 'u9', factorId: 'kept' }, legacyRecord(hexSecret, meta));
    const profiles: Record<string, CustomTotpSettings> = { hexfactor: hexProfile, b32factor: base32Profile };

    const outcome = await migrateLegacyHotpSecrets(store, totp, ORG, async ({ factorId }) => profiles[factorId]);

    assert.deepEqual(outcome.migrated, [{ orgId: ORG, userId: 'u1', factorId: 'hexfactor' }]);
    assert.deepEqual(outcome.dropped.map((d) => [d.factor.factorId, d.label]).sort(), [['b32factor', 'bob@example.com'], ['gone', 'cy@example.com']]);
    // The migrated secret now gives time-based codes under its profile.
    assert.equal((await totp.currentCode(ORG, 'u1', 'hexfactor', 59_000)).code, '287082');
    assert.equal((await totp.currentCode(ORG, 'u1', 'hexfactor', 59_000)).code, referenceTotp(Buffer.from('12345678901234567890', 'ascii'), 59));
    for (const id of ['hexfactor', 'b32factor', 'gone']) {
      assert.equal((await legacy.read({ orgId: ORG, userId: `u${id === 'hexfactor' ? 1 : id === 'b32factor' ? 2 : 3}`, factorId: id })) !== undefined, false);
    }
    assert.equal(await totp.has(ORG, 'u2', 'b32factor'), false);
    assert.equal((await legacy.read({ orgId: 'other-org', userId: 'u9', factorId: 'kept' })) !== undefined, true, 'other orgs are untouched');
    assert.equal((await store.keys()).filter((k) => k.startsWith(`${HOTP_SECRET_KIND}/${ORG}/`)).length, 0);

    const message = droppedLegacySecretsMessage(outcome.dropped)!;
    assert.match(message, /dropped 2 Custom TOTP secrets kept by an earlier version/);
    assert.match(message, /bob@example\.com \(factor b32factor\): The shared secret is not valid base32\./);
    assert.match(message, /cy@example\.com \(factor gone\): the factor or its factor profile no longer exists/);
    assert.match(message, /enroll those factors again/);
    assert.ok(!message.includes(hexSecret) && !message.includes('ab01ab01ab01'));
    assert.equal(droppedLegacySecretsMessage([]), undefined);
  });

  it('an org without legacy secrets migrates nothing', async () => {
    const store = new InMemorySecretStore();
    const outcome = await migrateLegacyHotpSecrets(store, new TotpAuthenticator(store), ORG, async () => assert.fail('not asked'));
    assert.deepEqual(outcome, { migrated: [], dropped: [] });
  });
});

