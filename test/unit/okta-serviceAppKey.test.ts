// Reading a service app's private key and settings: every supported format, and each bad input
// refused with a message that says what to do, before anything is sent.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { OktaClient } from '../../src/okta/client';
import { OktaInputError } from '../../src/okta/errors';
import { generateServiceAppKeyPem, publicJwkOf, publicPemOf, readServiceAppKey } from '../../src/okta/auth/serviceAppKey';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });

function refused(text: string, pattern: RegExp): void {
  assert.throws(() => readServiceAppKey(text), (e: unknown) => e instanceof OktaInputError && pattern.test(e.message), pattern.source);
}

test('reads PKCS#8, PKCS#1 and SEC1 PEMs and JWKs, with the algorithm Okta expects for each', () => {
  assert.equal(readServiceAppKey(rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()).alg, 'RS256');
  assert.equal(readServiceAppKey(rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString()).alg, 'RS256');
  assert.equal(readServiceAppKey(ec.privateKey.export({ format: 'pem', type: 'sec1' }).toString()).alg, 'ES256');
  const jwk = readServiceAppKey(JSON.stringify({ ...ec.privateKey.export({ format: 'jwk' }), kid: 'k-1' }));
  assert.deepEqual([jwk.alg, jwk.kid], ['ES256', 'k-1']);
  assert.equal(readServiceAppKey(JSON.stringify({ ...ec.privateKey.export({ format: 'jwk' }), kid: 'k-1' }), 'given').kid, 'given');
  assert.equal(readServiceAppKey(`\n  ${String(rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }))}  \n`).kid, undefined);
});

test('the public half, as JWK and PEM, carries no private member', () => {
  const key = readServiceAppKey(generateServiceAppKeyPem(), 'kid-9');
  const jwk = publicJwkOf(key);
  assert.deepEqual([jwk.kty, jwk.kid, jwk.use, jwk.alg], ['RSA', 'kid-9', 'sig', 'RS256']);
  for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) assert.ok(!(member in jwk), member);
  assert.match(publicPemOf(key), /^-----BEGIN PUBLIC KEY-----/);
});

test('refuses bad keys with what to do', () => {
  refused('', /empty/);
  refused('hello', /neither a PEM block/);
  refused(rsa.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString(), /encrypted with a passphrase/);
  refused(rsa.privateKey.export({ format: 'pem', type: 'pkcs1', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString(), /encrypted with a passphrase/);
  refused(rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString(), /public key, not a private key/);
  refused(JSON.stringify(ec.publicKey.export({ format: 'jwk' })), /public key \(it has no "d"\)/);
  refused(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), /Ed25519 keys are not supported/);
  refused(JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })), /Ed25519 keys are not supported/);
  refused(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), /1024 bits; Okta needs 2048/);
  refused(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), /secp384r1 curve are not supported/);
  refused('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', /malformed/);
  refused('{"kty":', /not valid JSON/);
  refused('{"keys":[{"kty":"EC"},{"kty":"EC"}]}', /holds 2 keys/);
  refused('{"kty":"EC","crv":"P-256","d":"AAAA","x":"AA","y":"AA"}', /malformed/);
  refused('{"kty":"oct","k":"AAAA"}', /"oct" keys are not supported/);
});

test('a malformed key never appears in the message', () => {
  const secret = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ';
  try {
    readServiceAppKey(`-----BEGIN PRIVATE KEY-----\n${secret}\n-----END PRIVATE KEY-----`);
    assert.fail('expected a refusal');
  } catch (error) {
    assert.ok(error instanceof OktaInputError);
    assert.ok(!error.message.includes(secret));
    assert.equal(error.cause, undefined);
  }
});

test('the client refuses a bad client id or scopes before sending anything', () => {
  const privateKey = generateServiceAppKeyPem();
  const make = (clientId: string, scopes: string[]) => () => new OktaClient({ orgUrl: 'https://acme.okta.com', privateKeyAuth: { clientId, privateKey, scopes } });
  assert.throws(make('0oa abc', ['okta.users.read']), /client id has no spaces/);
  assert.throws(make('  ', ['okta.users.read']), /client id is empty/);
  assert.throws(make('0oaabc', []), /at least one scope/);
  assert.throws(make('0oaabc', ['okta.users read']), /not a valid scope name/);
  assert.doesNotThrow(make('0oaabc', ['okta.users.read', 'okta.users.read']));
});
