// Answering VS Code's prompts in extension-host tests: a vscode.window function is swapped for the
// length of one test (restorePrompts() in teardown puts every one back).
import * as assert from 'node:assert/strict';
import vscode = require('vscode');

type Window = typeof vscode.window;
const restorers: Array<() => void> = [];

/** Puts back every function replaced since the last call. */
export function restorePrompts(): void {
  while (restorers.length) restorers.pop()!();
}

/** Replaces a vscode.window function until the end of the test. */
export function answer<K extends keyof Window>(name: K, impl: (...args: never[]) => unknown): void {
  const target = vscode.window as unknown as Record<string, unknown>;
  const original = target[name];
  target[name] = impl;
  restorers.push(() => { target[name] = original; });
}

export interface Shown {
  level: 'info' | 'warning' | 'error';
  text: string;
  options?: vscode.MessageOptions;
  buttons: string[];
}

/** Records every message shown; `reply` picks the button to press (undefined = dismiss). */
export function recordMessages(reply: (m: Shown) => string | undefined = () => undefined): Shown[] {
  const shown: Shown[] = [];
  for (const [name, level] of [['showInformationMessage', 'info'], ['showWarningMessage', 'warning'], ['showErrorMessage', 'error']] as const) {
    answer(name, (text: string, ...rest: unknown[]) => {
      const options = rest[0] && typeof rest[0] === 'object' ? (rest.shift() as vscode.MessageOptions) : undefined;
      const message: Shown = { level, text, options, buttons: rest as string[] };
      shown.push(message);
      return Promise.resolve(reply(message));
    });
  }
  return shown;
}

/** Answers input boxes in order, checking each against the validator the command gave. */
export function answerInputs(...answers: Array<string | undefined>): Array<vscode.InputBoxOptions | undefined> {
  const asked: Array<vscode.InputBoxOptions | undefined> = [];
  answer('showInputBox', async (options?: vscode.InputBoxOptions) => {
    asked.push(options);
    const value = answers.shift();
    if (value !== undefined) assert.equal(await options?.validateInput?.(value), undefined, `"${value}" should pass validation`);
    return value;
  });
  return asked;
}
