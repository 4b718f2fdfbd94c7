// Factor lifecycles per type against the simulator: enroll, activate, verify, resend, unenroll.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { generateSync } from 'otplib';
import { startSimulator, type RunningSimulator } from '../../sim';
import { assertOktaError, call, userIdOf } from './simHelpers';
import { TestAuthenticator } from './webauthnTestAuthenticator';

const totpCode = (secret: string, offsetSteps = 0): string =>
  generateSync({ secret, period: 30, digits: 6, epoch: Date.now() / 1000 + offsetSteps * 30 });


describe('simulator: factor lifecycles', () => {
  let sim: RunningSimulator;
  let userId: string;
  const factorsPath = () => `/api/v1/users/${userId}/factors`;

  before(async () => {
    sim = await startSimulator({ seed: 'demo', engine: 'classic' });
  });
  after(() => sim.close());
  beforeEach(async () => {
    sim.reset();
    userId = await userIdOf(sim, 'no.factors@example.com');
  });

  it('lists no factors for a fresh user', async () => {
    const reply = await call(sim, 'GET', factorsPath());
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, []);
  });

  it('sms: enroll sends a code to the outbox, activate with it, verify by challenge + code', async () => {
    const enrolled = await call(sim, 'POST', factorsPath(), { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1-555-415-1337' } });
    assert.equal(enrolled.status, 200);
    const factor = enrolled.body;
    assert.match(factor.id, /^mbl[A-Za-z0-9]{17}$/);
    assert.equal(factor.status, 'PENDING_ACTIVATION');
    assert.ok(Array.isArray(factor._links.resend));
    assert.equal(factor._links.resend[0].name, 'sms');
    assert.deepEqual(factor._links.self.hints.allow, ['GET']);
    const [message] = sim.outbox({ factorId: factor.id });
    assert.equal(message.channel, 'sms');
    assert.equal(message.to, '+1-555-415-1337');
    assert.match(message.code, /^\d{6}$/);

    const wrong = await call(sim, 'POST', `${factorsPath()}/${factor.id}/lifecycle/activate`, { passCode: '000000' === message.code ? '111111' : '000000' });
    assertOktaError(wrong, 403, 'E0000068');
    assert.equal(wrong.body.errorCauses[0].errorSummary, "Your passcode doesn't match our records. Please try again.");

    const activated = await call(sim, 'POST', `${factorsPath()}/${factor.id}/lifecycle/activate`, { passCode: message.code });
    assert.equal(activated.status, 200);
    assert.equal(activated.body.status, 'ACTIVE');
    assert.deepEqual(activated.body._links.self.hints.allow, ['GET', 'DELETE']);
    assert.ok(activated.body._links.verify);

    const tooSoon = await call(sim, 'POST', `${factorsPath()}/${factor.id}/verify`);
    assertOktaError(tooSoon, 429, 'E0000109');
    sim.advanceClock(30);
    const challenge = await call(sim, 'POST', `${factorsPath()}/${factor.id}/verify`);
    assert.equal(challenge.status, 200);
    assert.equal(challenge.body.factorResult, 'CHALLENGE');
    assert.equal(challenge.body.profile.phoneNumber, '+1-555-415-1337');
    const code = sim.currentCode(userId, factor.id).code;
    const verified = await call(sim, 'POST', `${factorsPath()}/${factor.id}/verify`, { passCode: code });
    assert.deepEqual(verified.body, { factorResult: 'SUCCESS' });
  });

  it('token:software:totp: activation object with QR link, real RFC 6238 codes, replay refused', async () => {
    const enrolled = await call(sim, 'POST', factorsPath(), { factorType: 'token:software:totp', provider: 'OKTA' });
    assert.equal(enrolled.status, 200);
    const { id, _embedded } = enrolled.body;
    assert.match(id, /^ostf[A-Za-z0-9]{16}$/);
    const activation = _embedded.activation;
    assert.match(activation.sharedSecret, /^[A-Z2-7]{32}$/);
    assert.equal(activation.encoding, 'base32');
    assert.equal(activation.timeStep, 30);
    assert.equal(activation.keyLength, 6);
    assert.equal(activation._links.qrcode.type, 'image/png');

    const qr = await fetch(activation._links.qrcode.href, { headers: { Authorization: `SSWS ${sim.token}` } });
    assert.equal(qr.status, 200);
    assert.equal(qr.headers.get('content-type'), 'image/png');
    assert.deepEqual([...new Uint8Array(await qr.arrayBuffer()).slice(1, 4)], [0x50, 0x4e, 0x47]);

    const badActivate = await call(sim, 'POST', `${factorsPath()}/${id}/lifecycle/activate`, { passCode: totpCode(activation.sharedSecret, 5) });
    assertOktaError(badActivate, 403, 'E0000068');
    const activated = await call(sim, 'POST', `${factorsPath()}/${id}/lifecycle/activate`, { passCode: totpCode(activation.sharedSecret, -1) });
    assert.equal(activated.body.status, 'ACTIVE');
    assert.equal(activated.body._embedded, undefined);

    const verified = await call(sim, 'POST', `${factorsPath()}/${id}/verify`, { passCode: totpCode(activation.sharedSecret, 1) });
    assert.deepEqual(verified.body, { factorResult: 'SUCCESS' });
    const replayed = await call(sim, 'POST', `${factorsPath()}/${id}/verify`, { passCode: totpCode(activation.sharedSecret, 1) });
    assertOktaError(replayed, 403, 'E0000082');
  });

  it('question: 19 questions in order, ACTIVE on enroll, min answer length, case-insensitive answer', async () => {
    const questions = await call(sim, 'GET', `${factorsPath()}/questions`);
    assert.equal(questions.body.length, 19);
    assert.equal(questions.body[0].question, 'disliked_food');
    assert.equal(questions.body[18].question, 'favorite_sports_player');
    const short = await call(sim, 'POST', factorsPath(), { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'abc' } });
    assertOktaError(short, 400, 'E0000001');
    const enrolled = await call(sim, 'POST', factorsPath(), { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'Mayonnaise' } });
    assert.equal(enrolled.body.status, 'ACTIVE');
    assert.deepEqual(enrolled.body.profile, { question: 'disliked_food', questionText: 'What is the food you least liked as a child?' });
    assert.deepEqual(Object.keys(enrolled.body._links), ['questions', 'self', 'user']);
    const ok = await call(sim, 'POST', `${factorsPath()}/${enrolled.body.id}/verify`, { answer: 'mayonnaise' });
    assert.deepEqual(ok.body, { factorResult: 'SUCCESS' });
    const wrong = await call(sim, 'POST', `${factorsPath()}/${enrolled.body.id}/verify`, { answer: 'ketchup' });
    assertOktaError(wrong, 403, 'E0000068');
    assert.equal(wrong.body.errorCauses[0].errorSummary, "Your answer doesn't match our records. Please try again.");
  });

  it('call: extension kept, one call factor only, activate=true skips the code', async () => {
    const enrolled = await call(sim, 'POST', `${factorsPath()}?activate=true`, { factorType: 'call', provider: 'OKTA', profile: { phoneNumber: '+1-555-000-1111', phoneExtension: '1234' } });
    assert.equal(enrolled.status, 200);
    assert.match(enrolled.body.id, /^clf/);
    assert.equal(enrolled.body.status, 'ACTIVE');
    assert.deepEqual(enrolled.body.profile, { phoneNumber: '+1-555-000-1111', phoneExtension: '1234' });
    assert.equal(sim.outbox({ factorId: enrolled.body.id }).length, 0, 'no code sent when auto-activated');
    const second = await call(sim, 'POST', factorsPath(), { factorType: 'call', provider: 'OKTA', profile: { phoneNumber: '+1-555-000-2222' } });
    assertOktaError(second, 400, 'E0000001');
    assert.equal(second.body.errorCauses[0].errorSummary, 'A factor of this type is already set up.');
    const badExtension = await call(sim, 'POST', `/api/v1/users/${await userIdOf(sim, 'staged.user@example.com')}/factors`, { factorType: 'call', provider: 'OKTA', profile: { phoneNumber: '+1-555-000-2222', phoneExtension: 'x1' } });
    assertOktaError(badExtension, 400, 'E0000121');
    const challenge = await call(sim, 'POST', `${factorsPath()}/${enrolled.body.id}/verify`);
    assert.equal(challenge.body.factorResult, 'CHALLENGE');
    assert.equal(sim.outbox({ factorId: enrolled.body.id })[0].channel, 'call');
    const again = await call(sim, 'POST', `${factorsPath()}/${enrolled.body.id}/verify`);
    assertOktaError(again, 429, 'E0000047');
  });

  it('sms: second sms refused, updatePhone replaces a pending number, bad numbers refused', async () => {
    const first = await call(sim, 'POST', factorsPath(), { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1-555-415-1337' } });
    const dup = await call(sim, 'POST', factorsPath(), { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1-555-415-9999' } });
    assertOktaError(dup, 400, 'E0000001');
    assert.equal(dup.body.errorCauses[0].errorSummary, 'There is an existing verified phone number.');
    sim.advanceClock(31);
    const updated = await call(sim, 'POST', `${factorsPath()}?updatePhone=true&templateId=cstm123`, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1-555-415-9999' } }, { 'Accept-Language': 'fr' });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.id, first.body.id);
    assert.equal(updated.body.profile.phoneNumber, '+1-555-415-9999');
    const latest = sim.outbox({ factorId: first.body.id }).pop()!;
    assert.equal(latest.to, '+1-555-415-9999');
    assert.equal(latest.templateId, 'cstm123');
    assert.equal(latest.locale, 'fr');
    const invalid = await call(sim, 'POST', `/api/v1/users/${await userIdOf(sim, 'staged.user@example.com')}/factors`, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: 'call me' } });
    assertOktaError(invalid, 400, 'E0000098');
  });

  it('sms resend: 30 s cooldown (E0000109), then a fresh code; resend array link works', async () => {
    const enrolled = await call(sim, 'POST', factorsPath(), { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1-555-415-1337' } });
    const resendHref: string = enrolled.body._links.resend[0].href;
    const body = { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1-555-415-1337' } };
    assertOktaError(await call(sim, 'POST', resendHref.slice(sim.url.length), body), 429, 'E0000109');
    sim.advanceClock(30);
    const resent = await call(sim, 'POST', resendHref.slice(sim.url.length), body);
    assert.equal(resent.status, 200);
    assert.equal(resent.body.status, 'PENDING_ACTIVATION');
    const codes = sim.outbox({ factorId: enrolled.body.id });
    assert.equal(codes.length, 2);
    assert.equal(codes[1].purpose, 'resend');
    const stale = await call(sim, 'POST', `${factorsPath()}/${enrolled.body.id}/lifecycle/activate`, { passCode: codes[0].code === codes[1].code ? '000000' : codes[0].code });
    assertOktaError(stale, 403, 'E0000068');
    const ok = await call(sim, 'POST', `${factorsPath()}/${enrolled.body.id}/lifecycle/activate`, { passCode: codes[1].code });
    assert.equal(ok.body.status, 'ACTIVE');
  });

  it('activation: 5 attempts per 5 minutes, then 429 E0000047 for activate and resend', async () => {
    const enrolled = await call(sim, 'POST', factorsPath(), { factorType: 'email', provider: 'OKTA', profile: { email: 'no.factors@example.com' } });
    const activate = `${factorsPath()}/${enrolled.body.id}/lifecycle/activate`;
    const code = sim.currentCode(userId, enrolled.body.id).code;
    const wrong = code === '999999' ? '888888' : '999999';
    for (let i = 0; i < 5; i++) assertOktaError(await call(sim, 'POST', activate, { passCode: wrong }), 403, 'E0000068');
    assertOktaError(await call(sim, 'POST', activate, { passCode: code }), 429, 'E0000047');
    sim.advanceClock(10);
    assertOktaError(await call(sim, 'POST', `${factorsPath()}/${enrolled.body.id}/resend`, { factorType: 'email', provider: 'OKTA' }), 429, 'E0000047');
    sim.advanceClock(300);
    assertOktaError(await call(sim, 'POST', activate, { passCode: code }), 403, 'E0000068');
    await call(sim, 'POST', `${factorsPath()}/${enrolled.body.id}/resend`, { factorType: 'email', provider: 'OKTA' });
    const ok = await call(sim, 'POST', activate, { passCode: sim.currentCode(userId, enrolled.body.id).code });
    assert.equal(ok.body.status, 'ACTIVE');
  });

  it('email: only own addresses, no timestamps, 5 s throttle (E0000118), tokenLifetimeSeconds honoured', async () => {
    const foreign = await call(sim, 'POST', factorsPath(), { factorType: 'email', provider: 'OKTA', profile: { email: 'someone@else.example' } });
    assertOktaError(foreign, 400, 'E0000001');
    const enrolled = await call(sim, 'POST', `${factorsPath()}?activate=true`, { factorType: 'email', provider: 'OKTA', profile: { email: 'no.factors@example.com' } });
    assert.equal(enrolled.body.status, 'ACTIVE');
    assert.match(enrolled.body.id, /^emf/);
    assert.equal(enrolled.body.created, undefined);
    const verify = `${factorsPath()}/${enrolled.body.id}/verify`;
    const challenge = await call(sim, 'POST', `${verify}?tokenLifetimeSeconds=60`);
    assert.equal(challenge.body.factorResult, 'CHALLENGE');
    assert.equal(challenge.body.profile, undefined);
    assertOktaError(await call(sim, 'POST', verify), 429, 'E0000118');
    const { code } = sim.currentCode(userId, enrolled.body.id);
    sim.advanceClock(61);
    assertOktaError(await call(sim, 'POST', verify, { passCode: code }), 403, 'E0000068');
    await call(sim, 'POST', verify);
    const fresh = sim.currentCode(userId, enrolled.body.id).code;
    assert.deepEqual((await call(sim, 'POST', verify, { passCode: fresh })).body, { factorResult: 'SUCCESS' });
    assertOktaError(await call(sim, 'POST', `${verify}?tokenLifetimeSeconds=0`), 400, 'E0000001');
  });

  it('RSA and Symantec tokens: verify.passCode required at enroll; documented accept/reject rule', async () => {
    const missing = await call(sim, 'POST', factorsPath(), { factorType: 'token', provider: 'RSA', profile: { credentialId: 'dade.murphy@example.com' } });
    assertOktaError(missing, 400, 'E0000001');
    const wrong = await call(sim, 'POST', factorsPath(), { factorType: 'token', provider: 'RSA', profile: { credentialId: 'dade' }, verify: { passCode: '000000' } });
    assertOktaError(wrong, 403, 'E0000068');
    const rsa = await call(sim, 'POST', factorsPath(), { factorType: 'token', provider: 'RSA', profile: { credentialId: 'dade.murphy@example.com' }, verify: { passCode: '5275875498' } });
    assert.equal(rsa.body.status, 'ACTIVE');
    assert.match(rsa.body.id, /^rsa/);
    const symantec = await call(sim, 'POST', factorsPath(), { factorType: 'token', provider: 'SYMANTEC', profile: { credentialId: 'VSMT14393584' }, verify: { passCode: '875498', nextPassCode: '678195' } });
    assert.equal(symantec.body.status, 'ACTIVE');
    assert.equal(symantec.body.vendorName, 'SYMANTEC');
    assert.deepEqual((await call(sim, 'POST', `${factorsPath()}/${rsa.body.id}/verify`, { passCode: '123456' })).body, { factorResult: 'SUCCESS' });
    assertOktaError(await call(sim, 'POST', `${factorsPath()}/${symantec.body.id}/verify`, { passCode: '000000' }), 403, 'E0000068');
    assertOktaError(await call(sim, 'POST', `${factorsPath()}/${symantec.body.id}/verify`, { passCode: '12a456' }), 403, 'E0000068');
  });

  it('YubiKey: 44-char modhex OTP at enroll, same key only, each OTP once', async () => {
    const bad = await call(sim, 'POST', factorsPath(), { factorType: 'token:hardware', provider: 'YUBICO', verify: { passCode: 'not-a-yubikey-otp' } });
    assertOktaError(bad, 403, 'E0000068');
    const otp = 'cccccceukngdfgkukfctkcvfidnetljjiknckkcjulji';
    const enrolled = await call(sim, 'POST', factorsPath(), { factorType: 'token:hardware', provider: 'YUBICO', verify: { passCode: otp } });
    assert.equal(enrolled.body.status, 'ACTIVE');
    assert.match(enrolled.body.id, /^ykf/);
    assert.match(enrolled.body.profile.credentialId, /^\d{12}$/);
    const verify = `${factorsPath()}/${enrolled.body.id}/verify`;
    assertOktaError(await call(sim, 'POST', verify, { passCode: otp }), 403, 'E0000082');
    const next = 'cccccceukngdhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh';
    assert.deepEqual((await call(sim, 'POST', verify, { passCode: next })).body, { factorResult: 'SUCCESS' });
    assertOktaError(await call(sim, 'POST', verify, { passCode: `ccccccdddddd${'h'.repeat(32)}` }), 403, 'E0000068');
    const { code } = sim.currentCode(userId, enrolled.body.id);
    assert.deepEqual((await call(sim, 'POST', verify, { passCode: code })).body, { factorResult: 'SUCCESS' });
  });

  it('Google Authenticator TOTP coexists with Okta Verify TOTP but not twice', async () => {
    const google = await call(sim, 'POST', factorsPath(), { factorType: 'token:software:totp', provider: 'GOOGLE' });
    assert.match(google.body.id, /^uft/);
    assert.equal(google.body.vendorName, 'GOOGLE');
    const okta = await call(sim, 'POST', factorsPath(), { factorType: 'token:software:totp', provider: 'OKTA' });
    assert.equal(okta.status, 200);
    assertOktaError(await call(sim, 'POST', factorsPath(), { factorType: 'token:software:totp', provider: 'GOOGLE' }), 400, 'E0000001');
  });

  it('unknown type or provider: "Factor not enabled." / "Invalid Provider."', async () => {
    const type = await call(sim, 'POST', factorsPath(), { factorType: 'signed_nonce', provider: 'OKTA' });
    assertOktaError(type, 400, 'E0000001');
    assert.equal(type.body.errorCauses[0].errorSummary, 'Factor not enabled.');
    const provider = await call(sim, 'POST', factorsPath(), { factorType: 'sms', provider: 'ACME' });
    assert.equal(provider.body.errorCauses[0].errorSummary, 'Invalid Provider.');
    assertOktaError(await call(sim, 'POST', '/api/v1/users/00unknownunknown0000/factors', { factorType: 'sms', provider: 'OKTA' }), 404, 'E0000007');
  });

  it('u2f and webauthn: PENDING_ACTIVATION with activation objects, activate, challenge, verify', async () => {
    const u2f = await call(sim, 'POST', factorsPath(), { factorType: 'u2f', provider: 'FIDO' });
    assert.equal(u2f.body.status, 'PENDING_ACTIVATION');
    assert.match(u2f.body.id, /^fuf/);
    assert.equal(u2f.body._embedded.activation.version, 'U2F_V2');
    assert.equal(u2f.body._embedded.activation.timeoutSeconds, 20);
    assert.ok(u2f.body._embedded.activation.nonce);
    const webauthn = await call(sim, 'POST', factorsPath(), { factorType: 'webauthn', provider: 'FIDO' });
    const options = webauthn.body._embedded.activation;
    assert.match(webauthn.body.id, /^fwf/);
    assert.equal(options.attestation, 'direct');
    assert.deepEqual(options.pubKeyCredParams.map((p: any) => p.alg), [-7, -257]);
    assert.equal(options.user.id, userId);
    assertOktaError(await call(sim, 'POST', `${factorsPath()}/${webauthn.body.id}/lifecycle/activate`, {}), 400, 'E0000001');
    assertOktaError(await call(sim, 'POST', `${factorsPath()}/${webauthn.body.id}/lifecycle/activate`, { attestation: 'o2NmbXRm', clientData: 'eyJjaGFs' }), 403, 'E0000068');
    const pending = await call(sim, 'GET', `${factorsPath()}/${webauthn.body.id}`);
    const authenticator = new TestAuthenticator();
    const activated = await call(sim, 'POST', `${factorsPath()}/${webauthn.body.id}/lifecycle/activate`,
      authenticator.attest({ challenge: pending.body._embedded.activation.challenge, origin: sim.url }));
    assert.equal(activated.body.status, 'ACTIVE');
    assert.ok(activated.body.profile.credentialId);
    const u2fActive = await call(sim, 'POST', `${factorsPath()}/${u2f.body.id}/lifecycle/activate`, { registrationData: 'BQTEMUyOM8h1', clientData: 'eyJ0eXAi' });
    assert.equal(u2fActive.body.profile.version, 'U2F_V2');
    const challenge = await call(sim, 'POST', `${factorsPath()}/${webauthn.body.id}/verify`);
    assert.equal(challenge.body.factorResult, 'CHALLENGE');
    assert.ok(challenge.body._embedded.challenge.challenge);
    const u2fChallenge = await call(sim, 'POST', `${factorsPath()}/${u2f.body.id}/verify`);
    assert.equal(u2fChallenge.body._embedded.challenge.timeoutSeconds, 20);
    assertOktaError(await call(sim, 'POST', `${factorsPath()}/${webauthn.body.id}/verify`, { clientData: 'YQ', authenticatorData: 'Yg==', signatureData: 'Yw==' }), 403, 'E0000068');
    const again = await call(sim, 'POST', `${factorsPath()}/${webauthn.body.id}/verify`);
    const verified = await call(sim, 'POST', `${factorsPath()}/${webauthn.body.id}/verify`,
      authenticator.assert({ challenge: again.body._embedded.challenge.challenge, origin: sim.url }));
    assert.equal(verified.body.factorResult, 'SUCCESS');
    assert.equal(verified.body.profile.credentialId, activated.body.profile.credentialId);
  });

  it('verify on a pending factor is refused; activating an active one is 400', async () => {
    const pending = await call(sim, 'POST', factorsPath(), { factorType: 'token:software:totp', provider: 'OKTA' });
    assertOktaError(await call(sim, 'POST', `${factorsPath()}/${pending.body.id}/verify`, { passCode: '123456' }), 410, 'E0000154');
    const question = await call(sim, 'POST', factorsPath(), { factorType: 'question', provider: 'OKTA', profile: { question: 'first_award', answer: 'spelling bee' } });
    assertOktaError(await call(sim, 'POST', `${factorsPath()}/${question.body.id}/lifecycle/activate`, {}), 400, 'E0000001');
  });

  it('catalog: one entry per enabled factor with enroll links; questions link; sms phones', async () => {
    const catalog = await call(sim, 'GET', `${factorsPath()}/catalog`);
    assert.equal(catalog.status, 200);
    const kinds = catalog.body.map((e: any) => `${e.factorType}/${e.provider}`);
    for (const kind of ['question/OKTA', 'sms/OKTA', 'call/OKTA', 'email/OKTA', 'push/OKTA', 'token:software:totp/OKTA', 'token:software:totp/GOOGLE', 'token/RSA', 'token/SYMANTEC', 'token:hardware/YUBICO', 'token:hotp/CUSTOM', 'u2f/FIDO', 'webauthn/FIDO']) {
      assert.ok(kinds.includes(kind), kind);
    }
    assert.ok(catalog.body.every((e: any) => e._links.enroll.href === `${sim.url}${factorsPath()}` && e._links.enroll.hints.allow[0] === 'POST'));
    assert.ok(catalog.body.find((e: any) => e.factorType === 'question')._links.questions);
    assert.equal(catalog.body.find((e: any) => e.factorType === 'sms')._embedded, undefined);
    const sms = await call(sim, 'POST', `${factorsPath()}?activate=true`, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1-555-222-3333' } });
    const after = await call(sim, 'GET', `${factorsPath()}/catalog`);
    const entry = after.body.find((e: any) => e.factorType === 'sms');
    assert.equal(entry.status, 'ACTIVE');
    assert.deepEqual(entry._embedded.phones, [{ id: sms.body.id, profile: { phoneNumber: '+1-555-222-3333' }, status: 'ACTIVE' }]);
  });

  it('removeRecoveryEnrollment drops the recovery phone; without it the phone stays in the catalog', async () => {
    const sms = await call(sim, 'POST', `${factorsPath()}?activate=true`, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1-555-222-3333' } });
    await call(sim, 'DELETE', `${factorsPath()}/${sms.body.id}`);
    const kept = (await call(sim, 'GET', `${factorsPath()}/catalog`)).body.find((e: any) => e.factorType === 'sms');
    assert.equal(kept._embedded.phones[0].profile.phoneNumber, '+1-555-222-3333');
    const again = await call(sim, 'POST', `${factorsPath()}?activate=true`, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1-555-222-3333' } });
    assert.equal((await call(sim, 'DELETE', `${factorsPath()}/${again.body.id}?removeRecoveryEnrollment=true`)).status, 204);
    const gone = (await call(sim, 'GET', `${factorsPath()}/catalog`)).body.find((e: any) => e.factorType === 'sms');
    assert.equal(gone._embedded, undefined);
  });

  it('reset_factors removes every factor', async () => {
    const id = await userIdOf(sim, 'all.factors@example.com');
    assert.ok((await call(sim, 'GET', `/api/v1/users/${id}/factors`)).body.length >= 13);
    assert.equal((await call(sim, 'POST', `/api/v1/users/${id}/lifecycle/reset_factors`)).status, 200);
    assert.deepEqual((await call(sim, 'GET', `/api/v1/users/${id}/factors`)).body, []);
  });

  it('unenroll answers 204, then GET is 404 E0000007 "(UserFactor)"', async () => {
    const enrolled = await call(sim, 'POST', factorsPath(), { factorType: 'email', provider: 'OKTA', profile: { email: 'no.factors@example.com' } });
    const path = `${factorsPath()}/${enrolled.body.id}`;
    const removed = await call(sim, 'DELETE', path);
    assert.equal(removed.status, 204);
    assert.equal(removed.text, '');
    const gone = await call(sim, 'GET', path);
    assertOktaError(gone, 404, 'E0000007');
    assert.equal(gone.body.errorSummary, `Not found: Resource not found: ${enrolled.body.id} (UserFactor)`);
  });
});
