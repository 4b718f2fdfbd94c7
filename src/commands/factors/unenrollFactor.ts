import vscode = require('vscode');
import { hasRecoveryPhone, isDeletable } from '../../factors/capabilities';
import type { CommandTarget } from '../../factors/targets';
import { describeFactor, describeUser } from '../../presentation/factorDescriptions';
import { withCancellableProgress } from '../cancellableProgress';
import type { CommandServices } from '../commandServices';
import { resolveFactor } from '../pickers';

const UNENROLL = 'Unenroll';
const UNENROLL_AND_RECOVERY = 'Unenroll and remove recovery phone';

/** What else goes away, so the confirmation is honest about it. */
function consequences(factorType: string): string {
  const base = 'The user will have to enroll it again to use it.';
  return factorType === 'push' || factorType === 'signed_nonce'
    ? `${base} Okta also removes the user's other Okta Verify factors (push, TOTP, FastPass).`
    : base;
}

/**
 * okta.unenrollFactor: after a modal confirmation naming the user and factor, deletes the factor;
 * for sms/call a second button also removes the phone as a recovery method.
 */
export async function unenrollFactor(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveFactor(services, selected, isDeletable);
  if (!target) return;
  const factorName = describeFactor(target.factor);
  const login = describeUser(target.user);
  const buttons = hasRecoveryPhone(target.factor) ? [UNENROLL, UNENROLL_AND_RECOVERY] : [UNENROLL];
  const choice = await vscode.window.showWarningMessage(
    `Unenroll ${factorName} from ${login}?`,
    { modal: true, detail: consequences(target.factor.factorType) },
    ...buttons,
  );
  if (!choice) return;
  const removeRecoveryEnrollment = choice === UNENROLL_AND_RECOVERY;
  await withCancellableProgress(`Unenrolling ${factorName} from ${login}…`,
    (signal) => services.factors.unenroll(target, { removeRecoveryEnrollment }, signal));
  const recovery = removeRecoveryEnrollment ? ' and removed the phone from recovery' : '';
  void vscode.window.showInformationMessage(`Unenrolled ${factorName} from ${login}${recovery}.`);
}
