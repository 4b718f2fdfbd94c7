// The MFA activity's System Log query filter: the user as target and every event type the activity
// has words for, in one expression; a user id is checked before it is quoted into it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WORDED_EVENT_TYPES } from '../../src/changes/activityEntry';
import { activityFilter } from '../../src/changes/userActivity';
import { OktaInputError } from '../../src/okta/errors';

test('the query: the user as target, every worded type in one filter; an id that is not one is refused before any request', () => {
  const filter = activityFilter('00u1abcdEFGH2345ijkl');
  assert.ok(filter.startsWith('target.id eq "00u1abcdEFGH2345ijkl" and ('), filter);
  assert.match(filter, /eventType sw "user\.mfa\."/);
  for (const type of WORDED_EVENT_TYPES) {
    assert.ok(type.startsWith('user.mfa.') || filter.includes(`eventType eq "${type}"`), `${type} is asked for`);
  }
  for (const bad of ['', '00u" or eventType pr or "', '00u1 ', 'ü00', 'x'.repeat(65)]) {
    assert.throws(() => activityFilter(bad), OktaInputError, JSON.stringify(bad));
  }
});
