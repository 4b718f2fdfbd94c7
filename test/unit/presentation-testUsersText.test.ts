// The words around a fixtures plan: its outcome, the apply confirmation's counts, why an apply does
// not start (errors at their lines, environment variables by name).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parseFixtures, planFixtures } from '../../src/fixtures';
import { neededSecrets } from '../../src/fixtures/planSecrets';
import { applyQuestion, missingEnvText, planErrorsText, planOutcomeText, planWithErrorsText } from '../../src/presentation/testUsersText';
import { aUser } from '../support/builders';
import { applied, snapshotOf } from './fixturesOrgState';

const sample = parseFixtures(readFileSync(resolve(__dirname, '../../docs/okta-test-users.sample.yaml'), 'utf8'), 'yaml').fixtures!;
const other = aUser({ id: '00uz', profile: { login: 'zed@example.com' } });

test('a plan against an empty org: its changes counted; right after an apply, the org matches', () => {
  const snapshot = snapshotOf([], { otherUsers: [other] });
  const plan = planFixtures(sample, snapshot);
  assert.equal(plan.problems.length, 0);
  assert.equal(planOutcomeText(plan, 'Dev'), `${plan.changes} changes to apply to Dev.`);
  const { question, detail } = applyQuestion(plan, 'Dev');
  assert.equal(question, `Apply ${plan.changes} changes to Dev?`);
  assert.equal(detail, 'Creates 3 users, enrolls 9 factors. Prune is on: factors the file does not name are unenrolled. '
    + '1 user the file does not name is left alone. The plan is shown beside the file.');
  const again = planFixtures(sample, applied(plan, snapshot));
  assert.equal(planOutcomeText(again, 'Dev'), 'Dev already matches the file.');
});

test('errors are listed with their lines as people count them, three at most', () => {
  const error = (line: number, message: string) => ({ line, column: 0, endLine: line, endColumn: 1, message, severity: 'error' as const, path: [] });
  const errors = [error(27, 'no Custom TOTP profile "X" in this org'), error(30, 'b'), error(31, 'c'), error(40, 'd')];
  assert.equal(planErrorsText('Dev', errors.slice(0, 1)), 'The plan against Dev has 1 problem to fix first (line 28: no Custom TOTP profile "X" in this org). Nothing was sent.');
  assert.match(planErrorsText('Dev', errors), /\(line 28: .*; line 31: b; line 32: c; 1 more in Problems\)/);
  const plan = planFixtures(sample, snapshotOf());
  assert.match(planWithErrorsText(plan, 'Dev', errors.slice(1, 2)), /^\d+ changes to apply to Dev\. Fix 1 problem before applying \(line 31: b\)\.$/);
});

test('missing environment variables are named once each, with what they are for', () => {
  const plan = planFixtures(sample, snapshotOf());
  const missing = neededSecrets(plan).filter((secret) => 'env' in secret.source);
  assert.equal(missingEnvText(missing),
    'Set ALICE_PASSWORD and ALICE_ANSWER in VS Code\'s environment (for the password of alice@example.com; answer to disliked_food of alice@example.com), then apply again. Nothing was sent.');
});
