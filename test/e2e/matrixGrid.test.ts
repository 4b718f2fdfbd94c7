// The Factor Matrix grid at a usual editor width: compact columns with the horizontal scrollbar on
// screen (light and dark screenshots), and its keyboard focus, which must stay on a cell and in view
// as End, ArrowDown and PageDown take it past what is on screen.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { MATRIX_IDS } from '../../src/panels/matrix/elementIds';
import { openMatrixPanel } from './flows';
import type { WebviewFrame } from './pages/webviewFrame';
import { useSimulatorSuite } from './suiteSetup';
import { waitUntil } from '../support/waitUntil';

const ORG = 'Demo Sim';
const suite = useSimulatorSuite();

interface CellPlace { row: number; col: number }

/** Where the keyboard focus is in the grid, or undefined when it left the grid. */
function focusedCell(panel: WebviewFrame): Promise<CellPlace | undefined> {
  return panel.frame.evaluate((bodyId) => {
    const cell = document.activeElement as HTMLElement | null;
    if (!cell?.matches(`#${bodyId} td[data-row]`)) return undefined;
    return { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
  }, MATRIX_IDS.gridBody);
}

/** Waits until the focus is on `expected`, then checks that the cell shows whole, clear of the sticky header and user column. */
async function expectFocusInView(panel: WebviewFrame, expected: CellPlace): Promise<void> {
  await waitUntil(`the focus on cell ${JSON.stringify(expected)}`, async () => {
    const at = await focusedCell(panel);
    return at?.row === expected.row && at.col === expected.col;
  }).catch(async (err) => {
    throw new Error(`${String(err)}; the focus is on ${JSON.stringify(await focusedCell(panel)) ?? 'nothing in the grid'}`);
  });
  const clear = await panel.frame.evaluate(({ scrollerId, headId }) => {
    const cell = document.activeElement as HTMLElement;
    const scroller = document.getElementById(scrollerId) as HTMLElement;
    const view = scroller.getBoundingClientRect();
    const box = cell.getBoundingClientRect();
    const head = (document.getElementById(headId) as HTMLElement).getBoundingClientRect();
    const userColumn = (scroller.querySelector('td.user') as HTMLElement).getBoundingClientRect();
    const left = cell.matches('td.user') ? view.left : userColumn.right;
    return box.left >= left - 0.5 && box.right <= view.left + scroller.clientLeft + scroller.clientWidth + 0.5
      && box.top >= head.bottom - 0.5 && box.bottom <= view.top + scroller.clientTop + scroller.clientHeight + 0.5;
  }, { scrollerId: MATRIX_IDS.gridScroller, headId: MATRIX_IDS.gridHead });
  assert.ok(clear, `cell ${JSON.stringify(expected)} is scrolled into view`);
}

async function focusFirstUserCell(panel: WebviewFrame): Promise<void> {
  await panel.locator(`#${MATRIX_IDS.gridBody} td[data-row="0"][data-col="0"] span`).first().click();
  await expectFocusInView(panel, { row: 0, col: 0 });
}

/** Factor columns: how many there are, how many show whole beside the user column, and what each header says it is. */
function columnsInView(panel: WebviewFrame) {
  return panel.frame.evaluate(({ scrollerId, headId }) => {
    const scroller = document.getElementById(scrollerId) as HTMLElement;
    const view = scroller.getBoundingClientRect();
    const [user, ...factors] = Array.from(document.querySelectorAll<HTMLElement>(`#${headId} th`));
    const left = user.getBoundingClientRect().right;
    const whole = factors.filter((th) => {
      const box = th.getBoundingClientRect();
      return box.left >= left - 0.5 && box.right <= view.left + scroller.clientLeft + scroller.clientWidth + 0.5;
    });
    return {
      total: factors.length,
      whole: whole.length,
      lastWhole: whole.includes(factors[factors.length - 1]),
      names: factors.map((th) => th.querySelector('button')?.getAttribute('aria-label') ?? ''),
      userColumnWidth: user.getBoundingClientRect().width,
      scrollerWidth: scroller.clientWidth,
      // Headless Chromium hides scrollbars, so: the grid scrolls sideways, and its bottom edge (where the bar is) is inside the window.
      scrollbarOnScreen: scroller.scrollWidth > scroller.clientWidth && getComputedStyle(scroller).overflowX === 'auto' && view.bottom <= window.innerHeight,
    };
  }, { scrollerId: MATRIX_IDS.gridScroller, headId: MATRIX_IDS.gridHead });
}

test('many factor columns show at once beside a narrow user column, each named in full, with the scrollbar on screen; light and dark', async () => {
  const workbench = await suite.harness.openWorkbench();
  await workbench.useColorTheme('light');
  const panel = await openMatrixPanel(workbench, suite.sim, ORG);
  const atStart = await columnsInView(panel);
  console.error(`[e2e] matrix columns: ${atStart.whole} of ${atStart.total} whole; user column ${atStart.userColumnWidth} of ${atStart.scrollerWidth} px`);
  await workbench.screenshotWebview('matrix-columns-light');
  assert.ok(atStart.total >= 10, `the demo org has a typical spread of factor types (${atStart.total})`);
  assert.ok(atStart.whole >= 5, `at least 5 factor columns show whole (${atStart.whole} of ${atStart.total})`);
  assert.ok(atStart.userColumnWidth <= atStart.scrollerWidth / 3, `the user column leaves room (${atStart.userColumnWidth} of ${atStart.scrollerWidth} px)`);
  assert.ok(atStart.scrollbarOnScreen, 'the horizontal scrollbar is on screen');
  for (const name of atStart.names) assert.ok(name.length > 0, 'each compact header carries its full name');
  assert.ok(atStart.names.some((name) => /\(.+\)/.test(name)), `long names are kept whole: ${atStart.names.join(' | ')}`);

  await panel.locator(`#${MATRIX_IDS.gridScroller}`).evaluate((scroller) => { scroller.scrollLeft = scroller.scrollWidth; });
  assert.ok((await columnsInView(panel)).lastWhole, 'scrolled right, the last column shows whole beside the user column');
  await workbench.useColorTheme('dark');
  await (await workbench.webview()).locator('body.vscode-dark').waitFor({ state: 'attached' });
  await workbench.screenshotWebview('matrix-columns-dark');
});

test('End moves the focus to the last column and scrolls it into view; Home brings it back', async () => {
  const workbench = await suite.harness.openWorkbench();
  const panel = await openMatrixPanel(workbench, suite.sim, ORG);
  const { total } = await columnsInView(panel);
  await focusFirstUserCell(panel);
  await panel.frame.page().keyboard.press('End');
  await expectFocusInView(panel, { row: 0, col: total });
  await workbench.screenshotWebview('matrix-keyboard-end');
  await panel.frame.page().keyboard.press('Home');
  await expectFocusInView(panel, { row: 0, col: 0 });
});

test('ArrowDown past the rows on screen keeps the focus on a cell in view', async () => {
  const workbench = await suite.harness.openWorkbench();
  const panel = await openMatrixPanel(workbench, suite.sim, ORG);
  await focusFirstUserCell(panel);
  const presses = 30;
  for (let i = 0; i < presses; i++) await panel.frame.page().keyboard.press('ArrowDown');
  await expectFocusInView(panel, { row: presses, col: 0 });
});

test('PageDown beyond the drawn rows lands on a cell in view, page after page', async () => {
  const workbench = await suite.harness.openWorkbench();
  const panel = await openMatrixPanel(workbench, suite.sim, ORG);
  const rows = Number(await panel.locator(`#${MATRIX_IDS.grid}`).getAttribute('data-rows'));
  await focusFirstUserCell(panel);
  // What the grid pages by: a screenful of rows less one.
  const page = await panel.locator(`#${MATRIX_IDS.gridScroller}`).evaluate((scroller) => {
    const rowHeight = (scroller.querySelector('tbody tr:not(.spacer)') as HTMLElement).offsetHeight;
    return Math.max(1, Math.floor(scroller.clientHeight / rowHeight) - 1);
  });
  // Three pages at once (faster than a frame draws), then one more: each must end on a cell.
  for (let i = 0; i < 3; i++) await panel.frame.page().keyboard.press('PageDown');
  await expectFocusInView(panel, { row: Math.min(rows - 1, 3 * page), col: 0 });
  await panel.frame.page().keyboard.press('PageDown');
  await expectFocusInView(panel, { row: Math.min(rows - 1, 4 * page), col: 0 });
});
