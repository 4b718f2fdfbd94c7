// The user lifecycle: POST /api/v1/users/{id}/lifecycle/{activate|deactivate|suspend|unsuspend|
// unlock|reset_factors} and DELETE /api/v1/users/{id}, as Okta's contract and its old Users reference
// describe them, with the answers recorded by Okta's Python SDK (2020 and 2025): activate with
// `sendEmail=false` answers the activation token, deactivate, suspend and unsuspend `{}`, DELETE 204.
// Each change is logged (user.lifecycle.*, user.account.unlock_by_admin, user.mfa.factor.reset_all).
import type { SimContext } from '../context';
import { oktaErrors } from '../errors';
import { json, noContent, type ApiRequest, type ApiResponse } from '../http';
import { isoSeconds, randomToken } from '../ids';
import { logFactorsReset, logUserChange } from '../logs/events';
import type { SimUser, UserStatus } from '../model';
import type { Router } from '../router';
import { addPrimaryEmailFactor, factorsToReset } from './identityEngineFactors';

const USER = '/api/v1/users/:userId';

export function addLifecycleRoutes(router: Router, ctx: SimContext): void {
  router
    .add('POST', `${USER}/lifecycle/activate`, (req) => activateUser(ctx, req))
    .add('POST', `${USER}/lifecycle/deactivate`, (req) => deactivateUser(ctx, req))
    .add('POST', `${USER}/lifecycle/suspend`, (req) => changeStatus(ctx, req, 'ACTIVE', 'SUSPENDED', 'suspend'))
    .add('POST', `${USER}/lifecycle/unsuspend`, (req) => changeStatus(ctx, req, 'SUSPENDED', 'ACTIVE', 'unsuspend'))
    .add('POST', `${USER}/lifecycle/unlock`, (req) => unlockUser(ctx, req))
    .add('POST', `${USER}/lifecycle/reset_factors`, (req) => resetFactors(ctx, req))
    .add('DELETE', USER, (req) => deleteUser(ctx, req));
}

function moveTo(ctx: SimContext, user: SimUser, status: UserStatus): string {
  const now = isoSeconds(ctx.now());
  user.status = status;
  user.statusChanged = now;
  user.lastUpdated = now;
  return now;
}

/**
 * The token's own admin cannot be deactivated, suspended or deleted here: in Okta that would end the
 * token itself, which the simulator does not model (a guess at the answer: 403 E0000006).
 */
function requireOtherThanOwner(ctx: SimContext, user: SimUser): void {
  if (user.id === ctx.store.ownerId) throw oktaErrors.forbidden();
}

/**
 * STAGED or DEPROVISIONED only (the contract): ACTIVE with a password, else PROVISIONED (the welcome
 * flow is left to do). An ACTIVE user: 403 E0000016; any other status 403 E0000038, as recorded for
 * reactivate on a STAGED user. `sendEmail=false` answers the token and its link, which the contract
 * (`UserActivationToken`) gives as `/tokens/{token}/verify` on Identity Engine, `/welcome/{token}` on Classic.
 */
function activateUser(ctx: SimContext, req: ApiRequest): ApiResponse {
  const user = ctx.store.requireUser(req.params.userId);
  if (user.status === 'ACTIVE') throw oktaErrors.userAlreadyActive();
  if (user.status !== 'STAGED' && user.status !== 'DEPROVISIONED') throw oktaErrors.userStatusForbids();
  user.activated = moveTo(ctx, user, user.passwordChanged !== null ? 'ACTIVE' : 'PROVISIONED');
  logUserChange(ctx, user, 'activate');
  addPrimaryEmailFactor(ctx, user);
  if (req.query.get('sendEmail') !== 'false') return json({});
  const activationToken = randomToken(20);
  const path = ctx.engine === 'identity' ? `/tokens/${activationToken}/verify` : `/welcome/${activationToken}`;
  return json({ activationUrl: `${ctx.baseUrl}${path}`, activationToken });
}

/** `sendEmail` (mail to the admin) is accepted and has no effect: the outbox is the users'. */
function deactivate(ctx: SimContext, user: SimUser): void {
  moveTo(ctx, user, 'DEPROVISIONED');
  logUserChange(ctx, user, 'deactivate');
}

/** Deactivating a DEPROVISIONED user answers 404 E0000007 (User), as an IAM integration reports. */
function deactivateUser(ctx: SimContext, req: ApiRequest): ApiResponse {
  const user = ctx.store.requireUser(req.params.userId);
  requireOtherThanOwner(ctx, user);
  if (user.status === 'DEPROVISIONED') throw oktaErrors.notFound(req.params.userId, 'User');
  deactivate(ctx, user);
  return json({});
}

/** Suspend (ACTIVE only) and unsuspend (SUSPENDED only); another status: 400 E0000001 (old reference). */
function changeStatus(ctx: SimContext, req: ApiRequest, from: UserStatus, to: UserStatus, change: 'suspend' | 'unsuspend'): ApiResponse {
  const user = ctx.store.requireUser(req.params.userId);
  if (change === 'suspend') requireOtherThanOwner(ctx, user);
  if (user.status !== from) throw oktaErrors.validation('user', `status: Only a user with status ${from} can be ${change}ed.`);
  moveTo(ctx, user, to);
  logUserChange(ctx, user, change);
  return json({});
}

/**
 * LOCKED_OUT -> ACTIVE; any other status answers 403 E0000032 (recorded 2025 on an ACTIVE user by
 * Okta's Python SDK). The contract declares the 200 without a body, and none is sent.
 */
function unlockUser(ctx: SimContext, req: ApiRequest): ApiResponse {
  const user = ctx.store.requireUser(req.params.userId);
  if (user.status !== 'LOCKED_OUT') throw oktaErrors.unlockNotAllowed();
  moveTo(ctx, user, 'ACTIVE');
  logUserChange(ctx, user, 'unlock');
  return { status: 200 };
}

function resetFactors(ctx: SimContext, req: ApiRequest): ApiResponse {
  const user = ctx.store.requireUser(req.params.userId);
  for (const factor of factorsToReset(ctx, user)) ctx.store.removeFactor(user, factor);
  logFactorsReset(ctx, user);
  return json({});
}

/** The first DELETE of a user who is not DEPROVISIONED deactivates them; the second deletes them. */
function deleteUser(ctx: SimContext, req: ApiRequest): ApiResponse {
  const user = ctx.store.requireUser(req.params.userId);
  requireOtherThanOwner(ctx, user);
  if (user.status !== 'DEPROVISIONED') {
    deactivate(ctx, user);
    return noContent();
  }
  ctx.store.removeUser(user);
  logUserChange(ctx, user, 'delete');
  return noContent();
}
