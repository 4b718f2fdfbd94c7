import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OktaInputError } from '../../src/okta/errors';
import { pathSegment } from '../../src/okta/api/pathIds';

test('ids and logins are URL-encoded as one path segment', () => {
  assert.equal(pathSegment('00u1abcDEF', 'user id'), '00u1abcDEF');
  assert.equal(pathSegment('jane.doe+qa@example.com', 'user id or login'), 'jane.doe%2Bqa%40example.com');
  assert.equal(pathSegment('a b?c#d%e', 'user id'), 'a%20b%3Fc%23d%25e');
  assert.equal(pathSegment('v2mst.WmiSGGkvQc6P-QUQ5Qy0jg', 'transaction id'), 'v2mst.WmiSGGkvQc6P-QUQ5Qy0jg');
  assert.equal(pathSegment('back\\slash', 'user id'), 'back%5Cslash');
});

test('empty ids, ids with "/", dot segments and control characters are refused with a clear error', () => {
  const cases: Array<[unknown, RegExp]> = [
    ['', /The factor id is empty/], ['   ', /The factor id is empty/], [undefined, /The factor id is empty/],
    [42, /The factor id is empty/], ['a/b', /contains "\/"/], ['/', /contains "\/"/], ['.', /not a valid id/],
    ['..', /not a valid id/], ['abc\n', /not a valid id/], ['a\u0000b', /not a valid id/],
  ];
  for (const [value, message] of cases) {
    assert.throws(() => pathSegment(value, 'factor id'), (e: unknown) => e instanceof OktaInputError && message.test(e.message), String(value));
  }
});
