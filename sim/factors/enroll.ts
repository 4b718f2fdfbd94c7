// POST /api/v1/users/{userId}/factors: validation, the enrollment policy, the one-per-type and
// one-Okta-Verify rules, and a builder per type.
import type { SimContext } from '../context';
import { OktaError, oktaErrors } from '../errors';
import { acceptLanguage, bodyObject, json, queryFlag, stringField, type ApiRequest, type ApiResponse } from '../http';
import { randomToken } from '../ids';
import type { SimFactor, SimUser } from '../model';
import { activate, addFactor, fidoChallenge, newFactor, touch } from './create';
import { lifetimeSeconds, sendCode } from './delivery';
import { offeredKind } from './enrollmentPolicy';
import { isAcceptedTokenPasscode, isYubikeyOtp, yubikeyPublicId, yubikeySerial } from './hardwareTokens';
import { findHotpProfile } from './hotpProfiles';
import { AUTO_ACTIVATABLE, KNOWN_PROVIDERS, findKind, type FactorKind } from './kinds';
import { refuseSecondOktaVerify } from './oktaVerify';
import { newTotpSecret } from './otp';
import { acceptedPhoneNumber } from './phoneNumbers';
import { startPushActivation } from './pushActivation';
import { decodeSecret } from './secretEncoding';
import { factorJson } from './serialize';
import { MIN_ANSWER_LENGTH, questionText } from './questions';
import { issueChallenge } from '../webauthn/challenges';

interface EnrollOptions {
  activate: boolean;
  updatePhone: boolean;
  templateId?: string;
  lifetimeSeconds?: number;
  locale?: string;
}

interface EnrollInput {
  ctx: SimContext;
  user: SimUser;
  kind: FactorKind;
  body: Record<string, unknown>;
  profile: Record<string, unknown>;
  options: EnrollOptions;
}

/**
 * A user may hold several passkeys: Okta's challenges list them all (`enrolledFactors`) and its
 * creation options exclude the active ones. The other types are one per user.
 */
const SEVERAL_PER_USER = new Set(['webauthn']);

const invalid = (...causes: string[]): OktaError => oktaErrors.validation('factorEnrollRequest', ...causes);
const blank = (field: string): OktaError => invalid(`${field}: The field cannot be left blank.`);

export function enrollFactor(ctx: SimContext, req: ApiRequest): ApiResponse {
  const user = ctx.store.requireUser(req.params.userId);
  const body = bodyObject(req.body);
  const factorType = stringField(body, 'factorType');
  const provider = stringField(body, 'provider');
  if (!factorType) throw blank('factorType');
  if (!provider) throw blank('provider');
  if (!KNOWN_PROVIDERS.has(provider)) throw invalid('Invalid Provider.');
  const kind = findKind(factorType, provider);
  if (!kind || !offeredKind(ctx, kind)) throw invalid('Factor not enabled.');
  const options: EnrollOptions = {
    activate: queryFlag(req.query, 'activate') && AUTO_ACTIVATABLE.has(factorType),
    updatePhone: queryFlag(req.query, 'updatePhone'),
    templateId: req.query.get('templateId') ?? undefined,
    lifetimeSeconds: lifetimeSeconds(req.query.get('tokenLifetimeSeconds')),
    locale: acceptLanguage(req),
  };
  const input: EnrollInput = { ctx, user, kind, body, profile: bodyObject(body.profile), options };

  const existing = !SEVERAL_PER_USER.has(factorType) && user.factors.find((f) => f.factorType === factorType && f.provider === provider);
  if (existing) return json(factorJson(ctx, user, reenroll(input, existing)));
  refuseSecondOktaVerify(ctx, user, kind);

  const factor = BUILDERS[factorType](input);
  addFactor(ctx, user, factor);
  return json(factorJson(ctx, user, factor));
}

/** One factor per type/provider; only a pending phone may be replaced, with `updatePhone=true`. */
function reenroll(input: EnrollInput, existing: SimFactor): SimFactor {
  const { factorType } = input.kind;
  const isPhone = factorType === 'sms' || factorType === 'call';
  if (isPhone && existing.status === 'PENDING_ACTIVATION' && input.options.updatePhone) {
    const previous = existing.profile;
    existing.profile = phoneProfile(input);
    try {
      deliverOrActivate(input, existing);
    } catch (error) {
      existing.profile = previous;
      throw error;
    }
    touch(input.ctx, existing);
    return existing;
  }
  throw invalid(factorType === 'sms' ? 'There is an existing verified phone number.' : 'A factor of this type is already set up.');
}

function pending(input: EnrollInput, profile: Record<string, unknown>): SimFactor {
  return newFactor(input.ctx.store, input.kind, 'PENDING_ACTIVATION', profile, input.ctx.now());
}

function active(input: EnrollInput, profile: Record<string, unknown>): SimFactor {
  return newFactor(input.ctx.store, input.kind, 'ACTIVE', profile, input.ctx.now());
}

/** `activate=true` skips the activation step (and sends nothing); otherwise a code goes out. */
function deliverOrActivate(input: EnrollInput, factor: SimFactor): void {
  if (input.options.activate) {
    activate(input.ctx, input.user, factor);
    return;
  }
  sendCode(input.ctx, input.user, factor, {
    purpose: 'enroll',
    lifetimeSeconds: input.options.lifetimeSeconds,
    templateId: input.options.templateId,
    locale: input.options.locale,
  });
}

function phoneProfile(input: EnrollInput): Record<string, unknown> {
  const given = stringField(input.profile, 'phoneNumber') ?? input.user.profile.mobilePhone ?? undefined;
  if (!given) throw blank('phoneNumber');
  const phoneNumber = acceptedPhoneNumber(given);
  if (!phoneNumber) throw oktaErrors.invalidPhone();
  if (input.kind.factorType !== 'call') return { phoneNumber };
  const extension = input.profile.phoneExtension;
  if (extension !== undefined && extension !== null && extension !== '' && !/^\d{1,15}$/.test(String(extension))) {
    throw oktaErrors.invalidExtension();
  }
  return { phoneNumber, phoneExtension: extension ? String(extension) : null };
}

function tokenPasscode(input: EnrollInput): string {
  const passCode = stringField(bodyObject(input.body.verify), 'passCode');
  if (!passCode) throw blank('verify.passCode');
  return passCode;
}

const BUILDERS: Record<string, (input: EnrollInput) => SimFactor> = {
  question(input) {
    const question = stringField(input.profile, 'question');
    const answer = stringField(input.profile, 'answer');
    if (!question) throw blank('question');
    const text = questionText(question);
    if (!text) throw invalid('question: The security question is not valid.');
    if (!answer || answer.trim().length < MIN_ANSWER_LENGTH) {
      throw invalid(`answer: The security question answer must be at least ${MIN_ANSWER_LENGTH} characters in length`);
    }
    const factor = active(input, { question, questionText: text });
    factor.secrets.answer = answer;
    return factor;
  },

  sms(input) {
    const factor = pending(input, phoneProfile(input));
    deliverOrActivate(input, factor);
    return factor;
  },

  call(input) {
    const factor = pending(input, phoneProfile(input));
    deliverOrActivate(input, factor);
    return factor;
  },

  email(input) {
    const email = stringField(input.profile, 'email') ?? input.user.profile.email;
    const own = [input.user.profile.email, input.user.profile.secondEmail].filter(Boolean).map((e) => e!.toLowerCase());
    if (!own.includes(email.toLowerCase())) {
      throw invalid("email: The email address must be the user's primary or secondary email.");
    }
    const factor = pending(input, { email });
    deliverOrActivate(input, factor);
    return factor;
  },

  push(input) {
    const factor = pending(input, {});
    factor.secrets.qrToken = randomToken(42);
    startPushActivation(input.ctx, input.user, factor);
    return factor;
  },

  'token:software:totp'(input) {
    const factor = pending(input, { credentialId: input.user.profile.login });
    factor.secrets.totp = newTotpSecret(input.ctx.store.rng);
    factor.secrets.qrToken = randomToken(42);
    return factor;
  },

  token(input) {
    const credentialId = stringField(input.profile, 'credentialId');
    if (!credentialId) throw blank('credentialId');
    if (!isAcceptedTokenPasscode(tokenPasscode(input))) throw oktaErrors.wrongPasscode();
    return active(input, { credentialId });
  },

  'token:hardware'(input) {
    const otp = tokenPasscode(input);
    if (!isYubikeyOtp(otp)) throw oktaErrors.wrongPasscode();
    const publicId = yubikeyPublicId(otp);
    const factor = active(input, { credentialId: yubikeySerial(publicId) });
    factor.secrets.yubikeyPublicId = publicId;
    factor.secrets.usedOtps = new Set([otp]);
    return factor;
  },

  /** Custom TOTP: the secret is written in the profile's encoding and decoded by it, never guessed. */
  'token:hotp'(input) {
    const factorProfileId = stringField(input.body, 'factorProfileId');
    if (!factorProfileId) throw blank('factorProfileId');
    const factorProfile = findHotpProfile(factorProfileId);
    if (!factorProfile) throw invalid('factorProfileId: Invalid Factor Profile Id.');
    const secretText = stringField(input.profile, 'sharedSecret');
    if (!secretText) throw blank('sharedSecret');
    const key = decodeSecret(secretText, factorProfile.settings.encoding);
    if (!key) throw invalid(`sharedSecret: The shared secret must be ${factorProfile.settings.encoding} (the factor profile's encoding).`);
    if (!input.options.activate) throw invalid('Only auto-activation (activate=true) is supported for this factor.');
    const factor = active(input, {});
    factor.vendorName = factorProfile.name;
    factor.factorProfileId = factorProfileId;
    factor.secrets.customTotp = { key, lastUsedStep: -1 };
    return factor;
  },

  u2f(input) {
    const factor = pending(input, {});
    factor.webChallenge = fidoChallenge();
    return factor;
  },

  webauthn(input) {
    const factor = pending(input, {});
    factor.webChallenge = issueChallenge(input.ctx.store, { ceremony: 'webauthn.create', userId: input.user.id, factorId: factor.id }, input.ctx.now());
    return factor;
  },
};
