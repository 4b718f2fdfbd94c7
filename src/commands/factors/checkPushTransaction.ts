import vscode = require('vscode');
import type { VerifyFactorResult } from '../../okta/models';
import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { withCancellableProgress } from '../cancellableProgress';
import { describeFactor, describeUser } from '../../presentation/factorDescriptions';
import { resolveFactor } from '../pickers';
import { hasPushTransactions } from '../../factors/capabilities';

/** One line per push state, saying what it means for the tester. */
function describeResult(result: VerifyFactorResult): string {
  switch (result.factorResult) {
    case 'WAITING': {
      const answer = result._embedded?.challenge?.correctAnswer;
      const expires = result.expiresAt ? `, expires at ${new Date(result.expiresAt).toLocaleTimeString()}` : '';
      return `WAITING: not answered on the device yet${expires}${answer !== undefined ? `; number to match: ${answer}` : ''}.`;
    }
    case 'SUCCESS':
      return 'SUCCESS: approved on the device.';
    case 'REJECTED':
      return 'REJECTED: denied on the device.';
    case 'TIMEOUT':
      return 'TIMEOUT: not answered in time.';
    default:
      return `${result.factorResult}${result.factorMessage ? `: ${result.factorMessage}` : ''}.`;
  }
}

/**
 * okta.checkPushTransaction: the status of a push verification, by transaction id (prefilled with
 * the last one this window started for the factor).
 */
export async function checkPushTransaction(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveFactor(services, selected, hasPushTransactions);
  if (!target) return;
  const { user, factor } = target;
  const last = services.pushes.lastTransaction(target);
  const transactionId = (await vscode.window.showInputBox({
    title: `Push transaction of ${describeFactor(factor)} (${describeUser(user)})`,
    prompt: last
      ? `Last push started here at ${last.startedAt.toLocaleTimeString()}; or paste another transaction id.`
      : 'Transaction id (from the verify response\'s poll link: …/transactions/<id>)',
    value: last?.transactionId,
    ignoreFocusOut: true,
    validateInput: (text) => (/^[^\s/?#]+$/.test(text.trim()) ? undefined : 'A transaction id: no spaces or "/".'),
  }))?.trim();
  if (!transactionId) return;
  const result = await withCancellableProgress('Checking the push transaction…',
    (signal) => services.pushes.transactionStatus(target, transactionId, signal));
  const text = `Push ${transactionId} for ${describeUser(user)}: ${describeResult(result)}`;
  if (result.factorResult === 'SUCCESS' || result.factorResult === 'WAITING') void vscode.window.showInformationMessage(text);
  else void vscode.window.showWarningMessage(text);
}
