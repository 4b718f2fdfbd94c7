import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { factorWithSecret } from './totpCode';

/**
 * okta.copyOtpauthUri: puts the factor's `otpauth://` URI (which holds its secret) on the clipboard,
 * for a test-automation tool or another authenticator app.
 */
export async function copyOtpauthUri(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const found = await factorWithSecret(services, selected);
  if (!found) return;
  const { orgId, user, factor } = found.target;
  await vscode.env.clipboard.writeText(await services.authenticator.otpauthUri(orgId, user.id, factor.id));
  void vscode.window.showInformationMessage(`Copied the otpauth URI of ${found.name}. It holds the factor's secret: paste it only where secrets belong.`);
}
