// /sim/signin: the sign-in page and its two calls. Both go through the Factors API's own verify
// code (factors/verify.ts), so the page signs in exactly when the API would verify. The request guard
// lets these paths take requests from the page itself (same origin) and from no other page.
import type { SimContext } from '../context';
import { OktaError } from '../errors';
import { bodyObject, json, stringField, type ApiRequest, type ApiResponse } from '../http';
import type { SimFactor, SimUser } from '../model';
import type { Router } from '../router';
import { verifyFactor } from '../factors/verify';
import { WebAuthnRefusal } from '../webauthn/refusal';
import { SIGN_IN_PAGE } from './page';

export const SIGN_IN_PATH = '/sim/signin';

const activeOf = (user: SimUser, factorType: string): SimFactor[] =>
  user.factors.filter((f) => f.factorType === factorType && f.status === 'ACTIVE');

function refused(reason: string, status = 400): ApiResponse {
  return json({ signedIn: false, reason }, status);
}

function verifyWith(ctx: SimContext, req: ApiRequest, user: SimUser, factor: SimFactor, body: Record<string, unknown>): ApiResponse {
  const verifyReq = { ...req, params: { userId: user.id, factorId: factor.id }, body };
  return verifyFactor(ctx, verifyReq);
}

/** The verify answer, or the refusal's reason (WebAuthn refusals name the failed check). */
function attempt(run: () => ApiResponse): ApiResponse {
  try {
    return run();
  } catch (error) {
    if (error instanceof WebAuthnRefusal) return refused(error.reason, error.status);
    if (error instanceof OktaError) return refused([error.errorSummary, ...error.causes].join(' '), error.status);
    throw error;
  }
}

/** The parts of a webauthn CHALLENGE answer (factors/verify.ts) the page needs. */
interface WebauthnChallengeAnswer {
  _embedded: {
    challenge: { challenge: string; userVerification: string };
    enrolledFactors: { profile: { credentialId?: string } }[];
  };
}

function challenge(ctx: SimContext, req: ApiRequest): ApiResponse {
  // Inside attempt: an unknown login is a refusal with Okta's 404 summary, like the others.
  return attempt(() => {
    const user = ctx.store.requireUser(stringField(bodyObject(req.body), 'login') ?? '');
    const [factor] = activeOf(user, 'webauthn');
    if (!factor) return refused(`${user.profile.login} has no active webauthn factor.`);
    const { _embedded } = verifyWith(ctx, req, user, factor, {}).body as WebauthnChallengeAnswer;
    return json({
      challenge: _embedded.challenge.challenge,
      userVerification: _embedded.challenge.userVerification,
      credentialIds: _embedded.enrolledFactors.map((f) => f.profile.credentialId),
    });
  });
}

function signIn(ctx: SimContext, req: ApiRequest): ApiResponse {
  // Inside attempt: an unknown login is a refusal with Okta's 404 summary, like the others.
  return attempt(() => signInAs(ctx, req, bodyObject(req.body)));
}

function signInAs(ctx: SimContext, req: ApiRequest, body: Record<string, unknown>): ApiResponse {
  const user = ctx.store.requireUser(stringField(body, 'login') ?? '');
  const passCode = stringField(body, 'passCode');
  const signedIn = json({ signedIn: true, login: user.profile.login });
  if (passCode !== undefined) {
    const totps = activeOf(user, 'token:software:totp');
    if (totps.length === 0) return refused(`${user.profile.login} has no active TOTP factor.`);
    // Okta Verify and Google TOTP may both be enrolled: the code may be for either.
    const answers: ApiResponse[] = [];
    for (const factor of totps) {
      answers.push(attempt(() => verifyWith(ctx, req, user, factor, { passCode })));
      if (answers.at(-1)!.status === 200) return signedIn;
    }
    return answers[0];
  }
  const factor = activeOf(user, 'webauthn').find((f) => f.profile.credentialId === stringField(body, 'credentialId'));
  if (!factor) return refused('The credential is not one of this user\'s active webauthn factors.', 403);
  const { clientData, authenticatorData, signatureData } = body;
  const answer = attempt(() => verifyWith(ctx, req, user, factor, { clientData, authenticatorData, signatureData }));
  return answer.status === 200 ? signedIn : answer;
}

export function addSignInRoutes(router: Router, ctx: SimContext): Router {
  return router
    .add('GET', SIGN_IN_PATH, () => ({
      status: 200,
      raw: { data: Buffer.from(SIGN_IN_PAGE), contentType: 'text/html; charset=utf-8' },
      headers: { 'Content-Security-Policy': "default-src 'none'; script-src 'unsafe-inline'; connect-src 'self'" },
    }))
    .add('POST', `${SIGN_IN_PATH}/challenge`, (req) => challenge(ctx, req))
    .add('POST', `${SIGN_IN_PATH}/verify`, (req) => signIn(ctx, req));
}
