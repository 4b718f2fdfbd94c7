// The words of the Factor Matrix's saved-matrix marker: the age of the saved rows while they are
// read again, why they stayed when the load stopped, and "Up to date." once every user was read.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { savedMarkText } from '../../src/panels/matrix/savedMarkText';

const NOW = Date.parse('2024-05-01T13:00:00.000Z');
const cached = { savedAt: '2024-05-01T10:00:00.000Z', rows: 9880, complete: true };

test('saved rows: their age and what is happening to them, in words', () => {
  assert.equal(savedMarkText({ phase: 'loading', loaded: 120, cached }, NOW), 'Saved 3 hours ago — refreshing… 9,880 rows not read again yet.');
  assert.equal(savedMarkText({ phase: 'cancelled', loaded: 120, cached: { ...cached, rows: 1 } }, NOW), 'Saved 3 hours ago — 1 row not read again (the load was cancelled).');
  assert.equal(savedMarkText({ phase: 'failed', loaded: 0, message: 'Okta refused.', cached }, NOW), 'Saved 3 hours ago — 9,880 rows not read again (the load stopped).');
  assert.match(savedMarkText({ phase: 'loading', loaded: 0, cached: { ...cached, complete: false } }, NOW) ?? '', /The saved matrix did not have every user\.$/);
});

test('no saved rows: "Up to date." after a load, nothing while a first load runs or after it stopped', () => {
  assert.equal(savedMarkText({ phase: 'done', loaded: 5, total: 5 }, NOW), 'Up to date.');
  assert.equal(savedMarkText({ phase: 'loading', loaded: 0 }, NOW), undefined);
  assert.equal(savedMarkText({ phase: 'failed', loaded: 0, message: 'x' }, NOW), undefined);
});
