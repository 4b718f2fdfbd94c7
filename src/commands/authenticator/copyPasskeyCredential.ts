// okta.copyPlaywrightCredential and okta.copyDevtoolsCredential: the software passkey the built-in
// authenticator keeps for a webauthn factor, in the form a browser test takes (Playwright's
// context.credentials.create, or the DevTools protocol's WebAuthn.addCredential), on the clipboard,
// after a modal warning: it holds the passkey's private key.
import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import { describeFactor, describeUser } from '../../presentation/factorDescriptions';
import type { CommandServices } from '../commandServices';
import { resolveFactor } from '../pickers';

const COPY = 'Copy';

type CredentialForm = 'Playwright' | 'DevTools';

async function copyPasskeyCredential(services: CommandServices, form: CredentialForm, selected?: CommandTarget): Promise<void> {
  const target = await resolveFactor(services, selected, (f) => f.factorType === 'webauthn' && f.status === 'ACTIVE');
  if (!target) return;
  const ref = { orgId: target.orgId, userId: target.user.id, factorId: target.factor.id };
  const name = `${describeFactor(target.factor)} of ${describeUser(target.user)}`;
  const keys = services.passkeyAuthenticator;
  if (!(await keys.has(ref))) {
    void vscode.window.showInformationMessage(
      `The built-in authenticator keeps no passkey for ${name}: only passkeys enrolled through this extension (software passkeys for test users) can be handed to a browser test.`);
    return;
  }
  const choice = await vscode.window.showWarningMessage(`Copy the ${form} credential of ${name}?`, {
    modal: true,
    detail: 'It holds the passkey\'s private key: anyone who has it can sign in as this user with it. Paste it only where secrets belong, and keep it out of version control.',
  }, COPY);
  if (choice !== COPY) return;
  const credential = form === 'Playwright' ? await keys.playwrightCredential(ref) : await keys.devtoolsCredential(ref);
  await vscode.env.clipboard.writeText(JSON.stringify(credential, null, 2));
  void vscode.window.showInformationMessage(form === 'Playwright'
    ? `Copied the Playwright credential of ${name}: pass its rpId and the rest to context.credentials.create(rpId, rest).`
    : `Copied the DevTools credential of ${name}: the credential of WebAuthn.addCredential.`);
}

export function copyPlaywrightCredential(services: CommandServices, selected?: CommandTarget): Promise<void> {
  return copyPasskeyCredential(services, 'Playwright', selected);
}

export function copyDevtoolsCredential(services: CommandServices, selected?: CommandTarget): Promise<void> {
  return copyPasskeyCredential(services, 'DevTools', selected);
}
