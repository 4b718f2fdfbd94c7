import vscode = require('vscode');
import { runCommand } from './runCommand';
import type { RequestLog } from '../log/requestLog';
import { adviseOnError } from '../presentation/errorAdvice';

const UPDATE_TOKEN = 'Update token';

/**
 * Logs a failed action to the "Okta" output channel and shows one clear error message, with an
 * "Update token" button when the org rejected its token. Messages come from the service layer's
 * errors, which never carry the token.
 */
export function reportError(services: { log: Pick<RequestLog, 'error'> }, action: string, err: unknown, orgId?: string): void {
  const advice = adviseOnError(action.replace(/(\.\.\.|…)$/, ''), err);
  services.log.error(advice.message);
  if (!advice.offerUpdateToken) {
    void vscode.window.showErrorMessage(advice.message);
    return;
  }
  void vscode.window.showErrorMessage(advice.message, UPDATE_TOKEN).then((choice) => {
    if (choice === UPDATE_TOKEN) void runCommand('okta.updateToken', orgId ? { kind: 'org', orgId } : undefined);
  });
}
