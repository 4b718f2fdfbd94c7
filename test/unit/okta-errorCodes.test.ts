// The one catalogue of Okta error codes: what each reader makes of a code comes from it, and no
// other source file reads a code itself.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { isRateLimited, isWrongPasscode, sendCooldownSeconds, verifyResultOf } from '../../src/factors/errorKinds';
import { errorLead, logRefusalOf, oktaErrorCode } from '../../src/okta/errorCodes';
import { OktaApiError } from '../../src/okta/errors';
import { isUserCorrectable } from '../../src/panels/shared/errorView';
import { adviseOnError } from '../../src/presentation/errorAdvice';

const apiError = (status: number, errorCode: string, errorSummary = 'Okta said no') =>
  new OktaApiError(`${errorSummary} (${errorCode})`, { status, errorCode, errorSummary, errorCauses: [] }, {});

test('a code not in the catalogue keeps Okta\'s words; prototype names are not codes', () => {
  assert.equal(errorLead('E0009999', 'Something new', []), 'Something new');
  for (const name of ['constructor', '__proto__', 'toString']) assert.equal(oktaErrorCode(name), undefined);
  assert.equal(oktaErrorCode(undefined), undefined);
});

test('the readers agree with the catalogue', () => {
  assert.equal(isWrongPasscode(apiError(403, 'E0000068')), true);
  assert.equal(verifyResultOf(apiError(403, 'E0000068'), true), 'WRONG_ANSWER');
  assert.equal(verifyResultOf(apiError(403, 'E0000082'), false), 'PASSCODE_REPLAYED');
  assert.equal(isRateLimited(apiError(429, 'E0000047')), true);
  assert.equal(sendCooldownSeconds(apiError(429, 'E0000118')), 5);
  assert.equal(sendCooldownSeconds(apiError(429, 'E0000109', 'Please wait 12 seconds before trying again.')), 12);
  assert.equal(sendCooldownSeconds(apiError(429, 'E0000047')), undefined);
  assert.equal(adviseOnError('Verify', apiError(401, 'E0000011')).offerUpdateToken, true);
  assert.equal(adviseOnError('Verify', apiError(404, 'E0000007')).offerUpdateToken, false);
  assert.equal(isUserCorrectable(apiError(403, 'E0000006')), false, 'a deprovisioned user cannot be fixed in the form');
  assert.equal(isUserCorrectable(apiError(400, 'E0000001')), true, 'an unlisted 400 is bad input');
});

test('System Log refusals: no permission (403 E0000006), a refused query or cursor (E0000053, E0000001, E0000031); nothing else', () => {
  assert.equal(logRefusalOf(apiError(403, 'E0000006'))?.reason, 'no-permission');
  const old = logRefusalOf(apiError(400, 'E0000053', 'Invalid parameter: The since parameter is over 180 days prior to the current day.'));
  assert.equal(old?.reason, 'cursor-refused');
  assert.match(old?.message ?? '', /over 180 days/);
  for (const code of ['E0000001', 'E0000031']) assert.equal(logRefusalOf(apiError(400, code))?.reason, 'cursor-refused', code);
  for (const err of [apiError(429, 'E0000047'), apiError(401, 'E0000011'), new Error('socket hang up'), undefined, null, 'E0000006']) {
    assert.equal(logRefusalOf(err), undefined, String(err));
  }
  assert.equal(oktaErrorCode('E0000053')?.kind, 'log-query');
  assert.equal(isUserCorrectable(apiError(400, 'E0000053')), false, 'the log query is the extension\'s, not the person\'s');
});

test('no source file but the catalogue names an Okta error code in its code (comments aside)', () => {
  const srcRoot = resolve(__dirname, '../../src');
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
  })(srcRoot);
  const offenders = files
    .filter((file) => !file.endsWith(join('okta', 'errorCodes.ts')))
    .filter((file) => readFileSync(file, 'utf8').split('\n').some((line) => /['"`]E\d{7}['"`]/.test(line.replace(/\/\/.*$|^\s*\*.*$/, ''))));
  assert.deepEqual(offenders.map((f) => relative(srcRoot, f)), []);
});
