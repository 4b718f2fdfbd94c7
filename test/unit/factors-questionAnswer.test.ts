// A security question's answer is checked as Okta checks it: 4 characters at least, spaces around it not counted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerProblem } from '../../src/factors/questionAnswer';

test('4 or more characters pass; spaces inside count, spaces around do not; blank is asked for', () => {
  assert.equal(answerProblem('mayo'), undefined);
  assert.equal(answerProblem('a b c'), undefined);
  assert.match(answerProblem('  ab  ') ?? '', /at least 4 characters/);
  assert.match(answerProblem(' a b ') ?? '', /at least 4 characters/);
  assert.equal(answerProblem('    '), 'Enter an answer.');
});
