import * as vscode from 'vscode';
import type { OktaClient } from '../okta/client';
import type { Services } from '../services';
import { isNotFound } from '../presentation/errorAdvice';
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
  try {
    await withCancellableProgress(`Unenrolling ${factorName} from ${login}…`,
      (signal) => client.unenrollFactor(user.id, factor.id, { removeRecoveryEnrollment, signal }));
  } catch (err) {
    // Cancelled (or the answer lost) after the DELETE went out: the factor may be gone all the same.
    if (await isGone(client, user.id, factor.id)) await forgetSecrets(services, orgId, user.id, factor.id, factorName);
    throw err;
  } finally {
    services.tree.refreshUser(orgId, user.id);
  }
  await forgetSecrets(services, orgId, user.id, factor.id, factorName);
  const recovery = removeRecoveryEnrollment ? ' and removed the phone from recovery' : '';
  void vscode.window.showInformationMessage(`Unenrolled ${factorName} from ${login}${recovery}.`);
}

async function isGone(client: OktaClient, userId: string, factorId: string): Promise<boolean> {
  return client.getFactor(userId, factorId).then(() => false, isNotFound);
}

/**
 * The secret of a deleted TOTP or HOTP factor can never produce a valid code again. The factor is
 * gone whatever happens here, so a keychain failure is logged rather than reported as a failed unenroll.
 */
async function forgetSecrets(services: Services, orgId: string, userId: string, factorId: string, factorName: string): Promise<void> {
  const results = await Promise.allSettled([
    services.authenticator.forget(orgId, userId, factorId),
    services.hotpAuthenticator.forget(orgId, userId, factorId),
  ]);
  for (const result of results) {
    if (result.status === 'rejected') {
      const why = result.reason instanceof Error ? result.reason.message : String(result.reason);
      services.log.appendLine(`[error] ${factorName} was unenrolled, but the built-in authenticator could not forget its secret: ${why}`);
    }
  }
}
