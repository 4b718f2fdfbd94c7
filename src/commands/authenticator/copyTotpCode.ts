import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { currentTotpCode, validityText } from './totpCode';

/** okta.copyTotpCode: puts the factor's current code on the clipboard. */
export async function copyTotpCode(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const current = await currentTotpCode(services, selected);
  if (!current) return;
  await vscode.env.clipboard.writeText(current.totp.code);
  void vscode.window.showInformationMessage(`Copied the current code of ${current.name} (${validityText(current.totp)}).`);
}
