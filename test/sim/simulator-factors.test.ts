// Factor lifecycles per type against the simulator: enroll, activate, verify, resend, unenroll.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { generateSync } from 'otplib';
import { startSimulator, type RunningSimulator } from '../../sim';
import { assertOktaError, call, userIdOf } from './simHelpers';

const totpCode = (secret: string, offsetSteps = 0): string =>
  generateSync({ secret, period: 30, digits: 6, epoch: Date.now() / 1000 + offsetSteps * 30 });


describe('simulator: factor lifecycles', () => {
  let sim: RunningSimulator;
  let userId: string;
  const factorsPath = () => `/api/v1/users/${userId}/factors`;

  before(async () => {
    sim = await startSimulator({ seed: 'demo' });
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
