// Our own commands, run or attached to tree items by typed id and target, never by a bare string.
import vscode = require('vscode');
import type { CommandId } from '../commandIds';
import type { CommandTarget } from '../factors/targets';

/** Runs one of our commands with a typed id and target (what a tree node would hand it). */
export function runCommand(id: CommandId, target?: CommandTarget): Thenable<unknown> {
  return vscode.commands.executeCommand(id, target);
}

/** A tree item's click: one of our commands with its target. */
export function commandFor(id: CommandId, title: string, target?: CommandTarget): vscode.Command {
  return { command: id, title, arguments: target ? [target] : [] };
}
