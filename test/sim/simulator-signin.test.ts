// The simulator's sign-in page (/sim/signin): the page itself, and its two calls driven as the page's
// script drives them (same-origin fetch), for a passkey and for a TOTP code.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { call } from './simHelpers';
import { activatePasskey, factorsPath, passkeyTestOrg } from './webauthnFlows';
import { TestAuthenticator } from './webauthnTestAuthenticator';

const org = passkeyTestOrg();
let login: string;

beforeEach(async () => {
  login = (await call(org.sim, 'GET', `/api/v1/users/${org.userId}`)).body.profile.login;
});

/** A call from the page: the browser adds the page's own Origin. */
const fromPage = (path: string, body: unknown, origin = org.sim.url) => call(org.sim, 'POST', path, body, { Origin: origin });

async function signInWithPasskey(authenticator: TestAuthenticator, credentialId = authenticator.credentialId.toString('base64url')) {
  const options = await fromPage('/sim/signin/challenge', { login });
  assert.equal(options.status, 200, options.text);
  const assertion = authenticator.assert({ challenge: options.body.challenge, origin: org.sim.url });
  return { options: options.body, assertion, reply: await fromPage('/sim/signin/verify', { login, credentialId, ...assertion }) };
}

describe('sign-in page', () => {
  it('serves an HTML page that asks for an assertion and offers a TOTP field', async () => {
    const page = await call(org.sim, 'GET', `/sim/signin?login=${encodeURIComponent(login)}`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /connect-src 'self'/);
    for (const part of ['navigator.credentials.get', 'allowCredentials', 'id="passCode"', 'id="passkey"', 'id="result"', '/sim/signin/verify']) {
      assert.ok(page.text.includes(part), part);
    }
  });

  it('a passkey signs in through the verify code: allowCredentials lists every active webauthn factor', async () => {
    const authenticator = new TestAuthenticator();
    const factor = await activatePasskey(org.sim, org.userId, authenticator);
    const other = await activatePasskey(org.sim, org.userId, new TestAuthenticator());
    const { options, assertion, reply } = await signInWithPasskey(authenticator);
    assert.deepEqual(options.credentialIds, [factor.profile.credentialId, other.profile.credentialId]);
    assert.equal(options.userVerification, 'preferred');
    assert.deepEqual(reply.body, { signedIn: true, login });
    assert.ok((await call(org.sim, 'GET', `${factorsPath(org.userId)}/${factor.id}`)).body.lastVerified);
    // The same assertion again: the challenge is used up, and the page shows why.
    const replay = await fromPage('/sim/signin/verify', { login, credentialId: factor.profile.credentialId, ...assertion });
    assert.equal(replay.status, 403);
    assert.equal(replay.body.signedIn, false);
    assert.match(replay.body.reason, /challenge/);
  });

  it('shows the reason for a refused assertion, an unknown credential, and a user without passkeys', async () => {
    const authenticator = new TestAuthenticator();
    await activatePasskey(org.sim, org.userId, authenticator);
    const unknown = await signInWithPasskey(new TestAuthenticator());
    assert.equal(unknown.reply.status, 403);
    assert.match(unknown.reply.body.reason, /not one of this user's active webauthn factors/);
    const forged = await signInWithPasskey(new TestAuthenticator(), authenticator.credentialId.toString('base64url'));
    assert.match(forged.reply.body.reason, /signature does not verify/);
    const owner = await fromPage('/sim/signin/challenge', { login: 'demo.admin@example.com' });
    assert.deepEqual(owner.body, { signedIn: false, reason: 'demo.admin@example.com has no active webauthn factor.' });
  });

  it('an unenrolled passkey no longer signs in', async () => {
    const authenticator = new TestAuthenticator();
    const factor = await activatePasskey(org.sim, org.userId, authenticator);
    await call(org.sim, 'DELETE', `${factorsPath(org.userId)}/${factor.id}`);
    assert.match((await fromPage('/sim/signin/challenge', { login })).body.reason, /no active webauthn factor/);
  });

  it('a TOTP code signs in through the TOTP verify; a wrong one shows Okta\'s refusal', async () => {
    const enrolled = await call(org.sim, 'POST', factorsPath(org.userId), { factorType: 'token:software:totp', provider: 'OKTA' });
    const activatePath = `${factorsPath(org.userId)}/${enrolled.body.id}/lifecycle/activate`;
    assert.equal((await call(org.sim, 'POST', activatePath, { passCode: org.sim.currentCode(org.userId, enrolled.body.id).code })).status, 200);
    org.sim.advanceClock(30);
    const code = org.sim.currentCode(org.userId, enrolled.body.id).code;
    const wrong = await fromPage('/sim/signin/verify', { login, passCode: code.replace(/\d$/, (d) => String((Number(d) + 1) % 10)) });
    assert.equal(wrong.status, 403);
    assert.match(wrong.body.reason, /Invalid Passcode/);
    assert.deepEqual((await fromPage('/sim/signin/verify', { login, passCode: code })).body, { signedIn: true, login });
    const noTotp = await fromPage('/sim/signin/verify', { login: 'demo.admin@example.com', passCode: code });
    assert.match(noTotp.body.reason, /no active TOTP factor/);
  });

  it('takes calls from its own origin only; other control paths still refuse any Origin', async () => {
    assert.equal((await fromPage('/sim/signin/challenge', { login }, 'http://evil.example')).status, 403);
    assert.equal((await fromPage('/sim/signin/challenge', { login }, org.sim.url.replace('127.0.0.1', 'localhost'))).status, 403);
    assert.equal((await fromPage('/sim/reset', {})).status, 403);
  });
});
