import vscode = require('vscode');
import { runCommand } from './ui/runCommand';
import { createServices, type Services } from './services';

export { SHARED_MODULES } from './sharedModules';

let services: Services | undefined;

/**
 * Activation only reads the org list (globalState) and registers the tree and the commands; the
 * rest loads on first use, and the network is touched when the tree is expanded or a command runs.
 * The services are the extension's API only under test: any installed extension could otherwise
 * reach the registry's clients and the built-in authenticator's codes.
 */
export function activate(context: vscode.ExtensionContext): Services | undefined {
  services = createServices(context);
  // `npm run demo` starts code-server with OKTA_DEMO_ORG=open: the demo org is added (or restarted) as
  // soon as the Okta view activates the extension, so the tree shows it without a click.
  if (process.env.OKTA_DEMO_ORG === 'open') void runCommand('okta.tryDemoOrg');
  return context.extensionMode === vscode.ExtensionMode.Test ? services : undefined;
}

/** Stops the demo org's simulator if it runs in this extension host. */
export async function deactivate(): Promise<void> {
  const loaded = services?.workLoaded() ? services.work() : undefined;
  services = undefined;
  await (await loaded?.catch(() => undefined))?.services.demo.stop();
}
