// The Factor Matrix through the UI: open it from the org's right-click menu on the demo org, wait for
// every user, filter it ("has SMS" and a pending factor), export CSV through the Save dialog and
// check the file against the org; screenshots in the light and the dark theme. Opened again, the
// matrix saved by the load shows at once, marked with its age, until every user is read again.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { MATRIX_IDS } from '../../src/panels/matrix/elementIds';
import { openMatrixPanel, reopenMatrixPanel } from './flows';
import { findUser, listFactors, unenrollThroughApi } from './simApi';
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

test('opened again, the saved matrix shows at once, marked with its age, then "Up to date." from the System Log; a change made elsewhere is the one row Refresh reads', async () => {
  const workbench = await suite.harness.openWorkbench();
  const first = await openMatrixPanel(workbench, suite.sim, ORG);
  const total = Number(await first.locator(`#${MATRIX_IDS.grid}`).getAttribute('data-rows'));
  const upToDate = `#${MATRIX_IDS.savedMark}[data-cache="current"]`;
  assert.equal(await first.locator(upToDate).innerText(), 'Up to date.');

  // The System Log slowed, so the saved rows stay on screen long enough to look at.
  suite.sim.control.addFault({ path: '/api/v1/logs', method: 'GET', kind: 'latency', latencyMs: 2000 });
  const panel = await reopenMatrixPanel(workbench, ORG);
  const saved = panel.locator(`#${MATRIX_IDS.savedMark}[data-cache="saved"]`);
  await saved.waitFor({ state: 'visible' });
  assert.match(await saved.innerText(), /^Saved [\w ]+ — refreshing… \d+ rows? not read again yet\.$/);
  await waitUntil('every saved row drawn', async () => Number(await panel.locator(`#${MATRIX_IDS.grid}`).getAttribute('data-rows')) === total);
  await workbench.screenshotWebview('matrix-saved');

  suite.sim.control.clearFaults();
  const done = panel.locator(`#${MATRIX_IDS.progress}[data-phase="done"]`);
  await done.waitFor({ state: 'attached', timeout: 60_000 });
  assert.equal(await panel.locator(upToDate).innerText(), 'Up to date.');
  assert.match(await done.innerText(), /^Brought up to date from the System Log: no user changed since the last look\./);
  assert.equal(Number(await panel.locator(`#${MATRIX_IDS.grid}`).getAttribute('data-rows')), total);

  // A factor unenrolled elsewhere (the API, as another tool would): Refresh reads that user only.
  const login = 'all.factors@example.com';
  const user = await findUser(suite.sim, login);
  const sms = (await listFactors(suite.sim, user.id)).find((f) => f.factorType === 'sms' && f.status === 'ACTIVE');
  assert.ok(sms, `${login} has an active SMS factor`);
  assert.equal(await unenrollThroughApi(suite.sim, user.id, sms.id), 204);
  suite.sim.control.resetRequestCounts();
  await panel.locator(`#${MATRIX_IDS.reload}`).click();
  await waitUntil('the refresh done', async () => /: 1 user changed since the last look\./.test(await panel.locator(`#${MATRIX_IDS.progress}`).innerText()));
  const counts = suite.sim.control.requestCounts().counts;
  const factorReads = Object.entries(counts).filter(([key]) => /^GET \/api\/v1\/users\/[^/]+\/factors$/.test(key));
  assert.deepEqual(factorReads, [[`GET /api/v1/users/${user.id}/factors`, 1]], 'one user read, the one changed');
  await panel.locator(`#${MATRIX_IDS.filterText}`).fill(login);
  await waitUntil('the user alone', async () => Number(await panel.locator(`#${MATRIX_IDS.grid}`).getAttribute('data-rows')) === 1);
  const smsCell = panel.locator(`#${MATRIX_IDS.gridBody} td.cell[title^="SMS:"]`);
  assert.match(await smsCell.getAttribute('title') ?? '', /^SMS: not set up$/);
  await workbench.screenshotWebview('matrix-refreshed-light');
  await workbench.useColorTheme('dark');
  await workbench.screenshotWebview('matrix-refreshed-dark');
  await workbench.useColorTheme('light');
});
