import * as vscode from 'vscode';
import type { Services } from '../services';
import { currentTotpCode, validityText } from './totpCode';

/** okta.copyTotpCode: puts the factor's current code on the clipboard. */
export async function copyTotpCode(services: Services, arg?: unknown): Promise<void> {
  const current = await currentTotpCode(services, arg);
  if (!current) return;
  await vscode.env.clipboard.writeText(current.totp.code);
  void vscode.window.showInformationMessage(`Copied the current code of ${current.name} (${validityText(current.totp)}).`);
}
