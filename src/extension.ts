import * as vscode from 'vscode';
import { runCommand } from './ui/runCommand';
import { registerCommands } from './commands';
import { createServices, type Services } from './services';

let services: Services | undefined;

/**
 * Activation only reads the org list (globalState); the network is touched when the tree is
 * expanded or a command runs. The services are the extension's API only under test: any installed
 * extension could otherwise reach the registry's clients and the built-in authenticator's codes.
 */
export function activate(context: vscode.ExtensionContext): Services | undefined {
  services = createServices(context);
  registerCommands(services);
  // `npm run demo` starts code-server with OKTA_DEMO_ORG=open: the demo org is added (or restarted) as
  // soon as the Okta view activates the extension, so the tree shows it without a click.
  if (process.env.OKTA_DEMO_ORG === 'open') void runCommand('okta.tryDemoOrg');
  return context.extensionMode === vscode.ExtensionMode.Test ? services : undefined;
}

/** Stops the demo org's simulator if it runs in this extension host. */
export async function deactivate(): Promise<void> {
  await services?.demo.stop();
  services = undefined;
}
