import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { SupportedFactor, UserFactor } from '../../src/okta/models';
import { catalogContextValue, catalogFactorContextValue, factorContextValue, orgContextValue, userContextValue } from '../../src/tree/contextValues';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', `file://${__filename}`), 'utf8')) as {
  contributes: { menus: Record<string, Array<{ command: string; when: string; group: string }>> };
};

const self = (allow: string[]) => ({ self: { href: 'https://acme.okta.com/api/v1/users/u1/factors/f1', hints: { allow } } });

function factor(fields: Partial<UserFactor>): UserFactor {
  return { id: 'f1', factorType: 'sms', provider: 'OKTA', status: 'ACTIVE', profile: { phoneNumber: '+1-555-415-1337' }, ...fields } as UserFactor;
}

/** The `viewItem =~ /.../` regex of a context-menu entry in package.json (by command, group, node kind). */
function whenRegex(command: string, group: string, kind = 'okta:'): RegExp {
  const entry = pkg.contributes.menus['view/item/context'].find(
    (m) => m.command === command && m.group.startsWith(group) && m.when.includes(`viewItem =~ /^${kind}`),
  );
  const match = entry && /viewItem =~ \/(.+)\/(?: && !listMultiSelection)?$/.exec(entry.when);
  assert.ok(match, `no viewItem regex for ${command} in ${group}`);
  return new RegExp(match[1]);
}

const WHEN = {
  activate: whenRegex('okta.activateFactor', '1_lifecycle'),
  resend: whenRegex('okta.resendFactor', '1_lifecycle'),
  verify: whenRegex('okta.verifyFactor', '1_lifecycle'),
  unenroll: whenRegex('okta.unenrollFactor', '8_remove'),
  totp: whenRegex('okta.showTotpCode', '2_totp'),
  enrollInline: whenRegex('okta.enrollFactor', 'inline', 'okta:catalogFactor'),
  enrollEntry: whenRegex('okta.enrollFactor', '1_factors', 'okta:catalogFactor'),
  enrollUserInline: whenRegex('okta.enrollFactor', 'inline', 'okta:(user'),
  enrollUser: whenRegex('okta.enrollFactor', '1_factors', 'okta:(user'),
  clearFilter: whenRegex('okta.clearFilter', 'inline'),
  orgError: whenRegex('okta.updateToken', 'inline'),
};

test('org tags: plain, error, filtered, demo', () => {
  assert.equal(orgContextValue({ error: false, filtered: false, demo: false }), 'okta:org');
  assert.equal(orgContextValue({ error: true, filtered: false, demo: false }), 'okta:org+error');
  const all = orgContextValue({ error: true, filtered: true, demo: true });
  assert.equal(all, 'okta:org+error+filtered+demo');
  assert.match(all, WHEN.clearFilter);
  assert.match(all, WHEN.orgError);
  assert.doesNotMatch('okta:org', WHEN.clearFilter);
});

test('user tag is the lower-case status', () => {
  assert.equal(userContextValue({ status: 'LOCKED_OUT' }), 'okta:user+locked_out');
  assert.equal(userContextValue({ status: 'ACTIVE' }), 'okta:user+active');
});

test('pending sms: activate and resend, not verify, not unenroll (self allows only GET)', () => {
  const value = factorContextValue(factor({ status: 'PENDING_ACTIVATION', _links: self(['GET']) }), false);
  assert.equal(value, 'okta:factor+pending_activation+sms+okta+canActivate+canResend');
  assert.match(value, WHEN.activate);
  assert.match(value, WHEN.resend);
  assert.doesNotMatch(value, WHEN.verify);
  assert.doesNotMatch(value, WHEN.unenroll);
});

test('active deletable TOTP with a kept secret: verify, unenroll, TOTP code; no resend/activate', () => {
  const value = factorContextValue(factor({ factorType: 'token:software:totp', provider: 'GOOGLE', profile: { credentialId: 'ann@example.com' }, _links: self(['GET', 'DELETE']) }), true);
  assert.equal(value, 'okta:factor+active+token:software:totp+google+canVerify+deletable+totpsecret');
  for (const clause of [WHEN.verify, WHEN.unenroll, WHEN.totp]) assert.match(value, clause);
  for (const clause of [WHEN.activate, WHEN.resend]) assert.doesNotMatch(value, clause);
});

test('pending TOTP and push can be activated but not resent; pending webauthn neither', () => {
  const totp = factorContextValue(factor({ factorType: 'token:software:totp', status: 'PENDING_ACTIVATION' }), false);
  const push = factorContextValue(factor({ factorType: 'push', status: 'PENDING_ACTIVATION' }), false);
  const webauthn = factorContextValue(factor({ factorType: 'webauthn', provider: 'FIDO', status: 'PENDING_ACTIVATION' }), false);
  assert.match(totp, WHEN.activate);
  assert.doesNotMatch(totp, WHEN.resend);
  assert.match(push, WHEN.activate);
  assert.doesNotMatch(push, WHEN.resend);
  assert.doesNotMatch(webauthn, WHEN.activate);
});

test('`+active` does not match inactive statuses', () => {
  assert.doesNotMatch(factorContextValue(factor({ status: 'INACTIVE' }), false), WHEN.verify);
});

test('catalog entries: enroll inline only when not enrolled yet', () => {
  const entry: SupportedFactor = { factorType: 'question', provider: 'OKTA' };
  const active = { status: 'ACTIVE' } as const;
  assert.equal(catalogFactorContextValue(entry, false, active), 'okta:catalogFactor+question+okta+notenrolled');
  assert.match(catalogFactorContextValue(entry, false, active), WHEN.enrollInline);
  assert.doesNotMatch(catalogFactorContextValue(entry, true, active), WHEN.enrollInline);
});

test('orgs offer Copy Org URL, not Copy ID; users and factors offer Copy ID', () => {
  const copyOrgUrl = whenRegex('okta.copyOrgUrl', '6_copy', 'okta:org');
  const copyId = whenRegex('okta.copyId', '6_copy', 'okta:(user');
  const org = orgContextValue({ error: false, filtered: true, demo: true });
  const user = userContextValue({ status: 'ACTIVE' });
  const sms = factorContextValue(factor({}), false);
  assert.match(org, copyOrgUrl);
  assert.doesNotMatch(org, copyId);
  for (const value of [user, sms]) {
    assert.match(value, copyId);
    assert.doesNotMatch(value, copyOrgUrl);
  }
});

test('Enroll is not offered on deprovisioned users, their catalog group or its entries (Okta answers E0000006)', () => {
  const entry: SupportedFactor = { factorType: 'sms', provider: 'OKTA' };
  const gone = { status: 'DEPROVISIONED' } as const;
  for (const status of ['ACTIVE', 'LOCKED_OUT', 'SUSPENDED', 'STAGED', 'PROVISIONED'] as const) {
    const user = { status };
    for (const clause of [WHEN.enrollUser, WHEN.enrollUserInline]) {
      assert.match(userContextValue(user), clause, status);
      assert.match(catalogContextValue(user), clause, status);
    }
    assert.match(catalogFactorContextValue(entry, false, user), WHEN.enrollInline, status);
    assert.match(catalogFactorContextValue(entry, true, user), WHEN.enrollEntry, status);
  }
  assert.equal(userContextValue(gone), 'okta:user+deprovisioned');
  assert.equal(catalogContextValue(gone), 'okta:catalog+deprovisioned');
  assert.equal(catalogFactorContextValue(entry, false, gone), 'okta:catalogFactor+sms+okta+notenrolled+deprovisioned');
  for (const clause of [WHEN.enrollUser, WHEN.enrollUserInline]) {
    assert.doesNotMatch(userContextValue(gone), clause);
    assert.doesNotMatch(catalogContextValue(gone), clause);
  }
  for (const enrolled of [false, true]) {
    assert.doesNotMatch(catalogFactorContextValue(entry, enrolled, gone), WHEN.enrollInline);
    assert.doesNotMatch(catalogFactorContextValue(entry, enrolled, gone), WHEN.enrollEntry);
  }
});

test('the org\'s own entries stay on its right-click menu while several rows are selected', () => {
  // VS Code passes the right-clicked org first; these commands act on it alone, whatever else is selected.
  const offered = pkg.contributes.menus['view/item/context']
    .filter((m) => !m.group.startsWith('inline') && m.when.includes('viewItem =~ /^okta:org') && !m.when.includes('listMultiSelection'))
    .map((m) => m.command);
  for (const command of ['okta.showFactorMatrix', 'okta.filterUsers', 'okta.clearFilter', 'okta.updateToken', 'okta.renameOrg', 'okta.copyOrgUrl']) {
    assert.ok(offered.includes(command), `${command} is hidden on an org while several rows are selected`);
  }
  // Remove stays single-selection: with two orgs selected, removing only the right-clicked one would surprise.
  assert.ok(!offered.includes('okta.removeOrg'));
});
