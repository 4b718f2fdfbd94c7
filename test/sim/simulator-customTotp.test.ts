// Custom TOTP (`token:hotp`, provider CUSTOM) against the simulator on both engines: factor
// profiles, enrollment with a secret in the profile's encoding, and RFC 6238 verification under the
// profile (drift window, replays, counter-based codes). Codes come from an independent implementation.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startSimulator, type OrgEngine, type RunningSimulator } from '../../sim';
import { referenceBase32, referenceHotp, referenceTotp } from '../unit/authenticator-referenceOtp';
import { assertOktaError, call, userIdOf } from './simHelpers';

const PROFILES = '/api/v1/org/factors/hotp/profiles';
const PLAIN_ID = 'fpr20l2mDyaUGWGCa0g4';
const SHA512_ID = 'fpr1nd8PQhGcQtSxB0g4';
const KEY = Buffer.from('0123456789abcdefghij0123456789abcdefghij', 'ascii');
const SHA512 = { algorithm: 'sha512' as const, digits: 8, timeStep: 60 };

for (const engine of ['identity', 'classic'] as OrgEngine[]) {
  describe(`simulator (${engine}): Custom TOTP`, () => {
    let sim: RunningSimulator;
    let userId: string;
    const factorsPath = () => `/api/v1/users/${userId}/factors`;
    const enroll = (factorProfileId: string, sharedSecret: string, query = '?activate=true') =>
      call(sim, 'POST', `${factorsPath()}${query}`, { factorType: 'token:hotp', provider: 'CUSTOM', factorProfileId, profile: { sharedSecret } });
    /** The simulator's clock in seconds, moved off a step edge so codes computed now stay current. */
    const nowSeconds = (timeStep: number): number => {
      let now = Date.parse(sim.control.clock().now) / 1000;
      if (now % timeStep > timeStep - 3) {
        sim.advanceClock(4);
        now = Date.parse(sim.control.clock().now) / 1000;
      }
      return now;
    };

    before(async () => {
      sim = await startSimulator({ seed: 'demo', engine });
    });
    after(() => sim.close());
    beforeEach(async () => {
      sim.reset();
      userId = await userIdOf(sim, 'no.factors@example.com');
    });

    it('lists the org\'s factor profiles with their settings (API token required)', async () => {
      const reply = await call(sim, 'GET', PROFILES);
      assert.equal(reply.status, 200);
      assert.ok(Array.isArray(reply.body));
      const sha512 = reply.body.find((p: { id: string }) => p.id === SHA512_ID);
      assert.deepEqual(sha512, {
        id: SHA512_ID, name: 'Hardware TOTP (SHA-512, 8 digits)', default: false,
        settings: { timeBased: true, otpLength: 8, hmacAlgorithm: 'HMacSHA512', timeStep: 60, acceptableAdjacentIntervals: 3, encoding: 'base32' },
      });
      assert.ok(reply.body.some((p: { id: string; default: boolean }) => p.id === PLAIN_ID && p.default));
      for (const profile of reply.body) {
        assert.match(profile.id, /^fpr[A-Za-z0-9]{17}$/);
        assert.ok([6, 8, 10].includes(profile.settings.otpLength));
        assert.ok(['HMacSHA1', 'HMacSHA256', 'HMacSHA512'].includes(profile.settings.hmacAlgorithm));
        assert.ok(['base32', 'base64', 'hexadecimal'].includes(profile.settings.encoding));
      }
      assert.deepEqual((await call(sim, 'GET', `${PROFILES}/${SHA512_ID}`)).body, sha512);
      assertOktaError(await call(sim, 'GET', `${PROFILES}/fprNoSuchProfile0000`), 404, 'E0000007');
      assertOktaError(await call(sim, 'GET', PROFILES, undefined, { Authorization: 'SSWS wrong' }), 401, 'E0000011');
    });

    it('enrolls ACTIVE under a profile: verify link, deletable self, no secret in the answer', async () => {
      const sharedSecret = referenceBase32(KEY);
      const reply = await enroll(SHA512_ID, sharedSecret);
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.body.status, 'ACTIVE');
      assert.match(reply.body.id, /^chf/);
      assert.equal(reply.body.vendorName, 'Hardware TOTP (SHA-512, 8 digits)');
      assert.equal(reply.body.factorProfileId, SHA512_ID);
      assert.deepEqual(reply.body._links.verify.hints.allow, ['POST']);
      assert.deepEqual(reply.body._links.self.hints.allow, ['GET', 'DELETE']);
      assert.equal(reply.text.includes(sharedSecret), false, 'the secret is never echoed');
      assert.equal(reply.body.profile, undefined);
      const deleted = await call(sim, 'DELETE', `${factorsPath()}/${reply.body.id}`);
      assert.equal(deleted.status, 204);
    });

    it('verifies by RFC 6238 under the profile: steps T-3..T+3 pass, T+-4 and replays fail', async () => {
      const factorId = (await enroll(SHA512_ID, referenceBase32(KEY))).body.id;
      const verify = (passCode: string) => call(sim, 'POST', `${factorsPath()}/${factorId}/verify`, { passCode });
      const now = nowSeconds(60);
      const at = (steps: number) => referenceTotp(KEY, now + steps * 60, SHA512);
      assertOktaError(await verify(at(-4)), 403, 'E0000068');
      assertOktaError(await verify(at(4)), 403, 'E0000068');
      assert.deepEqual((await verify(at(-3))).body, { factorResult: 'SUCCESS' });
      assert.deepEqual((await verify(at(0))).body, { factorResult: 'SUCCESS' });
      assertOktaError(await verify(at(0)), 403, 'E0000082');
      assertOktaError(await verify(at(-1)), 403, 'E0000082');
      assert.deepEqual((await verify(at(3))).body, { factorResult: 'SUCCESS' });
      // Codes an app would compute with the usual SHA-1 / 6 digits / 30 s, or by counter, are wrong.
      assertOktaError(await verify(referenceTotp(KEY, now)), 403, 'E0000068');
      assertOktaError(await verify(referenceHotp(KEY, 0, 'sha512', 8)), 403, 'E0000068');
      assertOktaError(await verify('1234'), 403, 'E0000068');
    });

    it('a successful verify sets lastVerified (ISO 8601); a failed one does not', async () => {
      const factorId = (await enroll(SHA512_ID, referenceBase32(KEY))).body.id;
      const factorPath = `${factorsPath()}/${factorId}`;
      assert.equal((await call(sim, 'GET', factorPath)).body.lastVerified, undefined);
      await call(sim, 'POST', `${factorPath}/verify`, { passCode: '00000000' });
      assert.equal((await call(sim, 'GET', factorPath)).body.lastVerified, undefined);
      sim.advanceClock(120);
      const code = referenceTotp(KEY, nowSeconds(60), SHA512);
      assert.equal((await call(sim, 'POST', `${factorPath}/verify`, { passCode: code })).status, 200);
      const factor = (await call(sim, 'GET', factorPath)).body;
      assert.match(factor.lastVerified, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      assert.ok(Math.abs(Date.parse(factor.lastVerified) - Date.parse(sim.control.clock().now)) < 2000);
      assert.notEqual(factor.lastVerified, factor.lastUpdated, 'lastUpdated stays at enrollment');
    });

    it('decodes the secret by the profile\'s encoding, never by guessing', async () => {
      // Valid hexadecimal, not valid base32 (0, 1, 8, 9): refused under the base32 profile.
      assertOktaError(await enroll(SHA512_ID, KEY.toString('hex')), 400, 'E0000001');
      // "ABCDEF23" is valid in both; under the hexadecimal profile it is the 4 bytes ab cd ef 23.
      const factorId = (await enroll(PLAIN_ID, 'ABCDEF23')).body.id;
      const code = referenceTotp(Buffer.from('abcdef23', 'hex'), nowSeconds(30));
      assert.deepEqual((await call(sim, 'POST', `${factorsPath()}/${factorId}/verify`, { passCode: code })).body, { factorResult: 'SUCCESS' });
    });

    it('refuses a second Custom TOTP (any profile), an unknown profile, a missing secret and activate=false', async () => {
      assertOktaError(await enroll('fprNoSuchProfile0000', referenceBase32(KEY)), 400, 'E0000001');
      assertOktaError(await enroll(SHA512_ID, ''), 400, 'E0000001');
      assertOktaError(await enroll(SHA512_ID, referenceBase32(KEY), ''), 400, 'E0000001');
      assert.equal((await enroll(SHA512_ID, referenceBase32(KEY))).status, 200);
      const second = await enroll(PLAIN_ID, KEY.toString('hex'));
      assertOktaError(second, 400, 'E0000001');
      assert.equal(second.body.errorCauses[0].errorSummary, 'A factor of this type is already set up.');
    });

    it('the control API hands out the current code and the secret with its profile settings', async () => {
      const factorId = (await enroll(SHA512_ID, referenceBase32(KEY))).body.id;
      const secrets = sim.control.factorSecrets(userId, factorId);
      assert.deepEqual(secrets, {
        factorProfileId: SHA512_ID, sharedSecret: referenceBase32(KEY), encoding: 'base32',
        timeStep: 60, digits: 8, algorithm: 'HMacSHA512', acceptableAdjacentIntervals: 3,
      });
      const now = nowSeconds(60);
      const { code, source } = sim.currentCode(userId, factorId);
      assert.equal(source, 'custom-totp');
      assert.equal(code, referenceTotp(KEY, now, SHA512));
      assert.deepEqual((await call(sim, 'POST', `${factorsPath()}/${factorId}/verify`, { passCode: code })).body, { factorResult: 'SUCCESS' });
    });

    it('the seeded Custom TOTP factor verifies with the control code', async () => {
      const allId = await userIdOf(sim, 'all.factors@example.com');
      const factor = (await call(sim, 'GET', `/api/v1/users/${allId}/factors`)).body.find((f: { factorType: string }) => f.factorType === 'token:hotp');
      assert.equal(factor.factorProfileId, PLAIN_ID);
      nowSeconds(30);
      const { code } = sim.currentCode(allId, factor.id);
      assert.match(code, /^\d{6}$/);
      assert.deepEqual((await call(sim, 'POST', `/api/v1/users/${allId}/factors/${factor.id}/verify`, { passCode: code })).body, { factorResult: 'SUCCESS' });
    });
  });
}
