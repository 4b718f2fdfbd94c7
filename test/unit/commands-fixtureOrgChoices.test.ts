// The org a fixtures command starts on: the one the file's `orgs:` sections name (by label or URL).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orgChoices } from '../../src/commands/fixtures/orgChoices';
import { parseFixtures } from '../../src/fixtures';

const ORGS = [
  { id: 'o1', label: 'Prod', url: 'https://acme.okta.com' },
  { id: 'o2', label: 'Staging', url: 'https://acme-staging.okta.com' },
  { id: 'o3', label: 'Dev', url: 'https://dev-123.okta.com' },
];

function file(orgsSection: string) {
  const { fixtures, problems } = parseFixtures(`version: 1\n${orgsSection}`, 'yaml');
  assert.deepEqual(problems, []);
  return fixtures!;
}

test('without an orgs section, the registry\'s order', () => {
  assert.deepEqual(orgChoices(ORGS, file('')).map((c) => [c.org.id, c.section]), [['o1', undefined], ['o2', undefined], ['o3', undefined]]);
});

test('an org named by its label comes first, with the key that names it', () => {
  assert.deepEqual(orgChoices(ORGS, file('orgs:\n  dev:\n    prune: true\n')).map((c) => [c.org.id, c.section]),
    [['o3', 'dev'], ['o1', undefined], ['o2', undefined]]);
});

test('by URL too (any spelling of it); two named orgs keep the registry\'s order', () => {
  const choices = orgChoices(ORGS, file('orgs:\n  "https://DEV-123.okta.com/":\n    users: []\n  staging:\n    users: []\n'));
  assert.deepEqual(choices.map((c) => [c.org.id, c.section]), [['o2', 'staging'], ['o3', 'https://DEV-123.okta.com/'], ['o1', undefined]]);
});
