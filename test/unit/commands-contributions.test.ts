// package.json and the code must agree both ways: every contributed command is registered and
// every registered command is contributed; every capability tag a menu matches is one the tree
// sets, every capability is offered by some menu, and no clause depends on the order of tags;
// walkthrough steps name only contributed commands and existing media.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { COMMAND_IDS } from '../../src/commandIds';
import { FACTOR_CAPABILITIES } from '../../src/factors/capabilities';
import type { UserFactor } from '../../src/okta/models';
import { factorContextValue } from '../../src/tree/contextValues';

interface MenuEntry { command: string; when?: string }
interface WalkthroughStep { id: string; description: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }
const root = new URL('../../', `file://${__filename}`);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  activationEvents?: string[];
  contributes: {
    commands: Array<{ command: string }>;
    menus: Record<string, MenuEntry[]>;
    walkthroughs: Array<{ id: string; steps: WalkthroughStep[] }>;
  };
};
const menuEntries = Object.values(pkg.contributes.menus).flat();
const viewItemRegexes = menuEntries
  .map((m) => (m.when ? /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(m.when)?.[1] : undefined))
  .filter((r): r is string => r !== undefined);

test('every contributed command is in COMMAND_IDS and every id is contributed', () => {
  const contributed = pkg.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(contributed, [...COMMAND_IDS].sort());
  for (const entry of menuEntries) assert.ok((COMMAND_IDS as readonly string[]).includes(entry.command), `menu names unknown ${entry.command}`);
});

test('capability tags in menus are exactly the ones the tree sets', () => {
  const capabilities = Object.keys(FACTOR_CAPABILITIES);
  const referenced = new Set(viewItemRegexes.filter((r) => r.startsWith('^okta:factor')).flatMap((r) => [...r.matchAll(/\\\+(\w+)/g)].map((m) => m[1])));
  // Besides capabilities, menus may match the tags a row carries for what it is: kept secret, type, status.
  const passkey = { id: 'f', factorType: 'webauthn', provider: 'FIDO', status: 'ACTIVE', profile: {} } as unknown as UserFactor;
  const rowTags = new Set(['totpsecret', ...factorContextValue(passkey, false).split('+').slice(1)]);
  for (const tag of referenced) assert.ok(capabilities.includes(tag) || rowTags.has(tag), `menu matches +${tag}, which the tree never sets`);
  for (const capability of capabilities) assert.ok(referenced.has(capability), `no menu offers the action of +${capability}`);
});

test('a clause matches whatever order the tags come in', () => {
  const factor = {
    id: 'f', factorType: 'sms', provider: 'OKTA', status: 'ACTIVE', profile: {},
    _links: { self: { href: 'https://a.okta.com/api/v1/users/u/factors/f', hints: { allow: ['GET', 'DELETE'] } } },
  } as unknown as UserFactor;
  const [kind, ...tags] = factorContextValue(factor, true).split('+');
  const reversed = [kind, ...tags.reverse()].join('+');
  for (const source of viewItemRegexes.filter((r) => r.startsWith('^okta:factor'))) {
    const regex = new RegExp(source);
    assert.equal(regex.test(reversed), regex.test(factorContextValue(factor, true)), `${source} depends on tag order`);
  }
});

test('walkthrough steps run and complete on contributed commands and show existing media', () => {
  const steps = pkg.contributes.walkthroughs.flatMap((w) => w.steps);
  assert.ok(steps.length > 0, 'no walkthrough steps');
  for (const step of steps) {
    const linked = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
    const completing = (step.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length));
    assert.ok(linked.length > 0, `step ${step.id} has no command button`);
    for (const command of [...linked, ...completing]) {
      assert.ok((COMMAND_IDS as readonly string[]).includes(command), `step ${step.id} names unknown ${command}`);
    }
    for (const media of Object.values(step.media)) assert.ok(existsSync(new URL(media, root)), `step ${step.id}: ${media} is missing`);
  }
});
