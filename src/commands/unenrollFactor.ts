import * as vscode from 'vscode';
import type { Services } from '../services';
import { withCancellableProgress } from './cancellableProgress';
import { describeFactor, describeUser, hasRecoveryPhone, isDeletable } from '../presentation/factorDescriptions';
import { resolveFactor } from './pickers';

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
export async function unenrollFactor(services: Services, arg?: unknown): Promise<void> {
  const target = await resolveFactor(services, arg, isDeletable);
  if (!target) return;
  const { orgId, user, factor } = target;
  const factorName = describeFactor(factor);
  const login = describeUser(user);
  const buttons = hasRecoveryPhone(factor) ? [UNENROLL, UNENROLL_AND_RECOVERY] : [UNENROLL];
  const choice = await vscode.window.showWarningMessage(
    `Unenroll ${factorName} from ${login}?`,
    { modal: true, detail: consequences(factor.factorType) },
    ...buttons,
  );
  if (!choice) return;
  const removeRecoveryEnrollment = choice === UNENROLL_AND_RECOVERY;
  const client = await services.clientFor(orgId);
  await withCancellableProgress(`Unenrolling ${factorName} from ${login}…`,
    (signal) => client.unenrollFactor(user.id, factor.id, { removeRecoveryEnrollment, signal }));
  // The secret of a deleted TOTP or HOTP factor can never produce a valid code again.
  await Promise.all([
    services.authenticator.forget(orgId, user.id, factor.id),
    services.hotpAuthenticator.forget(orgId, user.id, factor.id),
  ]);
  services.tree.refreshUser(orgId, user.id);
  const recovery = removeRecoveryEnrollment ? ' and removed the phone from recovery' : '';
  void vscode.window.showInformationMessage(`Unenrolled ${factorName} from ${login}${recovery}.`);
}
