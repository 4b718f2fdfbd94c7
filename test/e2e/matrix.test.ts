// The Factor Matrix through the UI: open it from the org's right-click menu on the demo org, wait for
// every user, filter it ("has SMS" and a pending factor), export CSV through the Save dialog and
// check the file against the org; screenshots in the light and the dark theme.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { MATRIX_IDS } from '../../src/panels/matrix/elementIds';
import { openMatrixPanel } from './flows';
import { findUser, listFactors } from './simApi';
import { useSimulatorSuite } from './suiteSetup';
import { waitUntil } from '../support/waitUntil';

const ORG = 'Demo Sim';
const suite = useSimulatorSuite();

test('open the factor matrix, filter it, export CSV and check the file; light and dark screenshots', async () => {
  const workbench = await suite.harness.openWorkbench();
  const panel = await openMatrixPanel(workbench, suite.sim, ORG);
  const total = Number(await panel.locator(`#${MATRIX_IDS.grid}`).getAttribute('data-rows'));
  assert.ok(total > 20, `the demo org's users are in the matrix (${total})`);
  const maxRenderMs = Number(await panel.locator(`#${MATRIX_IDS.grid}`).getAttribute('data-max-render-ms'));
  console.error(`[e2e] matrix of ${total} users: slowest frame ${maxRenderMs} ms`);
  await workbench.screenshotWebview('matrix-light');

  // Keyboard: into the grid, right to the first factor column, Space selects the cell.
  await panel.locator(`#${MATRIX_IDS.gridBody} td[data-row="0"][data-col="0"]`).click();
  await panel.frame.page().keyboard.press('ArrowRight');
  await panel.frame.page().keyboard.press(' ');
  await panel.waitForText(/^Selected: \d+ factors? of 1 user\.$/);

  await panel.selectOptionStartingWith(`#${MATRIX_IDS.filterHas}`, 'SMS');
  await waitUntil('the SMS filter', async () => Number(await panel.locator(`#${MATRIX_IDS.grid}`).getAttribute('data-rows')) < total);
  const withSms = Number(await panel.locator(`#${MATRIX_IDS.grid}`).getAttribute('data-rows'));
  assert.ok(withSms > 0);
  await panel.waitForText(`Showing ${withSms} of ${total} users.`);

  await panel.locator(`#${MATRIX_IDS.exportCsv}`).click();
  const { quickInput } = workbench;
  const path = join(suite.harness.server.folder, 'factor-matrix-Demo-Sim.csv');
  await quickInput.submitPath(path);
  await workbench.notifications.waitFor(`Exported ${withSms} users`);
  const lines = readFileSync(path, 'utf8').trimEnd().split('\r\n');
  const header = lines[0].split(',');
  const smsColumn = header.indexOf('SMS');
  assert.ok(smsColumn > 2, `an SMS column in ${lines[0]}`);
  assert.equal(lines.length - 1, withSms);
  for (const line of lines.slice(1)) {
    const login = line.split(',')[0];
    const factors = await listFactors(suite.sim, (await findUser(suite.sim, login)).id);
    const sms = factors.find((f) => f.factorType === 'sms');
    assert.ok(sms, `${login} has SMS`);
    assert.equal(line.split(',')[smsColumn], sms.status, `${login}'s SMS status`);
  }

  await workbench.useColorTheme('dark');
  await panel.locator(`#${MATRIX_IDS.filterHas}`).selectOption('');
  await waitUntil('every user again', async () => Number(await panel.locator(`#${MATRIX_IDS.grid}`).getAttribute('data-rows')) === total);
  await panel.locator(`#${MATRIX_IDS.gridBody} td.cell.tone-active`).first().click();
  await panel.locator(`#${MATRIX_IDS.cellMenu}`).waitFor({ state: 'visible' });
  await workbench.screenshotWebview('matrix-dark');
});
