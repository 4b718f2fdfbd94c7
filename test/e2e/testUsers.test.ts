// Test users as code through the UI, as a QA engineer does it: a fixtures file in the workspace,
// opened; its CodeLens "Plan against an org…" shows the plan beside it (screenshots in the light and
// the dark theme); "Apply…" on the plan's message, the modal, a password typed into the password
// box; "Export for a test run…" to JSON through the Save dialog; then, in a browser of its own, the
// TOTP user signs in on the simulator's sign-in page with a code computed by otplib from the export,
// and the passkey user with the exported Playwright credential. The org is added as
// http://localhost:PORT: WebAuthn refuses IP addresses as relying party ids.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGuardrails, generate, type HashAlgorithm } from 'otplib';
import { addOrgThroughPalette } from './flows';
import { SimSignInPage } from './pages/simSignInPage';
import { findUser, listFactors } from './simApi';
import { useSimulatorSuite } from './suiteSetup';

const ORG = 'Fixtures Sim';
const TOTP_USER = 'totp.tester@example.com';
const PASSKEY_USER = 'passkey.tester@example.com';
const FILE = `version: 1
users:
  - login: ${TOTP_USER}
    firstName: Tina
    lastName: Totp
    password: { ask: true }
    factors:
      - type: google-totp
  - login: ${PASSKEY_USER}
    firstName: Paul
    lastName: Passkey
    factors:
      - type: passkey
`;

interface Export {
  orgUrl: string;
  users: Array<{ login: string }>;
  factors: Array<{ login: string; secret: string; digits: number; period: number; algorithm: string }>;
  passkeys: Array<{ login: string; playwright: { rpId: string; id: string; userHandle: string; privateKey: string; publicKey: string; signCount: number } }>;
}

const suite = useSimulatorSuite();

test('open a fixtures file, plan from its CodeLens, apply, export, and sign in with the exported TOTP secret and passkey', async () => {
  writeFileSync(join(suite.harness.server.folder, 'okta-test-users.yaml'), FILE);
  const workbench = await suite.harness.openWorkbench();
  const { page, quickInput, notifications, dialog } = workbench;
  await workbench.useColorTheme('light');
  const orgUrl = `http://localhost:${new URL(suite.sim.url).port}`;
  await addOrgThroughPalette(workbench, suite.sim, ORG, orgUrl);

  await workbench.runCommand('Go to File...');
  await quickInput.pick(/okta-test-users\.yaml/, 'okta-test-users.yaml');
  // The file's own tab (the plan's tab names the file too).
  const fileTab = workbench.editorTab(/^\s*okta-test-users\.yaml/);
  await fileTab.waitFor({ state: 'visible' });
  const lens = (title: string) => page.locator('.codelens-decoration a').filter({ hasText: title }).first();
  await lens('Apply…').waitFor({ state: 'visible', timeout: 30_000 });
  await lens('Export for a test run…').waitFor({ state: 'visible' });

  await lens('Plan against an org…').click();
  await workbench.editorTab(`Plan: okta-test-users.yaml → ${ORG}`).waitFor({ state: 'visible', timeout: 60_000 });
  const plan = await workbench.editorText(/create\s+user\s+totp\.tester/);
  for (const line of [`+ create user ${TOTP_USER} (ACTIVE, password asked when applied)`, '+ enroll Google Authenticator',
    `+ create user ${PASSKEY_USER} (PROVISIONED)`, '+ enroll Passkey', '2 users to create, 2 factors to enroll']) {
    assert.ok(plan.replace(/\u00a0/g, ' ').includes(line), `the plan shows "${line}":\n${plan}`);
  }
  await notifications.waitFor(`4 changes to apply to ${ORG}.`);
  await workbench.screenshot('test-users-plan-light');

  await notifications.clickButton(`4 changes to apply to ${ORG}.`, 'Apply…');
  await dialog.waitFor(`Apply 4 changes to ${ORG}?`);
  await dialog.click('Apply');
  await quickInput.waitForPrompt(`The password of ${TOTP_USER}`);
  assert.ok(await quickInput.isPassword(), 'the password is asked in a password box');
  await quickInput.submit('Corr3ct-Horse-B4ttery!');
  await notifications.waitFor('Apply Test Users: 2 users done.');
  const totpUser = await findUser(suite.sim, TOTP_USER);
  assert.deepEqual((await listFactors(suite.sim, totpUser.id)).filter((f) => f.factorType !== 'email').map((f) => `${f.factorType}/${f.status}`), ['token:software:totp/ACTIVE']);

  await workbench.useColorTheme('dark');
  await workbench.editorTab(`Plan: okta-test-users.yaml → ${ORG}`).click();
  await workbench.screenshot('test-users-plan-dark');

  await fileTab.click();
  await lens('Export for a test run…').click();
  await dialog.waitFor('Export the secrets of 2 factors (2 users) to a file?');
  await dialog.click('Choose File…');
  const exportPath = join(mkdtempSync(join(tmpdir(), 'okta-e2e-export-')), 'test-users.json');
  await quickInput.submitPath(exportPath);
  await notifications.waitFor(/Exported 1 TOTP secret and 1 passkey to /);
  assert.equal(statSync(exportPath).mode & 0o777, 0o600, 'readable by its owner only');
  const exported = JSON.parse(readFileSync(exportPath, 'utf8')) as Export;
  assert.deepEqual(exported.users.map((u) => u.login), [TOTP_USER, PASSKEY_USER]);

  // The test run's side, in a browser of its own: what the README's example does.
  const totp = exported.factors.find((f) => f.login === TOTP_USER);
  assert.ok(totp, 'the TOTP user\'s secret is exported');
  // Okta's TOTP secrets are 10 bytes: below otplib's default minimum for secrets it makes itself.
  // The next time step: the apply activated the factor with this step's code, and a code is used once.
  const code = await generate({
    secret: totp.secret, digits: totp.digits, period: totp.period, algorithm: totp.algorithm.toLowerCase() as HashAlgorithm,
    epoch: Math.floor(Date.now() / 1000) + totp.period, guardrails: createGuardrails({ MIN_SECRET_BYTES: 1 }),
  });
  const browserTest = await suite.harness.openBrowserContext();
  const totpSignIn = new SimSignInPage(await browserTest.newPage(), exported.orgUrl);
  await totpSignIn.open(TOTP_USER);
  assert.equal(await totpSignIn.signInWithCode(code), `Signed in as ${TOTP_USER}`);
  await totpSignIn.screenshot('test-users-totp-signed-in');

  const passkey = exported.passkeys.find((p) => p.login === PASSKEY_USER);
  assert.ok(passkey, 'the passkey user\'s credential is exported');
  const { rpId, ...credential } = passkey.playwright;
  const passkeyTest = await suite.harness.openBrowserContext();
  await passkeyTest.credentials.create(rpId, credential);
  await passkeyTest.credentials.install();
  const passkeySignIn = new SimSignInPage(await passkeyTest.newPage(), exported.orgUrl);
  await passkeySignIn.open(PASSKEY_USER);
  assert.equal(await passkeySignIn.signInWithPasskey(), `Signed in as ${PASSKEY_USER}`);
});
