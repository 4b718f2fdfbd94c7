import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { copyTotpCode } from './copyTotpCode';
import { currentTotpCode, spacedCode, validityText } from './totpCode';

const COPY = 'Copy';

/** okta.showTotpCode: the current code with its remaining validity, and a Copy button. */
export async function showTotpCode(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const current = await currentTotpCode(services, selected);
  if (!current) return;
  const { target, name, totp } = current;
  const choice = await vscode.window.showInformationMessage(`${spacedCode(totp.code)} — current code of ${name} (${validityText(totp)}).`, COPY);
  // Copy what is current when the button is pressed, not the code shown, which may have expired.
  if (choice === COPY) await copyTotpCode(services, target);
}
