import * as vscode from 'vscode';
import { runCommand } from '../ui/runCommand';
import type { TokenType } from '../okta/models';
import { normalizeOrgUrl } from '../okta/orgUrl';
import { OrgRegistryError } from '../orgs/errors';
import type { CommandServices } from './commandServices';
import { askForToken, describeOwner, withTokenCheck } from './tokenPrompts';

/** Validates as the user types; shows the normalisation notice (e.g. an -admin host rewritten). */
function validateOrgUrl(value: string): vscode.InputBoxValidationMessage | undefined {
  if (!value.trim()) return undefined;
  try {
    const { notice } = normalizeOrgUrl(value);
    return notice ? { message: notice, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
  } catch (err) {
    return { message: err instanceof Error ? err.message : String(err), severity: vscode.InputBoxValidationSeverity.Error };
  }
}

async function askForTokenType(): Promise<TokenType | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'API token (SSWS)', description: 'Admin Console > Security > API > Tokens', tokenType: 'SSWS' as const },
      { label: 'OAuth 2.0 access token (Bearer)', description: 'needs okta.users.read / okta.users.manage scopes', tokenType: 'Bearer' as const },
    ],
    { title: 'Add an Okta org (3/4): token type', placeHolder: 'What kind of token is it?', ignoreFocusOut: true },
  );
  return picked?.tokenType;
}

/** okta.addOrg: URL, token, token type, optional name; the token is checked before anything is stored. */
export async function addOrg(services: CommandServices): Promise<void> {
  const rawUrl = await vscode.window.showInputBox({
    title: 'Add an Okta org (1/4): org URL',
    prompt: 'Your Okta org, e.g. https://acme.okta.com (an -admin URL is fine too)',
    placeHolder: 'https://<your-org>.okta.com',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? validateOrgUrl(value) : 'Enter the org URL.'),
  });
  if (!rawUrl) return;
  const { url, notice } = normalizeOrgUrl(rawUrl);
  const host = new URL(url).host;
  const token = await askForToken('Add an Okta org (2/4): API token', `Token for ${host}. It is stored in the OS keychain only.`);
  if (!token) return;
  const tokenType = await askForTokenType();
  if (!tokenType) return;
  const label = await vscode.window.showInputBox({
    title: 'Add an Okta org (4/4): name (optional)',
    prompt: 'A name for the tree; Enter keeps the host name',
    value: host,
    ignoreFocusOut: true,
  });
  if (label === undefined) return;
  try {
    const added = await withTokenCheck(host, (signal) => services.registry.add({ label, url, token, tokenType, signal }));
    const notes = [notice, `The token belongs to ${describeOwner(added.owner)}.`].filter(Boolean).join(' ');
    void vscode.window.showInformationMessage(`Added "${added.org.label}". ${notes}`);
  } catch (err) {
    if (err instanceof OrgRegistryError && err.reason === 'duplicate' && err.existingOrgId) {
      const update = 'Update token';
      const choice = await vscode.window.showWarningMessage(err.message, update);
      if (choice === update) await runCommand('okta.updateToken', { kind: 'org', orgId: err.existingOrgId });
      return;
    }
    throw err;
  }
}
