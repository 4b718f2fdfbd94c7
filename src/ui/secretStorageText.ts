// Where a token or key goes, in words that are true on the host this window runs on: desktop VS Code
// encrypts SecretStorage with the OS keychain; a browser-hosted VS Code keeps it with its web host.
import vscode = require('vscode');

export function secretStorageSentence(what: string): string {
  return vscode.env.uiKind === vscode.UIKind.Desktop
    ? `${what} is kept only in VS Code's secret storage, encrypted with the OS keychain.`
    : `${what} is kept only in this browser-hosted VS Code's secret storage (not in settings); it may not survive a restart of the host.`;
}

/** "VS Code's secret storage" is true on every host. */
export const SECRET_STORAGE = "VS Code's secret storage";
