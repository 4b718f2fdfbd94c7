// Which files are fixtures files, said once in code (Problems, CodeLens, the palette's file search)
// and in package.json (menus, schema associations, activation): both must name the same files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fixtureFormatOf, isFixturesFile } from '../../src/editor/fixtureFileNames';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', `file://${__filename}`), 'utf8')) as {
  activationEvents: string[];
  contributes: {
    menus: Record<string, Array<{ command: string; when?: string }>>;
    jsonValidation: Array<{ fileMatch: string[]; url: string }>;
    yamlValidation: Array<{ fileMatch: string[]; url: string }>;
  };
};

const FIXTURES = ['okta-test-users.yaml', 'okta-test-users.yml', 'okta-test-users.json', 'dev.okta-test-users.yaml', 'ci.staging.okta-test-users.json', 'OKTA-TEST-USERS.YAML'];
const OTHERS = ['my-okta-test-users.yaml', 'okta-test-users.yaml.bak', 'okta-test-users.txt', 'okta-test-users', 'package.json', 'Plan: okta-test-users.yaml → Dev'];

test('fixtures files are known by name, in any folder', () => {
  for (const name of FIXTURES) assert.ok(isFixturesFile(`/work/project/test/${name}`), name);
  for (const name of OTHERS) assert.ok(!isFixturesFile(`/work/project/${name}`), name);
  assert.ok(isFixturesFile('C:\\work\\okta-test-users.yml'));
});

test('the format: JSON for a .json name or a JSON editor, else YAML', () => {
  assert.equal(fixtureFormatOf('/a/okta-test-users.json'), 'json');
  assert.equal(fixtureFormatOf('/a/dev.okta-test-users.yml', 'yaml'), 'yaml');
  assert.equal(fixtureFormatOf('/a/users.txt', 'jsonc'), 'json');
  assert.equal(fixtureFormatOf('/a/users.txt'), 'yaml');
});

/** A `when` clause's `resourceFilename =~ /…/flags` as a RegExp. */
function resourceFilenameRegex(when: string): RegExp {
  const match = /resourceFilename =~ \/(.+)\/(\w*)$/.exec(when);
  assert.ok(match, `no resourceFilename regex in ${when}`);
  return new RegExp(match[1], match[2]);
}

test('the fixtures commands\' menus show for exactly the fixtures files', () => {
  const entries = Object.values(pkg.contributes.menus).flat().filter((m) => /^okta\.(plan|apply|export)TestUsers$/.test(m.command) && m.when);
  assert.ok(entries.length >= 6, 'editor and explorer menus name the three commands');
  for (const entry of entries) {
    const regex = resourceFilenameRegex(entry.when!);
    for (const name of FIXTURES) assert.ok(regex.test(name), `${entry.command} is not offered on ${name}`);
    for (const name of OTHERS) assert.ok(!regex.test(name), `${entry.command} is offered on ${name}`);
  }
});

/** A fileMatch or workspaceContains glob (only `*`, `**` and `{a,b}` used) as a RegExp on a path. */
function globRegex(glob: string): RegExp {
  const source = glob.replace(/[.+^$()|[\]\\]/g, '\\$&')
    .replace(/\{([^}]+)\}/g, (_, alternatives: string) => `(?:${alternatives.split(',').join('|')})`)
    .replace(/\*\*\//g, '(?:.*/)?').replace(/\*/g, '[^/]*');
  return new RegExp(`(?:^|/)${source}$`, 'i');
}

test('the schema is associated with every fixtures file, JSON and YAML, and the files activate the extension', () => {
  const { jsonValidation, yamlValidation } = pkg.contributes;
  const associated = [...jsonValidation, ...yamlValidation].filter((v) => v.url === './schemas/okta-test-users.schema.json').flatMap((v) => v.fileMatch);
  const activating = pkg.activationEvents.filter((e) => e.startsWith('workspaceContains:')).map((e) => e.slice('workspaceContains:'.length));
  for (const name of FIXTURES.filter((n) => n === n.toLowerCase())) {
    assert.ok(associated.some((glob) => globRegex(glob).test(`/p/${name}`)), `no schema for ${name}`);
    assert.ok(activating.some((glob) => globRegex(glob).test(`p/${name}`)), `${name} does not activate the extension`);
  }
  for (const name of OTHERS) assert.ok(!associated.some((glob) => globRegex(glob).test(`/p/${name}`)), `${name} is given the schema`);
});
