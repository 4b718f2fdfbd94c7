import { homedir } from 'node:os';
import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import { plural } from '../../factors/names';
import { exportFormatOf, formatTotpExport, type TotpExportEntry } from '../../presentation/totpExport';
import { fileWriteError, tempPathFor, writeFileWhole } from '../../util/wholeFile';
import { selectedUsers } from '../bulk/bulkSelection';
import type { CommandServices } from '../commandServices';

const ACTION = 'Export TOTP Secrets';
const CHOOSE_FILE = 'Choose File…';

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
 * okta.exportTotpSecrets: writes the TOTP secrets the built-in authenticator keeps for the selected
 * users to a .env or JSON file, after a modal warning, at a path the user picks in a Save dialog
 * (offered in the home folder, never the workspace). Resolves to the file written, if any.
 */
export async function exportTotpSecrets(services: CommandServices, target?: CommandTarget, selected?: CommandTarget[]): Promise<vscode.Uri | undefined> {
  const users = await selectedUsers(services, ACTION, target, selected);
  if (!users) return undefined;
  const orgId = users[0].orgId;
  const byId = new Map(users.map((u) => [u.user.id, u.user]));
  const kept = (await services.authenticator.factorsWithSecrets(orgId)).filter((ref) => byId.has(ref.userId));
  // A factor unenrolled elsewhere (the Admin Console, another tool) leaves its secret here: export only live ones.
  const live = new Set<string>();
  for (const userId of new Set(kept.map((ref) => ref.userId))) {
    for (const factor of await services.factors.listFactors({ orgId, user: byId.get(userId)! })) live.add(`${userId}/${factor.id}`);
  }
  const refs = kept.filter((ref) => live.has(`${ref.userId}/${ref.factorId}`));
  const stale = kept.length - refs.length;
  const staleNote = stale > 0 ? ` ${plural(stale, 'kept secret')} left out: ${stale === 1 ? 'its factor is' : 'their factors are'} no longer enrolled in Okta.` : '';
  if (refs.length === 0) {
    void vscode.window.showInformationMessage(
      `The built-in authenticator keeps no TOTP secret for ${users.length === 1 ? 'this user' : 'these users'}: only factors enrolled through this extension have one.${staleNote}`);
    return undefined;
  }
  const withSecrets = new Set(refs.map((r) => r.userId)).size;
  const choice = await vscode.window.showWarningMessage(
    `Export the TOTP secrets of ${plural(refs.length, 'factor')} (${plural(withSecrets, 'user')}) to a file?`,
    { modal: true, detail: 'The file holds secrets: anyone who reads it can generate these users\' codes. Save it outside the workspace, or keep it out of version control.' },
    CHOOSE_FILE,
  );
  if (choice !== CHOOSE_FILE) return undefined;
  const file = await vscode.window.showSaveDialog({
    title: ACTION,
    saveLabel: 'Export',
    defaultUri: vscode.Uri.file(`${homedir()}/okta-totp-secrets.env`),
    filters: { 'Environment file': ['env'], JSON: ['json'] },
  });
  if (!file) return undefined;
  const format = exportFormatOf(file.path);
  if (!format) {
    void vscode.window.showWarningMessage(`${ACTION}: name the file with .env or .json, so its format is clear. Nothing was written.`);
    return undefined;
  }
  const entries: TotpExportEntry[] = [];
  for (const ref of refs) {
    entries.push({ login: byId.get(ref.userId)?.profile.login ?? ref.userId, userId: ref.userId, factorId: ref.factorId,
      otpauthUri: await services.authenticator.otpauthUri(orgId, ref.userId, ref.factorId) });
  }
  const orgLabel = services.registry.get(orgId)?.label ?? orgId;
  await writeWhole(file, formatTotpExport(format, orgLabel, entries, new Date()));
  void vscode.window.showInformationMessage(`Exported ${plural(entries.length, 'TOTP secret')} to ${file.fsPath}.${staleNote}`);
  return file;
}
