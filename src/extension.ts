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
  return services;
}

/** Stops the demo org's simulator if it runs in this extension host. */
export async function deactivate(): Promise<void> {
  await services?.demo.stop();
  services = undefined;
}
