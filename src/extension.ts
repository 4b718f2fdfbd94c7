import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { createServices, type Services } from './services';

let services: Services | undefined;

/**
 * Activation only reads the org list (globalState); the network is touched when the tree is
 * expanded or a command runs. The services are returned as the extension's API for the tests.
 */
export function activate(context: vscode.ExtensionContext): Services {
  services = createServices(context);
  registerCommands(services);
  // `npm run demo` starts code-server with OKTA_DEMO_ORG=open: the demo org is added (or restarted) as
  // soon as the Okta view activates the extension, so the tree shows it without a click.
  if (process.env.OKTA_DEMO_ORG === 'open') void vscode.commands.executeCommand('okta.tryDemoOrg');
  return services;
}

/** Stops the demo org's simulator if it runs in this extension host. */
export async function deactivate(): Promise<void> {
  await services?.demo.stop();
  services = undefined;
}
