// Registers every command id at activation with a thin stub: the first call loads the work half
// (the handlers, the client, the panels) and later calls find it loaded. A stub hands the handler
// the command target: the one a tree node hands over (`node.target`), one passed by another
// command, or none from the palette. Failures are reported once, here.
import * as vscode from 'vscode';
import { COMMAND_IDS, type CommandId } from '../commandIds';
import type { CommandTarget } from '../factors/targets';
import { isCancellation } from '../okta/errors';
import type { RequestLog } from '../log/requestLog';
import { TreeNode } from '../tree/treeNode';
import { reportError } from '../ui/reportError';
import type { CommandServices } from './commandServices';
import { isCommandTarget } from './commandTarget';
import type { CommandHandler } from './index';

/** The handlers and what they are given, once the work half is loaded. */
export interface CommandHandlers {
  services: CommandServices;
  commands: Record<CommandId, CommandHandler>;
}

export interface CommandRegistration {
  context: Pick<vscode.ExtensionContext, 'extension' | 'subscriptions'>;
  log: Pick<RequestLog, 'error'>;
  /** Loads the handlers (once; later calls return the same promise). */
  handlers(): Promise<CommandHandlers>;
}

/** The command's title from package.json ("Add an Okta Org"), used to name it in error messages. */
function commandTitle(context: CommandRegistration['context'], id: string): string {
  const commands = (context.extension.packageJSON?.contributes?.commands ?? []) as Array<{ command: string; title: string }>;
  return commands.find((c) => c.command === id)?.title ?? id;
}

/** A tree node hands over its target; anything else must already be a well-formed target, else none. */
function targetOf(arg: unknown): CommandTarget | undefined {
  if (arg instanceof TreeNode) return arg.target;
  return isCommandTarget(arg) ? arg : undefined;
}

export function registerCommands({ context, log, handlers }: CommandRegistration): void {
  for (const id of COMMAND_IDS) {
    const command = vscode.commands.registerCommand(id, async (arg?: unknown) => {
      const target = targetOf(arg);
      try {
        const { services, commands } = await handlers();
        return await commands[id](services, target);
      } catch (err) {
        if (!isCancellation(err)) reportError({ log }, commandTitle(context, id), err, target?.orgId);
        return undefined;
      }
    });
    context.subscriptions.push(command);
  }
}
