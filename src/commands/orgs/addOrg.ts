import vscode = require('vscode');
import { runCommand } from '../../ui/runCommand';
import type { TokenType } from '../../okta/models';
import { normalizeOrgUrl, orgHostForms, type OrgHostForms } from '../../okta/orgUrl';
import { OrgRegistryError } from '../../orgs/errors';
import type { CommandServices } from '../commandServices';
import { secretStorageSentence } from '../../ui/secretStorageText';
import { askForClientId, askForKey, askForScopes, serviceAppInput, waitForRegistration, type KeyChoice } from './serviceAppPrompts';
import { askForToken, describeOwner, withTokenCheck } from './tokenPrompts';

/** Validates as the user types; shows the normalisation notice (e.g. an -admin host rewritten). */
function validateOrgUrl(value: string): vscode.InputBoxValidationMessage | undefined {
  if (!value.trim()) return undefined;
  try {
    const { url, notice } = normalizeOrgUrl(value);
    const forms = orgHostForms(url);
    if (forms.internationalized) return { message: lookAlikeWarning(forms), severity: vscode.InputBoxValidationSeverity.Warning };
    return notice ? { message: notice, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
  } catch (err) {
    return { message: err instanceof Error ? err.message : String(err), severity: vscode.InputBoxValidationSeverity.Error };
  }
}

/** Both spellings of a host with non-ASCII letters, which may imitate another org's name. */
function lookAlikeWarning(forms: OrgHostForms): string {
  return `The host has non-ASCII letters: ${forms.unicode} is ${forms.ascii} on the network. Make sure it is your org, not a look-alike.`;
}

type SignIn = TokenType | 'serviceApp';

async function askForSignIn(): Promise<SignIn | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'API token (SSWS)', description: 'Admin Console > Security > API > Tokens', tokenType: 'SSWS' as const },
      { label: 'OAuth service app (private key)', description: 'an API Services app: client credentials, private_key_jwt, DPoP', tokenType: 'serviceApp' as const },
      { label: 'OAuth 2.0 access token (Bearer)', description: 'a token you obtained; needs okta.users.read / okta.users.manage', tokenType: 'Bearer' as const },
    ],
    { title: 'Add an Okta org (2/4): sign-in', placeHolder: 'How does the extension sign in to the org (token type)?', ignoreFocusOut: true },
  );
  return picked?.tokenType;
}

async function offerTokenUpdate(message: string, orgId: string): Promise<void> {
  const update = 'Update token';
  const choice = await vscode.window.showWarningMessage(message, update);
  if (choice === update) await runCommand('okta.updateToken', { kind: 'org', orgId });
}

function askForLabel(host: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Add an Okta org (4/4): name (optional)',
    prompt: 'A name for the tree; Enter keeps the host name',
    value: host,
    ignoreFocusOut: true,
  });
}

/**
 * The service-app branch: client id, scopes, key, name; then the connection check. With a key
 * generated here the user registers its public half first, and may check again after a refusal
 * (the pair is kept in memory meanwhile, so the key already registered in Okta is not lost).
 */
async function addServiceAppOrg(services: CommandServices, url: string, host: string, notice: string | undefined): Promise<void> {
  const title = 'Add an Okta org (3/4): service app';
  const clientId = await askForClientId(title);
  if (!clientId) return;
  const scopes = await askForScopes(title);
  if (!scopes) return;
  const key: KeyChoice | undefined = await askForKey(title);
  if (!key) return;
  if (key.kind === 'generated' && !(await waitForRegistration(key.pair, clientId, host))) return;
  const label = await askForLabel(host);
  if (label === undefined) return;
  const hooks = services.connectionCheckHooks(label || host);
  const serviceApp = serviceAppInput(clientId, scopes, key);
  for (;;) {
    try {
      const added = await withTokenCheck(host, (signal) => services.registry.add({ label, url, serviceApp, signal, hooks }));
      void vscode.window.showInformationMessage(`Added "${added.org.label}" as the service app ${clientId}. ${secretStorageSentence('Its private key')} ${notice ?? ''}`.trim());
      return;
    } catch (error) {
      if (key.kind !== 'generated' || !(error instanceof Error) || error instanceof OrgRegistryError) throw error;
      const retry = 'Check again';
      const choice = await vscode.window.showErrorMessage(`${error.message} Nothing was stored.`, { modal: true, detail: `Key id ${key.pair.keyId}: fix the app in Okta, then check again.` }, retry);
      if (choice !== retry) return;
    }
  }
}

/** okta.addOrg: URL, how to sign in (API token, service app, access token), the credentials, optional name; checked before anything is stored. */
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
  const forms = orgHostForms(url);
  if (forms.internationalized) {
    const proceed = 'It is my org';
    const choice = await vscode.window.showWarningMessage(`Add ${forms.unicode}?`, { modal: true, detail: lookAlikeWarning(forms) }, proceed);
    if (choice !== proceed) return;
  }
  // Said before the token is asked for, not after.
  const existing = services.registry.list().find((org) => org.url === url);
  if (existing) {
    await offerTokenUpdate(`"${existing.label}" (${host}) is already added.`, existing.id);
    return;
  }
  const signIn = await askForSignIn();
  if (!signIn) return;
  if (signIn === 'serviceApp') {
    await addServiceAppOrg(services, url, host, notice);
    return;
  }
  const token = await askForToken(`Add an Okta org (3/4): ${signIn === 'SSWS' ? 'API token' : 'access token'}`, `Token for ${host}. ${secretStorageSentence('It')}`);
  if (!token) return;
  const label = await askForLabel(host);
  if (label === undefined) return;
  try {
    const hooks = services.connectionCheckHooks(label || host);
    const added = await withTokenCheck(host, (signal) => services.registry.add({ label, url, token, tokenType: signIn, signal, hooks }));
    const notes = [notice, added.owner && `The token belongs to ${describeOwner(added.owner)}.`].filter(Boolean).join(' ');
    void vscode.window.showInformationMessage(`Added "${added.org.label}". ${notes}`);
  } catch (err) {
    if (err instanceof OrgRegistryError && err.reason === 'duplicate' && err.existingOrgId) {
      await offerTokenUpdate(err.message, err.existingOrgId);
      return;
    }
    throw err;
  }
}
