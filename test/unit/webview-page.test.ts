import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, renderPage } from '../../src/panels/shared/pageMarkup';
import { ACTIVITY_BODY } from '../../src/panels/activity/activityMarkup';
import { ACTIVITY_IDS } from '../../src/panels/activity/elementIds';
import { ENROLL_IDS } from '../../src/panels/enroll/elementIds';
import { ENROLL_BODY } from '../../src/panels/enroll/enrollMarkup';
import { MATRIX_IDS } from '../../src/panels/matrix/elementIds';
import { MATRIX_BODY } from '../../src/panels/matrix/matrixMarkup';
import { SHARED_IDS } from '../../src/panels/shared/elementIds';
import { VERIFY_IDS } from '../../src/panels/verify/elementIds';
import { VERIFY_BODY } from '../../src/panels/verify/verifyMarkup';
import { PanelInputError, toErrorView, isUserCorrectable } from '../../src/panels/shared/errorView';
import { OktaApiError, OktaInputError, OktaNetworkError } from '../../src/okta/errors';

const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';

test('CSP allows only the nonce script, extension styles and data: images', () => {
  assert.equal(contentSecurityPolicy(cspSource, 'abc123'),
    "default-src 'none'; script-src 'nonce-abc123'; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-abc123'; " +
    'img-src https://file+.vscode-resource.vscode-cdn.net data:; font-src https://file+.vscode-resource.vscode-cdn.net; ' +
    "base-uri 'none'; form-action 'none'");
});

test('page carries the CSP meta, the nonce on its one script and escapes the title', () => {
  const html = renderPage({ title: 'Enroll <b>x</b>', cspSource, nonce: 'n0nce', scriptUri: 'https://x/enroll.js', styleUri: 'https://x/webview.css', body: ENROLL_BODY });
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;nonce-n0nce&#39;/);
  assert.equal(html.match(/<script/g)?.length, 1);
  assert.match(html, /<script nonce="n0nce" src="https:\/\/x\/enroll.js"><\/script>/);
  assert.match(html, /<title>Enroll &#60;b&#62;x&#60;\/b&#62;<\/title>/);
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers (the CSP would block them)');
});

test('every panel markup has the ids of its elementIds module, once each, and no other', () => {
  const ids = (html: string): string[] => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  const fieldError = /^error-[A-Za-z]+$/;
  for (const [body, panelIds] of [[ENROLL_BODY, ENROLL_IDS], [VERIFY_BODY, VERIFY_IDS], [MATRIX_BODY, MATRIX_IDS], [ACTIVITY_BODY, ACTIVITY_IDS]] as const) {
    const all = ids(body);
    assert.equal(new Set(all).size, all.length, 'duplicate id');
    const declared: string[] = [...Object.values(SHARED_IDS), ...Object.values(panelIds)];
    assert.deepEqual(all.filter((id) => !declared.includes(id) && !fieldError.test(id)), [], 'ids missing from elementIds');
    for (const id of [...Object.values(panelIds), SHARED_IDS.title, SHARED_IDS.error]) assert.ok(all.includes(id), id);
    // every input/select has a label
    for (const m of body.matchAll(/<(?:input|select) id="([^"]+)"/g)) assert.match(body, new RegExp(`<label for="${m[1]}"`), m[1]);
  }
});

test('error view: Okta causes listed and attached to the visible input they name', () => {
  const err = new OktaApiError('Api validation failed: factorEnrollRequest (E0000001, HTTP 400)', { status: 400, errorCode: 'E0000001', errorSummary: 'Api validation failed: factorEnrollRequest',
    errorCauses: [{ errorSummary: 'There is an existing verified phone number.' }] });
  const view = toErrorView('Enroll', err, ['phoneNumber']);
  assert.equal(view.message, 'Enroll failed: Api validation failed: factorEnrollRequest (E0000001, HTTP 400).');
  assert.deepEqual(view.causes, ['There is an existing verified phone number.']);
  assert.deepEqual(view.fields, { phoneNumber: 'There is an existing verified phone number.' });
  assert.deepEqual(toErrorView('Enroll', err, ['email']).fields, {}, 'never under a hidden input');
  assert.equal(isUserCorrectable(err), true);
});

test('error view: network errors and token rejection', () => {
  const network = new OktaNetworkError('connection', 'Could not reach the org');
  assert.deepEqual(toErrorView('Verify', network), { message: 'Verify failed: Could not reach the org.', causes: [], fields: {} });
  assert.equal(isUserCorrectable(network), false);
  const token = new OktaApiError('Okta rejected the API token (E0000011, HTTP 401)', { status: 401, errorCode: 'E0000011', errorSummary: 'Invalid token provided' });
  assert.match(toErrorView('Verify', token).message, /rejected the API token.*Update the token/);
  const quoted = new OktaApiError("Okta rejected the passcode (E0000068, HTTP 403): Your passcode doesn't match our records.", {
    status: 403, errorCode: 'E0000068', errorSummary: 'Invalid Passcode/Answer', errorCauses: [{ errorSummary: "Your passcode doesn't match our records." }] });
  const view = toErrorView('Verify', quoted, ['passCode']);
  assert.deepEqual(view.causes, [], 'causes already in the message are not listed twice');
  assert.deepEqual(view.fields, { passCode: "Your passcode doesn't match our records." });
  assert.deepEqual(toErrorView('Enroll', new PanelInputError('Check the highlighted fields.', { answer: 'Too short.' })),
    { message: 'Check the highlighted fields.', causes: [], fields: { answer: 'Too short.' } });
  assert.equal(isUserCorrectable(token), false);
  assert.equal(isUserCorrectable(new OktaInputError('The User-Agent header cannot contain control characters.')), true);
});
