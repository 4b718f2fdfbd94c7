// POST …/factors/{factorId}/lifecycle/activate (and …/activate/poll for push).
import { createHash } from 'node:crypto';
import type { SimContext } from '../context';
import { oktaErrors } from '../errors';
import { bodyObject, json, stringField, type ApiRequest, type ApiResponse } from '../http';
import type { SimFactor, SimUser } from '../model';
import { issueChallenge } from '../webauthn/challenges';
import { WebAuthnRefusal } from '../webauthn/refusal';
import { registerCredential, type Registration } from '../webauthn/registration';
import { recordActivationAttempt } from './activationLimit';
import { activate } from './create';
import { requireValidPasscode } from './passcode';
import { pushActivationResponse } from './pushActivation';
import { factorJson } from './serialize';

/** A refused attempt uses up the challenge; the pending factor shows a fresh one (GET …/factors/{id}). */
function registerWebauthn(ctx: SimContext, req: ApiRequest, user: SimUser, factor: SimFactor): Registration {
  try {
    return registerCredential(ctx, req, user, factor);
  } catch (error) {
    if (error instanceof WebAuthnRefusal) {
      ctx.store.webauthnChallenges.delete(factor.webChallenge ?? '');
      factor.webChallenge = issueChallenge(ctx.store, { ceremony: 'webauthn.create', userId: user.id, factorId: factor.id }, ctx.now());
    }
    throw error;
  }
}

const credentialIdFrom = (data: string): string => createHash('sha256').update(data).digest('base64url');

export function activateFactor(ctx: SimContext, req: ApiRequest, isPoll: boolean): ApiResponse {
  const user = ctx.store.requireUser(req.params.userId);
  const factor = ctx.store.requireFactor(user, req.params.factorId);
  if (factor.factorType === 'push') return pushActivationResponse(ctx, user, factor, !isPoll);
  // What Okta answers for an already active factor is unverified; the simulator says 400 E0000001.
  if (factor.status === 'ACTIVE' || isPoll) {
    throw oktaErrors.validation('factor', 'The factor is not pending activation.');
  }
  const body = bodyObject(req.body);
  const passCode = stringField(body, 'passCode');
  switch (factor.factorType) {
    case 'sms':
    case 'call':
    case 'email':
    case 'token:software:totp': {
      if (!passCode) throw oktaErrors.validation('factor', 'passCode: The field cannot be left blank.');
      recordActivationAttempt(ctx, factor);
      requireValidPasscode(ctx, factor, passCode);
      break;
    }
    case 'u2f': {
      const registrationData = stringField(body, 'registrationData');
      if (!registrationData || !stringField(body, 'clientData')) {
        throw oktaErrors.validation('factor', 'registrationData and clientData are required.');
      }
      factor.profile = { credentialId: credentialIdFrom(registrationData), version: 'U2F_V2' };
      break;
    }
    case 'webauthn': {
      const { credential, profile } = registerWebauthn(ctx, { ...req, body }, user, factor);
      factor.profile = profile;
      factor.secrets.webauthn = credential;
      break;
    }
    default:
      throw oktaErrors.validation('factor', 'The factor is not pending activation.');
  }
  activate(ctx, user, factor);
  return json(factorJson(ctx, user, factor));
}
