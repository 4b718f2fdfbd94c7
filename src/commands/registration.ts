// Registers every command id with a thin stub that asks for the handlers when first called (the
// wiring decides how they are made) and hands the call on. A stub hands the handler
// the command target: the one a tree node hands over (`node.target`), one passed by another
// command, or none from the palette; and the selection, when VS Code runs a menu command on several
// rows (clicked, selected[]) or a caller passes an array of targets; or the file a CodeLens or an
// editor menu runs it on. Failures are reported once, here.
import vscode = require('vscode');
import { COMMAND_IDS, type CommandId } from '../commandIds';
import type { CommandTarget } from '../factors/targets';
import { isCancellation } from '../okta/errors';
import type { RequestLog } from '../log/requestLog';
import { TreeNode } from '../tree/treeNode';
import { reportError } from '../ui/reportError';
import type { CommandServices } from './commandServices';
import { isCommandTarget } from './commandTarget';
import type { CommandHandler } from './index';

/** The handlers and what they are given. */
export interface CommandHandlers {
  services: CommandServices;
  commands: Record<CommandId, CommandHandler>;
}

export interface CommandRegistration {
  context: Pick<vscode.ExtensionContext, 'extension' | 'subscriptions'>;
  log: Pick<RequestLog, 'error'>;
  /** Loads the handlers (once; later calls return the same promise). */
  handlers: () => Promise<CommandHandlers>;
}

/** The command's title from package.json ("Add an Okta Org"), used to name it in error messages. */
function commandTitle(context: CommandRegistration['context'], id: string): string {
  const packageJson = context.extension.packageJSON as { contributes?: { commands?: Array<{ command: string; title: string }> } } | undefined;
  const commands = packageJson?.contributes?.commands ?? [];
  return commands.find((c) => c.command === id)?.title ?? id;
}

/** A tree node hands over its target; anything else must already be a well-formed target, else none. */
function targetOf(arg: unknown): CommandTarget | undefined {
  if (arg instanceof TreeNode) return arg.target;
  return isCommandTarget(arg) ? arg : undefined;
}

/**
 * The selection: tree rows (those without a target, such as "Load more", left out) or well-formed
 * targets; 'invalid' when anything else is in it. Undefined when none was given.
 */
function selectionOf(arg: unknown): CommandTarget[] | 'invalid' | undefined {
  if (arg === undefined) return undefined;
  if (!Array.isArray(arg)) return 'invalid';
  const targets: CommandTarget[] = [];
  for (const item of arg as unknown[]) {
    if (item instanceof TreeNode) {
      if (item.target) targets.push(item.target);
    } else if (isCommandTarget(item)) {
      targets.push(item);
    } else {
      return 'invalid';
    }
  }
  return targets;
}

export function registerCommands({ context, log, handlers }: CommandRegistration): void {
  for (const id of COMMAND_IDS) {
    const command = vscode.commands.registerCommand(id, async (arg?: unknown, selectedArg?: unknown) => {
      // A file (a CodeLens, an editor or explorer menu): what follows it is the menu's, not a selection of targets.
      const resource = arg instanceof vscode.Uri ? arg : undefined;
      const target = targetOf(arg);
      const selected = resource ? undefined : selectionOf(selectedArg);
      if (selected === 'invalid') {
        void vscode.window.showErrorMessage(`${commandTitle(context, id)}: the selection it was given is not a list of orgs, users or factors.`);
        return undefined;
      }
      try {
        const { services, commands } = await handlers();
        return await commands[id](services, target, selected, resource);
      } catch (err) {
        if (!isCancellation(err)) reportError({ log }, commandTitle(context, id), err, target?.orgId);
        return undefined;
      }
    });
    context.subscriptions.push(command);
  }
}
