// Extension-host test entry (the `yo code` shape): VS Code loads this module in the extension host and
// awaits run(). It runs mocha over every bundled suite in ./suite/. The runner that started the host
// passes OKTA_EXTHOST_RESULTS: mocha's json report is written there, and each result is also logged as
// one `[exthost]` line so it shows up in the host's console output.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function run(): Promise<void> {
  const output = process.env.OKTA_EXTHOST_RESULTS;
  const mocha = new Mocha({
    ui: 'tdd',
    timeout: 20_000,
    color: false,
    ...(output ? { reporter: 'json', reporterOptions: { output } } : { reporter: 'spec' }),
  });
  const suiteDir = join(__dirname, 'suite');
  for (const file of readdirSync(suiteDir).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(join(suiteDir, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) =>
      failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve());
    runner.on('pass', (t) => console.log(`[exthost] pass: ${t.fullTitle()}`));
    runner.on('fail', (t, err) => console.log(`[exthost] fail: ${t.fullTitle()}: ${err instanceof Error ? err.message : String(err)}`));
  });
}
