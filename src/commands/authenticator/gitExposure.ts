// Whether a file about to hold secrets could end up in version control: inside a workspace folder
// and not ignored by git. Asks git itself (`git check-ignore`), so every rule git honours counts:
// nested .gitignore files, .git/info/exclude, the global excludes file. Runs where the extension
// host runs (the desktop, or code-server's server), which is where the file is written.
import { execFile } from 'node:child_process';
import { relative, isAbsolute } from 'node:path';
import vscode = require('vscode');

/** Longest wait for git; a slow or hung git counts as "could not tell". */
const GIT_TIMEOUT_MS = 5_000;

export type Exposure =
  | { kind: 'outside' }
  | { kind: 'ignored' }
  | { kind: 'tracked-possible'; folder: string }
  /** In the workspace, and git could not say (no repository, no git): the warning says so. */
  | { kind: 'unknown'; folder: string; reason: string };

export async function gitExposureOf(file: vscode.Uri): Promise<Exposure> {
  if (file.scheme !== 'file') return { kind: 'outside' };
  const folder = vscode.workspace.getWorkspaceFolder(file);
  if (!folder || folder.uri.scheme !== 'file') return { kind: 'outside' };
  const path = relative(folder.uri.fsPath, file.fsPath);
  if (path.startsWith('..') || isAbsolute(path)) return { kind: 'outside' };
  const name = folder.name;
  return new Promise((resolve) => {
    execFile('git', ['check-ignore', '--quiet', '--', path], { cwd: folder.uri.fsPath, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error) => {
      if (!error) return resolve({ kind: 'ignored' });
      const code = (error as { code?: unknown }).code;
      // 1: not ignored. 128: not a repository. ENOENT: no git. A kill: the timeout.
      if (code === 1) return resolve({ kind: 'tracked-possible', folder: name });
      const reason = code === 'ENOENT' ? 'git is not installed here' : code === 128 ? 'the folder is not a git repository' : 'git did not answer';
      resolve({ kind: 'unknown', folder: name, reason });
    });
  });
}
