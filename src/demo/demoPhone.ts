import vscode = require('vscode');
import type { RunningSimulator, SimulatedMessage, SimulatedPushChallenge } from './simulatorModule';

/**
 * Plays the demo users' phone and mailbox: codes the demo org "sends" appear as notifications with
 * "Copy code", and push challenges offer "Approve" / "Deny". `onAnswered` runs after a push answer
 * so the tree can show the factor's new status.
 */
export function attachDemoPhone(
  sim: RunningSimulator,
  onAnswered: (challenge: SimulatedPushChallenge) => void,
  onError: (action: string, err: unknown) => void,
): vscode.Disposable {
  const showMessage = async (message: SimulatedMessage): Promise<void> => {
    const what = message.channel === 'email' ? `Email to ${message.to}` : `${message.channel === 'sms' ? 'SMS' : 'Voice call'} to ${message.to}`;
    const copy = 'Copy code';
    const choice = await vscode.window.showInformationMessage(`Demo org: ${what}: your code is ${message.code}`, copy);
    if (choice === copy) await vscode.env.clipboard.writeText(message.code);
  };
  const showPush = async (challenge: SimulatedPushChallenge): Promise<void> => {
    const approve = 'Approve';
    const deny = 'Deny';
    const question = challenge.kind === 'activation'
      ? 'Demo phone: finish setting up Okta Verify push?'
      : `Demo phone: Okta Verify sign-in request. Approve it?${challenge.correctAnswer !== undefined ? ` (number to tap: ${challenge.correctAnswer})` : ''}`;
    const choice = await vscode.window.showInformationMessage(question, approve, deny);
    if (!choice) return;
    try {
      await (choice === approve
        ? sim.control.approvePush(challenge.userId, challenge.factorId, challenge.transactionId)
        : sim.control.denyPush(challenge.userId, challenge.factorId, challenge.transactionId));
      onAnswered(challenge);
    } catch (err) {
      onError(`${choice} push`, err);
    }
  };
  const onOutbox = (message: SimulatedMessage): void => void showMessage(message);
  const onPush = (challenge: SimulatedPushChallenge): void => void showPush(challenge);
  sim.events.on('outbox', onOutbox);
  sim.events.on('push', onPush);
  return new vscode.Disposable(() => {
    sim.events.off('outbox', onOutbox);
    sim.events.off('push', onPush);
  });
}
