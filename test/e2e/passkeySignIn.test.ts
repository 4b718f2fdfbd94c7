// A test user's passkey or TOTP code, made by the extension's built-in authenticator, signs the user
// in on a web page in a real browser: the hand-off a QA engineer's Playwright test relies on. Only the
// simulator and headless Chromium (no code-server). The org is addressed as http://localhost:PORT,
// since WebAuthn refuses IP addresses as RP IDs.
import { after, afterEach, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { startSimulator, type RunningSimulator } from '../../sim';
import type { FactorRef } from '../../src/authenticator/factorSecrets';
import { PasskeyAuthenticator } from '../../src/authenticator/passkey/passkeyAuthenticator';
import { TotpAuthenticator } from '../../src/authenticator/totpAuthenticator';
import { OktaClient } from '../../src/okta/client';
import type { TotpActivation, WebAuthnActivation } from '../../src/okta/models';
import { InMemorySecretStore } from '../../src/orgs/secretStore';
import { failedTestName } from './harness';
import { SimSignInPage } from './pages/simSignInPage';

const ORG_ID = 'sim';
const PASSKEY_USER = 'no.factors@example.com';

let sim: RunningSimulator;
let orgUrl: string;
let client: OktaClient;
let browser: Browser;
let context: BrowserContext | undefined;
const passkeys = new PasskeyAuthenticator(new InMemorySecretStore());
const totp = new TotpAuthenticator(new InMemorySecretStore());

before(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo' });
  orgUrl = `http://localhost:${new URL(sim.url).port}`;
  client = new OktaClient({ orgUrl, token: sim.token });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
});
afterEach(async (t) => {
  const page = context?.pages()[0];
  const failed = failedTestName(t);
  if (page && failed) await new SimSignInPage(page, orgUrl).screenshot(`FAILED-${failed.replace(/\W+/g, '-')}`).catch(() => undefined);
  await context?.close();
  context = undefined;
});
after(async () => {
  await browser?.close();
  await sim?.close();
});

/** Enrolls a webauthn factor, lets the built-in authenticator answer it, activates it. */
async function enrollPasskey(login: string): Promise<FactorRef> {
  const user = await client.getUser(login);
  const factor = await client.enrollFactor(user.id, { factorType: 'webauthn', provider: 'FIDO' });
  const ref = { orgId: ORG_ID, userId: user.id, factorId: factor.id };
  const body = await passkeys.createCredential(ref, factor._embedded?.activation as WebAuthnActivation, { orgUrl });
  const activated = await client.activateFactor(user.id, factor.id, body);
  assert.equal((activated as { status?: string }).status, 'ACTIVE');
  return ref;
}

async function newSignInPage(): Promise<SimSignInPage> {
  context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  return new SimSignInPage(await context.newPage(), orgUrl);
}

test('a passkey handed to Chromium over CDP (WebAuthn.addCredential) signs the user in', async () => {
  const ref = await enrollPasskey(PASSKEY_USER);
  const signIn = await newSignInPage();
  const cdp = await signIn.page.context().newCDPSession(signIn.page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  await cdp.send('WebAuthn.addCredential', { authenticatorId, credential: await passkeys.devtoolsCredential(ref) });

  await signIn.open(PASSKEY_USER);
  assert.equal(await signIn.signInWithPasskey(), `Signed in as ${PASSKEY_USER}`);
  // Chromium's authenticator signed with the handed-over key: its counter moved.
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert.equal(credentials[0]?.signCount, 1);
  await signIn.screenshot('passkey-signin-devtools');
});

test('a passkey handed to Playwright (context.credentials.create) signs the user in', async () => {
  const ref = await enrollPasskey(PASSKEY_USER);
  const signIn = await newSignInPage();
  const { rpId, ...rest } = await passkeys.playwrightCredential(ref);
  await signIn.page.context().credentials.create(rpId, rest);
  await signIn.page.context().credentials.install();

  await signIn.open(PASSKEY_USER);
  assert.equal(await signIn.signInWithPasskey(), `Signed in as ${PASSKEY_USER}`);
  await signIn.screenshot('passkey-signin-playwright');
});

test('a code from the built-in authenticator signs a Google Authenticator user in', async () => {
  const login = 'no.factors@example.com';
  const user = await client.getUser(login);
  const factor = await client.enrollFactor(user.id, { factorType: 'token:software:totp', provider: 'GOOGLE' });
  await totp.remember(ORG_ID, user.id, factor.id, factor._embedded?.activation as TotpActivation, { label: login, issuer: 'Okta simulator' });
  const activation = await totp.currentCode(ORG_ID, user.id, factor.id);
  await client.activateFactor(user.id, factor.id, { passCode: activation.code });

  // Activation used this time step's code; a reused step is a replay, so sign in with the next one.
  const fresh = await totp.currentCode(ORG_ID, user.id, factor.id, Date.now() + activation.timeStep * 1000);
  const signIn = await newSignInPage();
  await signIn.open(login);
  assert.equal(await signIn.signInWithCode(fresh.code), `Signed in as ${login}`);
  await signIn.screenshot('totp-signin');
});

test('the page says why it refuses: the right credential id with another key, an unknown user', async () => {
  const ref = await enrollPasskey(PASSKEY_USER);
  const signIn = await newSignInPage();
  const { rpId, ...rest } = await passkeys.playwrightCredential(ref);
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  await signIn.page.context().credentials.create(rpId, {
    ...rest,
    privateKey: other.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64url'),
    publicKey: other.publicKey.export({ format: 'der', type: 'spki' }).toString('base64url'),
  });
  await signIn.page.context().credentials.install();

  await signIn.open(PASSKEY_USER);
  assert.match(await signIn.signInWithPasskey(), /^Sign-in failed: .*signature does not verify/);
  await signIn.open('nobody@example.com');
  assert.match(await signIn.signInWithCode('123456'), /^Sign-in failed: Not found: Resource not found: nobody@example\.com \(User\)/);
});
