// `npm run demo`: packages the extension (.vsix), installs it into a fresh code-server (a real VS Code)
// with the embedded demo org, prints the URL to open, and stops everything on Ctrl-C.
// The demo org: code-server gets OKTA_DEMO_ORG=open, so when the Okta view activates the extension it
// runs "Okta: Try the Demo Org", which starts the simulator inside the extension host and adds it.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot, startCodeServer } from './codeServer';

/** Preferred so the demo URL stays the same from run to run; a free port is used when it is taken. */
const DEFAULT_PORT = 8090;

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** PORT if set (a taken PORT fails loudly); else 8090, or undefined (a free port) when 8090 is taken. */
async function demoPort(): Promise<number | undefined> {
  if (process.env.PORT) return Number(process.env.PORT);
  if (await isPortFree(DEFAULT_PORT)) return DEFAULT_PORT;
  console.log(`Port ${DEFAULT_PORT} is taken; using a free port instead.`);
  return undefined;
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  const server = await startCodeServer({
    port: await demoPort(),
    vsix: join(repoRoot, 'dist-vsix', 'okta-factors.vsix'),
    folder: repoRoot,
    env: { OKTA_DEMO_ORG: 'open' },
    settings: { 'workbench.colorTheme': 'Default Dark Modern' },
  });
  const url = `${server.url}/?folder=${encodeURIComponent(repoRoot)}`;
  console.log(`
Okta Factors demo is running in VS Code (code-server ${server.url}).

  Open: ${url}

Then click the Okta icon in the activity bar: the "Demo org (local)" appears with ~50 users.
Codes the demo org sends (SMS, call, email) and push requests show up as notifications.
Press Ctrl-C to stop.
`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server...');
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  server.process.on('exit', (code) => {
    if (!stopping) {
      console.error(`code-server exited (${code}):\n${server.log().slice(-2000)}`);
      process.exit(1);
    }
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
