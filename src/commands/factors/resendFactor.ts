import vscode = require('vscode');
import { canResend } from '../../factors/capabilities';
import type { FactorService } from '../../factors/factorService';
import { resendCooldownSeconds } from '../../factors/resendCooldowns';
import type { CommandTarget, FactorRef } from '../../factors/targets';
import { describeFactor, describeUser } from '../../presentation/factorDescriptions';
import { withCancellableProgress } from '../cancellableProgress';
import type { CommandServices } from '../commandServices';
import { resolveFactor } from '../pickers';

/** A status-bar countdown until the next resend is possible; ends by itself. */
function showCooldown(factors: FactorService, ref: FactorRef): void {
  const name = describeFactor(ref.factor);
  void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Okta' }, async (progress) => {
    for (let left = factors.resendWaitSeconds(ref); left > 0; left = factors.resendWaitSeconds(ref)) {
      progress.report({ message: `next code for ${name} in ${left} s` });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });
}

/** okta.resendFactor: sends a new enrollment code for a pending sms/call/email factor, with an optional template. */
export async function resendFactor(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveFactor(services, selected, canResend);
  if (!target) return;
  const factorName = describeFactor(target.factor);
  const wait = services.factors.resendWaitSeconds(target);
  if (wait > 0) {
    void vscode.window.showWarningMessage(`A code was sent to ${factorName} moments ago. Wait ${wait} more second${wait === 1 ? '' : 's'} `
      + `before resending (Okta allows one every ${resendCooldownSeconds(target.factor)} s).`);
    return;
  }
  // SMS and voice enrollments may use one of the org's SMS templates; Enter keeps the default text.
  const templateId = target.factor.factorType === 'email' ? '' : await vscode.window.showInputBox({
    title: `Resend a code to ${factorName}`,
    prompt: 'SMS template id (optional): Enter sends Okta\'s default message',
    placeHolder: 'cstk2flOtuCMDJK4b0g3',
    ignoreFocusOut: true,
    validateInput: (text) => (/^[\w-]*$/.test(text.trim()) ? undefined : 'A template id: letters, digits, "-" and "_" only.'),
  });
  if (templateId === undefined) return;
  try {
    const { cooldownSeconds } = await withCancellableProgress(`Sending a new code to ${factorName}…`,
      (signal) => services.factors.resend(target, { templateId: templateId.trim() || undefined }, signal));
    void vscode.window.showInformationMessage(
      `Sent a new code to ${factorName} for ${describeUser(target.user)}. Activate the factor with it; another code can be sent in ${cooldownSeconds} s.`);
  } finally {
    showCooldown(services.factors, target);
  }
}
