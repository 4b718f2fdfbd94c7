import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Filled in by the tree/commands work; activation must stay free of network and disk work.
}

export function deactivate(): void {}
