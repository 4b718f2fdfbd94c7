import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUserShown, usersQueryFor } from '../../src/presentation/userQuery';

test('no filter: a plain list, or a search over every status to include deprovisioned users', () => {
  assert.deepEqual(usersQueryFor(undefined), {});
  assert.deepEqual(usersQueryFor('   '), {});
  const { search } = usersQueryFor(undefined, true);
  assert.match(search ?? '', /^status eq "STAGED" or .* or status eq "DEPROVISIONED"$/);
  assert.equal(search?.split(' or ').length, 8);
});

test('a filter does not change with the deprovisioned setting (dropped on arrival instead)', () => {
  assert.deepEqual(usersQueryFor('ann', true), usersQueryFor('ann', false));
});

test('plain text becomes a prefix search over login, email and names', () => {
  assert.deepEqual(usersQueryFor(' ann '), {
    search: 'profile.login sw "ann" or profile.email sw "ann" or profile.firstName sw "ann" or profile.lastName sw "ann"',
  });
});

test('quotes and backslashes in plain text are escaped', () => {
  const { search } = usersQueryFor('o"b\\x');
  assert.ok(search?.startsWith('profile.login sw "o\\"b\\\\x" or'), search);
});

test('text with an operator is passed through as a search expression', () => {
  for (const expr of ['status eq "LOCKED_OUT"', 'profile.email co "qa"', 'profile.login sw "a" and status eq "ACTIVE"', 'lastUpdated gt "2024-01-01T00:00:00.000Z"', 'profile.nickName pr']) {
    assert.deepEqual(usersQueryFor(expr), { search: expr });
  }
});

test('operator words inside a name do not make an expression', () => {
  assert.match(usersQueryFor('swanson').search ?? '', /^profile\.login sw "swanson"/);
  assert.match(usersQueryFor('eqbal').search ?? '', /^profile\.login sw "eqbal"/);
});

test('deprovisioned users are shown only when the setting is on', () => {
  assert.equal(isUserShown({ status: 'DEPROVISIONED' }, false), false);
  assert.equal(isUserShown({ status: 'DEPROVISIONED' }, true), true);
  assert.equal(isUserShown({ status: 'LOCKED_OUT' }, false), true);
});
