import vscode = require('vscode');
import type { CommandServices } from '../commandServices';

/** okta.tryDemoOrg: starts the local simulator and adds it as "Demo org (local)". */
export async function tryDemoOrg(services: CommandServices): Promise<void> {
  const org = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Starting the demo org...' },
    () => services.demo.open(),
  );
  await vscode.commands.executeCommand('okta.factors.focus');
  void vscode.window.showInformationMessage(
    `"${org.label}" is running locally at ${org.url}. Codes it sends by SMS, call or email and push requests appear here as notifications.`,
  );
}
