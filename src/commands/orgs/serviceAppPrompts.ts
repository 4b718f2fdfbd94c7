// The service-app part of okta.addOrg and okta.updateToken: client id, scopes, and the key, either
// generated here (the public half shown with Copy buttons and the steps to register it in Okta) or
// imported from a PEM or JWK file. The private key goes to SecretStorage through the registry only.
import { clientIdProblem } from '../../okta/auth/credentialRules';
import vscode = require('vscode');
import { checkPrivateKey, generateKeyPair, type GeneratedKeyPair } from '../../orgs/serviceAppKeys';
import type { ServiceAppInput } from '../../orgs/orgRecord';
import { showPublicKeyDocument } from '../../documents/publicKeyDocument';

export const DEFAULT_SCOPES = ['okta.users.read', 'okta.users.manage'];
const SCOPE_CHOICES: Array<{ scope: string; detail: string }> = [
  { scope: 'okta.users.read', detail: 'list users and their factors (every GET)' },
  { scope: 'okta.users.manage', detail: 'enroll, activate, verify, resend and unenroll factors' },
  // Not asked by default: Okta refuses a token request for a scope the app was not granted.
  { scope: 'okta.logs.read', detail: "read the System Log (a user's MFA activity)" },
];

export function askForClientId(title: string, value = ''): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt: 'The service app\'s client id (Admin Console > Applications > the app > General)',
    placeHolder: '0oa…',
    value,
    ignoreFocusOut: true,
    validateInput: (input) => clientIdProblem(input.trim()),
  }).then((id) => id?.trim());
}

/** The scopes to request; undefined when dismissed or none is chosen (said so). */
export async function askForScopes(title: string, current: string[] = DEFAULT_SCOPES): Promise<string[] | undefined> {
  const items = SCOPE_CHOICES.map(({ scope, detail }) => ({ label: scope, detail, picked: current.includes(scope) }));
  const picked = await vscode.window.showQuickPick(items, { title, canPickMany: true, ignoreFocusOut: true, placeHolder: 'Scopes granted to the app under Okta API Scopes' });
  if (!picked) return undefined;
  if (picked.length === 0) {
    void vscode.window.showErrorMessage('No scope chosen, so nothing was changed: choose at least okta.users.read.');
    return undefined;
  }
  return picked.map((item) => item.label);
}

export type KeyChoice = { kind: 'generated'; pair: GeneratedKeyPair } | { kind: 'imported'; privateKey: string; keyId?: string };

/** Generate a pair here, or import a private key file; the imported key is checked before it is kept. */
export async function askForKey(title: string): Promise<KeyChoice | undefined> {
  const generate = { label: '$(key) Generate a key pair here', detail: 'RSA 2048; you register its public key in Okta', action: 'generate' as const };
  const importFile = { label: '$(folder-opened) Import a private key file', detail: 'PEM (PKCS#8, PKCS#1, EC) or JWK; not encrypted', action: 'import' as const };
  const choice = await vscode.window.showQuickPick([generate, importFile], { title, ignoreFocusOut: true, placeHolder: 'Which key signs the app\'s token requests?' });
  if (!choice) return undefined;
  if (choice.action === 'generate') return { kind: 'generated', pair: await generateKeyPair() };
  const uris = await vscode.window.showOpenDialog({
    title: 'Import the service app\'s private key', canSelectMany: false, openLabel: 'Import key',
    filters: { 'Private keys': ['pem', 'key', 'json', 'jwk'], 'All files': ['*'] },
  });
  if (!uris?.[0]) return undefined;
  const bytes = await vscode.workspace.fs.readFile(uris[0]);
  if (bytes.byteLength > 64 * 1024) throw new Error('That file is larger than any private key (64 KB); choose the key file itself.');
  const privateKey = new TextDecoder().decode(bytes);
  const { keyId } = checkPrivateKey(privateKey);
  return { kind: 'imported', privateKey, keyId };
}

/**
 * Shows the generated public key and waits until the user says it is registered in Okta.
 * true: go on and check the connection; false: cancelled.
 */
export async function waitForRegistration(pair: GeneratedKeyPair, clientId: string, host: string): Promise<boolean> {
  await showPublicKeyDocument(pair, clientId, host);
  const copyJwk = 'Copy JWK';
  const copyPem = 'Copy PEM';
  const check = 'I added it: check the connection';
  // Each copy returns here; the dialog stays until the user checks or cancels.
  for (;;) {
    const choice = await vscode.window.showInformationMessage(
      `Register the new public key on the service app ${clientId} in ${host}.`,
      {
        modal: true,
        detail: 'In the Admin Console: Applications > the app > General > Client Credentials: Public key / Private key > Add key > paste the JWK (or PEM) > Save. '
          + `Its key id is ${pair.keyId}. The public key is also open in an editor tab.`,
      },
      copyJwk, copyPem, check,
    );
    if (choice === copyJwk) await vscode.env.clipboard.writeText(pair.publicJwk);
    else if (choice === copyPem) await vscode.env.clipboard.writeText(pair.publicPem);
    else return choice === check;
  }
}

export function serviceAppInput(clientId: string, scopes: string[], key: KeyChoice): ServiceAppInput {
  return key.kind === 'generated'
    ? { clientId, scopes, privateKey: key.pair.privateKey, keyId: key.pair.keyId }
    : { clientId, scopes, privateKey: key.privateKey, keyId: key.keyId };
}
