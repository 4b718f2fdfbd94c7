// POST …/factors/{factorId}/resend: a new enrollment code for a pending sms/call/email factor.
import type { SimContext } from '../context';
import { oktaErrors } from '../errors';
import { acceptLanguage, bodyObject, json, type ApiRequest, type ApiResponse } from '../http';
import { assertActivationAllowed } from './activationLimit';
import { sendCode } from './delivery';
import { factorJson } from './serialize';

export function resendFactor(ctx: SimContext, req: ApiRequest): ApiResponse {
  const user = ctx.store.requireUser(req.params.userId);
  const factor = ctx.store.requireFactor(user, req.params.factorId);
  if (!['sms', 'call', 'email'].includes(factor.factorType) || factor.status !== 'PENDING_ACTIVATION') {
    throw oktaErrors.validation('resendUserFactor', 'Resend is only possible for sms, call and email factors pending activation.');
  }
  // The contract does not require factorType (Okta's Node SDK sends `{}`): missing means the factor's
  // own type; a different one is refused.
  const factorType = bodyObject(req.body).factorType ?? factor.factorType;
  if (factorType !== factor.factorType) {
    throw oktaErrors.validation('resendUserFactor', `factorType: must be "${factor.factorType}".`);
  }
  // After the activation limit is hit, resend is refused too.
  assertActivationAllowed(ctx, factor);
  sendCode(ctx, user, factor, {
    purpose: 'resend',
    templateId: req.query.get('templateId') ?? undefined,
    locale: acceptLanguage(req),
  });
  return json(factorJson(ctx, user, factor));
}
