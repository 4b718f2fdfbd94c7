// POST …/factors/{factorId}/verify: challenges and checks per factor type.
import { factorUrl, link, type SimContext } from '../context';
import { OktaError, oktaErrors } from '../errors';
import { acceptLanguage, bodyObject, json, stringField, type ApiRequest, type ApiResponse } from '../http';
import { logVerification } from '../logs/events';
import type { SimFactor, SimUser } from '../model';
import { fidoChallenge } from './create';
import { lifetimeSeconds, sendCode } from './delivery';
import { isAcceptedTokenPasscode, isYubikeyOtp, yubikeyPublicId } from './hardwareTokens';
import { checkCustomTotp } from './customTotp';
import { requireHotpProfile } from './hotpProfiles';
import { markVerified } from './lastVerified';
import { requireValidPasscode } from './passcode';
import { startPushVerify } from './pushTransactions';
import { factorJson } from './serialize';
import { verifyAssertion } from '../webauthn/assertion';
import { issueChallenge } from '../webauthn/challenges';

const SUCCESS = { factorResult: 'SUCCESS' };

/**
 * The log's reason for a refused answer: INVALID_CREDENTIALS for a wrong code, answer or signature
 * (recorded); VERIFICATION_ERROR for a replayed code (a guess). Malformed requests are not logged.
 */
const FAILURE_REASONS: Record<string, string> = { E0000068: 'INVALID_CREDENTIALS', E0000082: 'VERIFICATION_ERROR' };

export function verifyFactor(ctx: SimContext, req: ApiRequest): ApiResponse {
  const user = ctx.store.requireUser(req.params.userId);
  const factor = ctx.store.requireFactor(user, req.params.factorId);
  // Verifying a factor that is not active: unverified in the sources; the catalogue's E0000154 fits.
  if (factor.status !== 'ACTIVE') throw oktaErrors.factorNotActive();
  let response: ApiResponse;
  try {
    response = verifyActive(ctx, req, user, factor);
  } catch (error) {
    const reason = error instanceof OktaError ? FAILURE_REASONS[error.errorCode] : undefined;
    if (reason) logVerification(ctx, user, factor, reason);
    throw error;
  }
  // A challenge (a code sent, a WebAuthn challenge) or a push WAITING is not a verification yet.
  if ((response.body as { factorResult?: string } | undefined)?.factorResult === 'SUCCESS') {
    markVerified(ctx, factor);
    logVerification(ctx, user, factor);
  }
  return response;
}

function verifyActive(ctx: SimContext, req: ApiRequest, user: SimUser, factor: SimFactor): ApiResponse {
  const body = bodyObject(req.body);
  const passCode = stringField(body, 'passCode');
  switch (factor.factorType) {
    case 'sms':
    case 'call':
    case 'email':
      if (passCode === undefined) return challengeOtp(ctx, req, user, factor);
      requireValidPasscode(ctx, factor, passCode);
      return json(SUCCESS);
    case 'question': {
      const answer = stringField(body, 'answer');
      const expected = factor.secrets.answer ?? '';
      if (!answer || answer.trim().toLowerCase() !== expected.trim().toLowerCase()) throw oktaErrors.wrongAnswer();
      return json(SUCCESS);
    }
    case 'token:software:totp':
      requireValidPasscode(ctx, factor, requirePasscode(passCode));
      return json(SUCCESS);
    case 'token':
      if (!isAcceptedTokenPasscode(requirePasscode(passCode))) throw oktaErrors.wrongPasscode();
      return json(SUCCESS);
    case 'token:hardware':
      return json(verifyYubikey(factor, requirePasscode(passCode)));
    case 'token:hotp':
      verifyCustomTotp(ctx, factor, requirePasscode(passCode));
      return json(SUCCESS);
    case 'push':
      return startPushVerify(ctx, req, user, factor);
    case 'u2f':
      return verifyU2f(ctx, user, factor, body);
    case 'webauthn':
      return verifyWebauthn(ctx, req, user, factor, body);
    default:
      throw oktaErrors.validation('factor', 'This factor cannot be verified through this API.');
  }
}

function requirePasscode(passCode: string | undefined): string {
  if (!passCode) throw oktaErrors.validation('verifyRequest', 'passCode: The field cannot be left blank.');
  return passCode;
}

function verifyLinks(ctx: SimContext, user: SimUser, factor: SimFactor): Record<string, unknown> {
  const self = factorUrl(ctx, user.id, factor.id);
  return { verify: link(`${self}/verify`, ['POST']), factor: link(self, ['GET', 'DELETE']) };
}

function challengeOtp(ctx: SimContext, req: ApiRequest, user: SimUser, factor: SimFactor): ApiResponse {
  sendCode(ctx, user, factor, {
    purpose: 'verify',
    lifetimeSeconds: lifetimeSeconds(req.query.get('tokenLifetimeSeconds')),
    templateId: req.query.get('templateId') ?? undefined,
    locale: acceptLanguage(req),
  });
  // Email challenges carry no profile in Okta's examples; sms/call echo the phone (no null extension).
  const phone = Object.fromEntries(Object.entries(factor.profile).filter(([, v]) => v !== null));
  const profile = factor.factorType === 'email' ? {} : { profile: phone };
  return json({ factorResult: 'CHALLENGE', ...profile, _links: verifyLinks(ctx, user, factor) });
}

/** A valid code outside the drift window is just a wrong code (E0000068); a reused step is a replay. */
function verifyCustomTotp(ctx: SimContext, factor: SimFactor, passCode: string): void {
  const { settings } = requireHotpProfile(factor.factorProfileId!);
  const result = checkCustomTotp(factor.secrets.customTotp!, settings, passCode, ctx.now());
  if (result === 'replayed') throw oktaErrors.passcodeReplayed();
  if (result === 'wrong') throw oktaErrors.wrongPasscode();
}

function verifyYubikey(factor: SimFactor, otp: string): typeof SUCCESS {
  const used = (factor.secrets.usedOtps ??= new Set());
  if (!isYubikeyOtp(otp) || yubikeyPublicId(otp) !== factor.secrets.yubikeyPublicId) throw oktaErrors.wrongPasscode();
  if (used.has(otp)) throw oktaErrors.passcodeReplayed();
  used.add(otp);
  return SUCCESS;
}

/** U2F: no body -> CHALLENGE with a nonce; a signed answer -> SUCCESS (signatures are not checked). */
function verifyU2f(ctx: SimContext, user: SimUser, factor: SimFactor, body: Record<string, unknown>): ApiResponse {
  if (stringField(body, 'clientData') && stringField(body, 'signatureData')) return json({ ...SUCCESS, profile: factor.profile });
  if (Object.keys(body).length > 0) throw oktaErrors.validation('verifyRequest', 'clientData and signatureData are required.');
  const challenge = { nonce: fidoChallenge(), timeoutSeconds: 20 };
  return json({ factorResult: 'CHALLENGE', profile: factor.profile, _links: verifyLinks(ctx, user, factor), _embedded: { challenge } });
}

/**
 * WebAuthn: no body -> CHALLENGE for any of the user's credentials, with `userVerification` and the
 * `enrolledFactors` real traffic shows ([LEDGER]); an assertion -> checked (webauthn/assertion.ts).
 */
function verifyWebauthn(ctx: SimContext, req: ApiRequest, user: SimUser, factor: SimFactor, body: Record<string, unknown>): ApiResponse {
  if (Object.keys(body).length > 0) {
    verifyAssertion(ctx, req.headers, user, factor, body);
    return json({ ...SUCCESS, profile: factor.profile });
  }
  const challenge = { challenge: issueChallenge(ctx.store, { ceremony: 'webauthn.get', userId: user.id }, ctx.now()), userVerification: 'preferred', extensions: {} };
  const enrolledFactors = user.factors
    .filter((f) => f.factorType === 'webauthn' && f.status === 'ACTIVE')
    .map((f) => factorJson(ctx, user, f));
  return json({ factorResult: 'CHALLENGE', profile: factor.profile, _links: verifyLinks(ctx, user, factor), _embedded: { challenge, enrolledFactors } });
}
