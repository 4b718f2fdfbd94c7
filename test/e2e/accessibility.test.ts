// Accessibility, measured: axe-core audits each webview panel (Enroll, Verify, Factor Matrix, MFA Activity) in the
// light and the dark theme; a serious or critical violation fails the test. Screenshots of each
// panel in both themes go to test-output/e2e/a11y-<panel>-<theme>.png.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTIVITY_IDS } from '../../src/panels/activity/elementIds';
import { ENROLL_IDS } from '../../src/panels/enroll/elementIds';
import { MATRIX_IDS } from '../../src/panels/matrix/elementIds';
import { VERIFY_IDS } from '../../src/panels/verify/elementIds';
import { addOrgThroughPalette, openEnrollPanel, openMatrixPanel, openVerifyPanel, reopenMatrixPanel, showMfaActivityOf, showUserFactors } from './flows';
import { auditWebview, describeViolations } from './pages/axeAudit';
import type { WebviewFrame } from './pages/webviewFrame';
import type { Workbench } from './pages/workbench';
import { factorOf, verifyWithPasscode } from './simApi';
import { useSimulatorSuite } from './suiteSetup';

const ORG = 'Demo Sim';
const suite = useSimulatorSuite();

/**
 * Opens a panel in Light Modern and audits it, then audits it again in Dark Modern; `prepare` puts the
 * panel in the state to audit after each theme change. Asserts once both are in, so one run shows both.
 */
async function auditInBothThemes(workbench: Workbench, name: string, open: () => Promise<unknown>, prepare: (panel: WebviewFrame) => Promise<void>): Promise<void> {
  const found: string[] = [];
  await workbench.useColorTheme('light');
  await open();
  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') await workbench.useColorTheme('dark');
    const panel = await workbench.webview();
    await panel.locator(`body.vscode-${theme}`).waitFor({ state: 'attached' });
    await prepare(panel);
    const report = await auditWebview(panel);
    console.error(`[e2e] axe ${name} ${theme}: ${report.rulesChecked} rules checked, ${report.blocking.length} serious/critical of ${report.all.length} violations\n${describeViolations(report.all)}`);
    assert.ok(report.rulesChecked > 20, `axe checked the ${name} panel's document (${report.rulesChecked} rules)`);
    await workbench.screenshotWebview(`a11y-${name}-${theme}`);
    if (report.blocking.length > 0) found.push(`${theme}:\n${describeViolations(report.blocking)}`);
  }
  assert.deepEqual(found, [], `axe found serious or critical violations in the ${name} panel`);
}

test('the Enroll panel has no serious or critical axe violations, light and dark', async () => {
  const workbench = await suite.harness.openWorkbench();
  await auditInBothThemes(workbench, 'enroll', () => openEnrollPanel(workbench, suite.sim, ORG, 'Nolan Nofactors'), async (panel) => {
    // SMS shows the most of the form: phone, extension and the options fieldset.
    await panel.selectOptionStartingWith(`#${ENROLL_IDS.factorSelect}`, 'SMS');
    await panel.locator(`#${ENROLL_IDS.phone}`).waitFor({ state: 'visible' });
  });
});

test('the Verify panel has no serious or critical axe violations, light and dark', async () => {
  const workbench = await suite.harness.openWorkbench();
  const open = async () => (await openVerifyPanel(workbench, suite.sim, ORG, 'Alex Allfactors', 'SMS')).locator(`#${VERIFY_IDS.sendCode}`).click();
  await auditInBothThemes(workbench, 'verify', open, async (panel) => {
    await panel.locator(`#${VERIFY_IDS.code}`).waitFor({ state: 'visible' });
  });
});

test('the Factor Matrix panel has no serious or critical axe violations, light and dark', async () => {
  const workbench = await suite.harness.openWorkbench();
  await auditInBothThemes(workbench, 'matrix', () => openMatrixPanel(workbench, suite.sim, ORG), async (panel) => {
    // The cell menu open too, so its markup is audited with the grid's.
    await panel.locator(`#${MATRIX_IDS.gridBody} td.cell.tone-active`).first().click();
    await panel.locator(`#${MATRIX_IDS.cellMenu}`).waitFor({ state: 'visible' });
  });
});

test('the Factor Matrix showing a saved matrix (its age marker) has no serious or critical axe violations, light and dark', async () => {
  const workbench = await suite.harness.openWorkbench();
  const open = async () => {
    await openMatrixPanel(workbench, suite.sim, ORG);
    // The System Log slowed (the quick refresh's one read, well past both audits), so the saved rows
    // and their marker stay on screen through both audits; the panel's close ends the wait.
    suite.sim.control.addFault({ path: '/api/v1/logs', method: 'GET', kind: 'latency', latencyMs: 120_000 });
    await reopenMatrixPanel(workbench, ORG);
  };
  await auditInBothThemes(workbench, 'matrix-saved', open, async (panel) => {
    await panel.locator(`#${MATRIX_IDS.savedMark}[data-cache="saved"]`).waitFor({ state: 'visible' });
  });
});

test('the MFA Activity panel has no serious or critical axe violations, light and dark', async () => {
  // A failed and a successful verification (the simulator refuses an all-zero RSA code), so both tones are listed.
  const { user, factor } = await factorOf(suite.sim, 'all.factors@example.com', 'token', 'RSA');
  assert.equal(await verifyWithPasscode(suite.sim, user.id, factor.id, '000000'), 403);
  assert.equal(await verifyWithPasscode(suite.sim, user.id, factor.id, '123456'), 200);
  const workbench = await suite.harness.openWorkbench();
  const open = async () => {
    await addOrgThroughPalette(workbench, suite.sim, ORG);
    await showUserFactors(workbench, ORG, 'Alex Allfactors');
    await showMfaActivityOf(workbench, 'Alex Allfactors');
  };
  await auditInBothThemes(workbench, 'activity', open, async (panel) => {
    await panel.locator(`#${ACTIVITY_IDS.list} > li[data-tone="failure"]`).first().waitFor({ state: 'visible' });
  });
});
