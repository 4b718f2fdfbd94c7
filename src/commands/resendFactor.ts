import * as vscode from 'vscode';
import { isCancellation } from '../okta/errors';
import type { ResendFactorRequest, UserFactor } from '../okta/models';
import type { Services } from '../services';
import { withCancellableProgress } from './cancellableProgress';
import { sendCooldownSeconds } from '../presentation/errorAdvice';
import { canResend, describeFactor, describeUser } from '../presentation/factorDescriptions';
import { factorKey } from '../presentation/factorKey';
import { resolveFactor } from './pickers';
import { RESEND_COOLDOWN_SECONDS, resendCooldowns } from '../presentation/resendCooldown';

/** The body Okta wants: the factor's own type, provider and profile (phone or email). */
function resendRequest(factor: UserFactor): ResendFactorRequest {
  return {
    factorType: factor.factorType as ResendFactorRequest['factorType'],
    provider: String(factor.provider),
    profile: factor.profile as Record<string, unknown> | undefined,
  };
}

/** A status-bar countdown until the next resend is possible; ends by itself. */
function showCooldown(key: string, factorName: string): void {
  void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Okta' }, async (progress) => {
    for (let left = resendCooldowns.remainingSeconds(key); left > 0; left = resendCooldowns.remainingSeconds(key)) {
      progress.report({ message: `next code for ${factorName} in ${left} s` });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });
}

/** okta.resendFactor: sends a new enrollment code for a pending sms/call/email factor. */
export async function resendFactor(services: Services, arg?: unknown): Promise<void> {
  const target = await resolveFactor(services, arg, canResend);
  if (!target) return;
  const { orgId, user, factor } = target;
  const factorName = describeFactor(factor);
  const key = factorKey(orgId, user.id, factor.id);
  const cooldown = RESEND_COOLDOWN_SECONDS[factor.factorType] ?? 30;
  const left = resendCooldowns.remainingSeconds(key);
  if (left > 0) {
    void vscode.window.showWarningMessage(
      `A code was sent to ${factorName} moments ago. Wait ${left} more second${left === 1 ? '' : 's'} before resending (Okta allows one every ${cooldown} s).`);
    return;
  }
  const client = await services.clientFor(orgId);
  try {
    await withCancellableProgress(`Sending a new code to ${factorName}…`,
      (signal) => client.resendEnrollFactor(user.id, factor.id, resendRequest(factor), { signal }));
  } catch (err) {
    // Okta's "sent moments ago" answer: remember its wait so the next try is refused locally. A
    // cancel may come after Okta sent the code, so it starts the usual cooldown too.
    const waitSeconds = sendCooldownSeconds(err) ?? (isCancellation(err) ? cooldown : undefined);
    if (waitSeconds) {
      resendCooldowns.start(key, waitSeconds);
      showCooldown(key, factorName);
    }
    throw err;
  }
  resendCooldowns.start(key, cooldown);
  showCooldown(key, factorName);
  void vscode.window.showInformationMessage(
    `Sent a new code to ${factorName} for ${describeUser(user)}. Activate the factor with it; another code can be sent in ${cooldown} s.`);
}
