import * as vscode from 'vscode';
import type { CommandTarget } from '../factors/targets';
import type { CommandServices } from './commandServices';
import { secretStorageSentence } from '../ui/secretStorageText';
import { resolveOrg } from './pickers';
import { askForToken, describeOwner, withTokenCheck } from './tokenPrompts';

/** okta.updateToken: replaces an org's token after checking the new one (the old one stays on failure). */
export async function updateToken(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveOrg(services, selected);
  if (!target) return;
  const host = new URL(target.org.url).host;
  const token = await askForToken(`Update token: ${target.org.label}`, `New ${target.org.tokenType} token for ${host}. ${secretStorageSentence('It')}`);
  if (!token) return;
  const { owner } = await withTokenCheck(host, (signal) => services.registry.updateToken(target.orgId, token, { signal, hooks: services.connectionCheckHooks(target.org.label) }));
  void vscode.window.showInformationMessage(`Token updated for "${target.org.label}". It belongs to ${describeOwner(owner)}.`);
}
