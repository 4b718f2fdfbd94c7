import { homedir } from 'node:os';
import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import { plural } from '../../factors/names';
import type { FactorRef } from '../../authenticator/factorSecrets';
import { exportFormatOf, formatTestSecrets, type PasskeyExportEntry, type TotpExportEntry } from '../../presentation/testSecretsExport';
import { fileWriteError, tempPathFor, writeFileWhole } from '../../util/wholeFile';
import { selectedUsers } from '../bulk/bulkSelection';
import type { CommandServices } from '../commandServices';
import type { OktaUser } from '../../okta/models';
import { gitExposureOf } from './gitExposure';

const ACTION = 'Export Test Secrets';
const CHOOSE_FILE = 'Choose File…';
const WRITE_ANYWAY = 'Write Anyway';

/**
 * Writes the whole file or nothing. On a local disk (also the remote host's disk under code-server)
 * the file is readable by its owner only; other file systems go through VS Code's.
 */
async function writeWhole(target: vscode.Uri, text: string): Promise<void> {
  if (target.scheme === 'file') return writeFileWhole(target.fsPath, text);
  const temp = target.with({ path: tempPathFor(target.path) });
  try {
    await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (err) {
    await Promise.resolve(vscode.workspace.fs.delete(temp)).catch(() => undefined);
    throw fileWriteError(target.path, err);
  }
}

/**
 * okta.exportTotpSecrets (the id kept from when it exported TOTP secrets only): writes what a test
 * run needs of the selected users, the TOTP secrets and software passkeys the built-in authenticator
 * keeps, to a .env or JSON file. Resolves to the file written, if any.
 */
export async function exportTestSecrets(services: CommandServices, target?: CommandTarget, selected?: CommandTarget[]): Promise<vscode.Uri | undefined> {
  const users = await selectedUsers(services, ACTION, target, selected);
  if (!users) return undefined;
  return writeTestSecretsFile(services, users[0].orgId, users.map((u) => u.user), { action: ACTION, requireSecrets: true });
}

export interface TestSecretsFileOptions {
  /** The command's name, for titles and messages. */
  action: string;
  /** Nothing is written when the users have no kept secret (else the file still names the users). */
  requireSecrets: boolean;
  /** Offered in the Save dialog (default: okta-test-secrets.env in the home folder). */
  defaultUri?: vscode.Uri;
}

/**
 * The users' kept secrets (only of factors still enrolled) and their logins, after a modal warning,
 * to a file the user picks in a Save dialog; a second warning when that file is in the workspace
 * and git does not ignore it. Written whole, readable by its owner only. Resolves to the file written.
 */
export async function writeTestSecretsFile(services: CommandServices, orgId: string, users: readonly OktaUser[], options: TestSecretsFileOptions): Promise<vscode.Uri | undefined> {
  const { action } = options;
  const byId = new Map(users.map((u) => [u.id, u]));
  const ofSelected = (refs: readonly FactorRef[]) => refs.filter((ref) => byId.has(ref.userId));
  const totpKept = ofSelected(await services.authenticator.factorsWithSecrets(orgId));
  const passkeysKept = ofSelected(await services.passkeyAuthenticator.factorsWithSecrets(orgId));
  // A factor unenrolled elsewhere (the Admin Console, another tool) leaves its secret here: export only live ones.
  const live = new Set<string>();
  for (const userId of new Set([...totpKept, ...passkeysKept].map((ref) => ref.userId))) {
    for (const factor of await services.factors.listFactors({ orgId, user: byId.get(userId)! })) live.add(`${userId}/${factor.id}`);
  }
  const isLive = (ref: FactorRef) => live.has(`${ref.userId}/${ref.factorId}`);
  const totpRefs = totpKept.filter(isLive);
  const passkeyRefs = passkeysKept.filter(isLive);
  const count = totpRefs.length + passkeyRefs.length;
  const stale = totpKept.length + passkeysKept.length - count;
  const staleNote = stale > 0 ? ` ${plural(stale, 'kept secret')} left out: ${stale === 1 ? 'its factor is' : 'their factors are'} no longer enrolled in Okta.` : '';
  if (count === 0 && options.requireSecrets) {
    void vscode.window.showInformationMessage(
      `The built-in authenticator keeps no TOTP secret or passkey for ${users.length === 1 ? 'this user' : 'these users'}: only factors enrolled through this extension have one.${staleNote}`);
    return undefined;
  }
  const withSecrets = new Set([...totpRefs, ...passkeyRefs].map((r) => r.userId)).size;
  const question = count === 0 ? `Export the logins of ${plural(users.length, 'user')} to a file? None has a kept TOTP secret or passkey.`
    : `Export the secrets of ${plural(count, 'factor')} (${plural(withSecrets, 'user')}) to a file?`;
  const choice = await vscode.window.showWarningMessage(question,
    { modal: true, detail: 'The file holds secrets: anyone who reads it can generate these users\' codes or sign in with their passkeys. Save it outside the workspace, or keep it out of version control.' },
    CHOOSE_FILE,
  );
  if (choice !== CHOOSE_FILE) return undefined;
  const file = await vscode.window.showSaveDialog({
    title: action,
    saveLabel: 'Export',
    defaultUri: options.defaultUri ?? vscode.Uri.file(`${homedir()}/okta-test-secrets.env`),
    filters: { 'Environment file': ['env'], JSON: ['json'] },
  });
  if (!file) return undefined;
  const format = exportFormatOf(file.path);
  if (!format) {
    void vscode.window.showWarningMessage(`${action}: name the file with .env or .json, so its format is clear. Nothing was written.`);
    return undefined;
  }
  if (!await exposureAccepted(file, action)) return undefined;
  const loginOf = (ref: FactorRef) => byId.get(ref.userId)?.profile.login ?? ref.userId;
  const totp: TotpExportEntry[] = [];
  for (const ref of totpRefs) {
    totp.push({ login: loginOf(ref), userId: ref.userId, factorId: ref.factorId, otpauthUri: await services.authenticator.otpauthUri(orgId, ref.userId, ref.factorId) });
  }
  const passkeys: PasskeyExportEntry[] = [];
  for (const ref of passkeyRefs) {
    passkeys.push({ login: loginOf(ref), userId: ref.userId, factorId: ref.factorId,
      playwright: await services.passkeyAuthenticator.playwrightCredential(ref), devtools: await services.passkeyAuthenticator.devtoolsCredential(ref) });
  }
  const orgLabel = services.registry.get(orgId)?.label ?? orgId;
  const org = services.registry.get(orgId)?.url ?? '';
  const logins = users.map((u) => ({ login: u.profile.login, userId: u.id, status: u.status }));
  await writeWhole(file, formatTestSecrets(format, orgLabel, { org, users: logins, totp, passkeys }, new Date()));
  const what = [totp.length > 0 && plural(totp.length, 'TOTP secret'), passkeys.length > 0 && plural(passkeys.length, 'passkey')].filter(Boolean).join(' and ');
  void vscode.window.showInformationMessage(`Exported ${what || `the logins of ${plural(users.length, 'user')}`} to ${file.scheme === 'file' ? file.fsPath : file.toString(true)}.${staleNote}`);
  return file;
}

/** True when the file is outside the workspace or ignored by git, or the user accepts the risk. */
async function exposureAccepted(file: vscode.Uri, action: string): Promise<boolean> {
  const exposure = await gitExposureOf(file);
  if (exposure.kind === 'outside' || exposure.kind === 'ignored') return true;
  const name = file.path.split('/').pop();
  const why = exposure.kind === 'tracked-possible' ? 'git does not ignore it, so it could be committed'
    : `and whether git ignores it is unknown (${exposure.reason})`;
  const detail = 'Add the file to .gitignore, or choose a folder outside the workspace.';
  const choice = await vscode.window.showWarningMessage(`${name} is inside the workspace folder ${exposure.folder}, ${why}. Write the secrets there anyway?`,
    { modal: true, detail }, WRITE_ANYWAY);
  if (choice === WRITE_ANYWAY) return true;
  void vscode.window.showInformationMessage(`${action}: nothing was written.`);
  return false;
}
