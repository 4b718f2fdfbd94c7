// The one set of credential rules: the prompts, the registry and the client all use these, so the
// same text is accepted or refused everywhere with the same words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientIdProblem, scopesProblem, tokenProblem, withoutScheme } from '../../src/okta/auth/credentialRules';

test('tokens: one line of visible characters', () => {
  assert.equal(tokenProblem('00abcDEF-_xyz'), undefined);
  assert.match(tokenProblem('') ?? '', /empty/);
  assert.match(tokenProblem('00ab cd') ?? '', /without spaces/);
  assert.match(tokenProblem('00ab\tcd') ?? '', /without spaces/);
});

test('a pasted "SSWS " or "Bearer " prefix is dropped and named', () => {
  assert.deepEqual(withoutScheme('  SSWS 00abc '), { token: '00abc', scheme: 'SSWS' });
  assert.deepEqual(withoutScheme('bearer eyJ.x.y'), { token: 'eyJ.x.y', scheme: 'Bearer' });
  assert.deepEqual(withoutScheme('00abc'), { token: '00abc' });
  assert.deepEqual(withoutScheme('SSWS'), { token: '', scheme: 'SSWS' });
});

test('client ids: 1 to 100 visible ASCII characters', () => {
  assert.equal(clientIdProblem('0oa1b2c3d4'), undefined);
  assert.match(clientIdProblem('') ?? '', /empty/);
  assert.match(clientIdProblem('0oa abc') ?? '', /has no spaces/);
  assert.match(clientIdProblem('0oaé') ?? '', /has no spaces or characters Okta does not use/);
  assert.match(clientIdProblem('x'.repeat(101)) ?? '', /General tab/);
});

test('scopes: at least one, each a valid scope name', () => {
  assert.equal(scopesProblem(['okta.users.read', 'okta.logs.read']), undefined);
  assert.match(scopesProblem([]) ?? '', /at least one scope/);
  assert.match(scopesProblem(['okta.users read']) ?? '', /"okta.users read" is not a valid scope name/);
  assert.match(scopesProblem(['a"b']) ?? '', /not a valid scope name/);
});
