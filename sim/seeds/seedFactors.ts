// Ready-made factors of every kind and status for the seeds, with secrets the control API can reveal.
import type { SimContext } from '../context';
import { fidoChallenge, newFactor } from '../factors/create';
import { deliver, DEFAULT_CODE_LIFETIME_SECONDS } from '../factors/delivery';
import { MODHEX, yubikeySerial } from '../factors/hardwareTokens';
import { HOTP_PROFILES } from '../factors/hotpProfiles';
import { findKind } from '../factors/kinds';
import { newTotpSecret } from '../factors/otp';
import { SECURITY_QUESTIONS } from '../factors/questions';
import { createRng, digits, isoSeconds, seededToken, type Rng } from '../ids';
import type { FactorStatus, SimFactor, SimUser } from '../model';
import type { OrgStore } from '../store';
import { issueChallenge } from '../webauthn/challenges';

/** Every seeded security question has this answer. */
export const SEED_ANSWER = 'simulator';

export interface SeedClock {
  nowMs: number;
  pushTimeoutSeconds: number;
}

const deviceProfile = (user: SimUser): Record<string, unknown> => ({
  credentialId: user.profile.login,
  deviceType: 'SmartPhone_IPhone',
  name: `${user.profile.firstName ?? 'User'}'s iPhone`,
  platform: 'IOS',
  version: '17.4',
});

export function seedPhone(rng: Rng): string {
  return `+1-555-${digits(rng, 3)}-${digits(rng, 4)}`;
}

/**
 * Adds a factor of `factorType`/`provider` in `status` to the user. Pending sms/call/email get a
 * code in the outbox; pending push waits for a scan; `ctx` is only needed for those.
 */
export function seedFactor(
  store: OrgStore,
  user: SimUser,
  factorType: string,
  provider: string,
  status: FactorStatus,
  atMs: number,
  pending?: { ctx: SimContext; clock: SeedClock },
): SimFactor {
  const kind = findKind(factorType, provider);
  if (!kind) throw new Error(`No such factor kind: ${factorType}/${provider}`);
  const rng = store.rng;
  const factor = newFactor(store, kind, status, {}, atMs);
  const { profile } = user;
  switch (factorType) {
    case 'question': {
      const q = SECURITY_QUESTIONS[Math.floor(rng() * SECURITY_QUESTIONS.length)];
      factor.profile = { question: q.question, questionText: q.questionText };
      factor.secrets.answer = SEED_ANSWER;
      break;
    }
    case 'sms':
      factor.profile = { phoneNumber: profile.mobilePhone ?? seedPhone(rng) };
      break;
    case 'call':
      factor.profile = { phoneNumber: profile.mobilePhone ?? seedPhone(rng), phoneExtension: null };
      break;
    case 'email':
      factor.profile = { email: profile.email };
      break;
    case 'push':
      factor.secrets.qrToken = seededToken(rng, 42);
      if (status === 'ACTIVE') factor.profile = deviceProfile(user);
      break;
    case 'token:software:totp':
      factor.profile = { credentialId: profile.login };
      factor.secrets.totp = newTotpSecret(rng);
      factor.secrets.qrToken = seededToken(rng, 42);
      break;
    case 'token':
      factor.profile = { credentialId: provider === 'RSA' ? profile.login : `VSMT${digits(rng, 8)}` };
      break;
    case 'token:hardware': {
      let publicId = 'cccccc';
      while (publicId.length < 12) publicId += MODHEX[Math.floor(rng() * 16)];
      factor.profile = { credentialId: yubikeySerial(publicId) };
      factor.secrets.yubikeyPublicId = publicId;
      factor.secrets.usedOtps = new Set();
      break;
    }
    case 'token:hotp': {
      // Seeded Custom TOTP factors use the default (first) profile.
      const keyRng = createRng(Math.floor(rng() * 2 ** 32));
      factor.vendorName = HOTP_PROFILES[0].name;
      factor.factorProfileId = HOTP_PROFILES[0].id;
      factor.secrets.customTotp = { key: Uint8Array.from({ length: 20 }, () => Math.floor(keyRng() * 256)), lastUsedStep: -1 };
      break;
    }
    case 'u2f':
      if (status === 'ACTIVE') factor.profile = { credentialId: seededToken(rng, 86), version: 'U2F_V2' };
      else factor.webChallenge = fidoChallenge();
      break;
    case 'webauthn':
      // A seeded active credential has no key: it lists, but no assertion can verify against it.
      if (status === 'ACTIVE') factor.profile = { credentialId: seededToken(rng, 86), authenticatorName: 'YubiKey 5 NFC' };
      else factor.webChallenge = issueChallenge(store, { ceremony: 'webauthn.create', userId: user.id, factorId: factor.id }, pending?.clock.nowMs ?? atMs);
      break;
    case 'signed_nonce':
      factor.profile = {
        ...deviceProfile(user),
        keys: [{ kty: 'EC', use: 'sig', kid: 'default', jwkType: 'proofOfPossession', crv: 'P-256', x: seededToken(rng, 43), y: seededToken(rng, 43) }],
      };
      break;
  }
  if (status === 'ACTIVE' && typeof factor.profile.phoneNumber === 'string' && !user.recoveryPhone) {
    user.recoveryPhone = factor.profile.phoneNumber;
  }
  if (status === 'PENDING_ACTIVATION' && pending) seedPendingState(pending.ctx, pending.clock, user, factor);
  user.factors.push(factor);
  return factor;
}

/** A pending enrollment as if it had just been started: a code in the outbox, or a push waiting. */
function seedPendingState(ctx: SimContext, clock: SeedClock, user: SimUser, factor: SimFactor): void {
  if (factor.factorType === 'push') {
    factor.pushActivation = { state: 'WAITING', expiresAtMs: clock.nowMs + clock.pushTimeoutSeconds * 1000 };
    return;
  }
  if (!['sms', 'call', 'email'].includes(factor.factorType)) return;
  const code = digits(ctx.store.rng, 6);
  const expiresAtMs = clock.nowMs + DEFAULT_CODE_LIFETIME_SECONDS * 1000;
  factor.pendingCode = { code, expiresAtMs };
  deliver(ctx, {
    channel: factor.factorType as 'sms' | 'call' | 'email',
    to: String(factor.profile.phoneNumber ?? factor.profile.email),
    code,
    userId: user.id,
    factorId: factor.id,
    sentAt: isoSeconds(clock.nowMs),
    expiresAt: isoSeconds(expiresAtMs),
    purpose: 'enroll',
  });
}
