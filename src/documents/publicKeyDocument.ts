// A read-only tab with a generated public key (JWK and PEM) and the steps to register it in Okta.
// A content-provider document: it cannot be edited or saved by accident, and holds no secret.
import vscode = require('vscode');
import type { GeneratedKeyPair } from '../orgs/serviceAppKeys';
import { secretStorageSentence } from '../ui/secretStorageText';

export const PUBLIC_KEY_SCHEME = 'okta-public-key';

const documents = new Map<string, string>();

export const publicKeyDocuments: vscode.TextDocumentContentProvider = {
  provideTextDocumentContent: (uri) => documents.get(uri.toString()) ?? 'This public key is no longer available; generate a new one.',
};

export async function showPublicKeyDocument(pair: GeneratedKeyPair, clientId: string, host: string): Promise<void> {
  const uri = vscode.Uri.from({ scheme: PUBLIC_KEY_SCHEME, path: `/${pair.keyId}.md` });
  documents.set(uri.toString(), [
    `# Public key for the service app ${clientId} (${host})`,
    '',
    'Register it in the Okta Admin Console:',
    '',
    `1. Applications > Applications > the app ${clientId} > General.`,
    '2. Client Credentials > Edit: Client authentication "Public key / Private key".',
    '3. Public Keys > Add key > paste the JWK below (or the PEM) > Done > Save.',
    '4. Okta API Scopes: grant okta.users.read and okta.users.manage.',
    '5. Admin roles: assign a role that can manage users (for example Org Administrator).',
    '',
    `Key id (kid): \`${pair.keyId}\``,
    '',
    '## JWK',
    '',
    '```json',
    pair.publicJwk,
    '```',
    '',
    '## PEM',
    '',
    '```',
    pair.publicPem.trim(),
    '```',
    '',
    `${secretStorageSentence('The private key')} It is never shown.`,
    '',
  ].join('\n'));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  // Beside the file being edited, if any; with no editor open, "beside" would leave an empty group
  // and squeeze the key into half the width.
  const viewColumn = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
  await vscode.window.showTextDocument(document, { preview: true, viewColumn, preserveFocus: true });
}
