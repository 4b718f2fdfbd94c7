import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import type { OrgRecord } from '../../orgs/orgRecord';
import type { CommandServices } from '../commandServices';
import { secretStorageSentence } from '../../ui/secretStorageText';
import { resolveOrg } from '../pickers';
import { askForClientId, askForKey, askForScopes, serviceAppInput, waitForRegistration } from './serviceAppPrompts';
import { askForToken, describeOwner, withTokenCheck } from './tokenPrompts';

/**
 * okta.updateToken: replaces an org's token after checking the new one (the old one stays on
 * failure); for a service app, rotates its key or changes its client id or scopes the same way.
 */
export async function updateToken(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveOrg(services, selected);
  if (!target) return;
  const host = new URL(target.org.url).host;
  if (target.org.serviceApp) {
    await updateServiceApp(services, target.org, host);
    return;
  }
  const token = await askForToken(`Update token: ${target.org.label}`, `New ${target.org.tokenType ?? 'SSWS'} token for ${host}. ${secretStorageSentence('It')}`);
  if (!token) return;
  const { owner } = await withTokenCheck(host, (signal) => services.registry.updateToken(target.orgId, token, { signal, hooks: services.connectionCheckHooks(target.org.label) }));
  void vscode.window.showInformationMessage(`Token updated for "${target.org.label}".${owner ? ` It belongs to ${describeOwner(owner)}.` : ''}`);
}

async function updateServiceApp(services: CommandServices, org: OrgRecord, host: string): Promise<void> {
  const app = org.serviceApp!;
  const title = `Update credentials: ${org.label}`;
  const choice = await vscode.window.showQuickPick([
    { label: '$(key) Rotate the key', detail: 'a new key pair; the old key keeps working until the new one does', action: 'rotate' as const },
    { label: '$(folder-opened) Import another private key', action: 'import' as const },
    { label: '$(checklist) Change scopes', detail: app.scopes.join(' '), action: 'scopes' as const },
    { label: '$(edit) Change the client id', detail: app.clientId, action: 'clientId' as const },
  ], { title, ignoreFocusOut: true, placeHolder: `The service app ${app.clientId}` });
  if (!choice) return;
  let changes: Parameters<typeof services.registry.updateServiceApp>[1];
  let rotated: string | undefined;
  if (choice.action === 'scopes') {
    const scopes = await askForScopes(title, app.scopes);
    if (!scopes) return;
    changes = { scopes };
  } else if (choice.action === 'clientId') {
    const clientId = await askForClientId(title, app.clientId);
    if (!clientId) return;
    changes = { clientId };
  } else {
    const key = await askForKey(title);
    if (!key) return;
    if (key.kind === 'generated' && !(await waitForRegistration(key.pair, app.clientId, host))) return;
    const { privateKey, keyId } = serviceAppInput(app.clientId, app.scopes, key);
    changes = { privateKey, keyId };
    rotated = app.keyId;
  }
  await withTokenCheck(host, (signal) => services.registry.updateServiceApp(org.id, changes, { signal, hooks: services.connectionCheckHooks(org.label) }));
  const old = rotated ? ` The new key works: you can now remove the old key (${rotated}) from the app in Okta.` : '';
  void vscode.window.showInformationMessage(`Credentials updated for "${org.label}".${old}`);
}
