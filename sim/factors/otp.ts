// Real RFC 6238 checking of Okta Verify and Google Authenticator TOTP through otplib: accepts the
// previous, current and next time step and refuses a step that was already used. (Custom TOTP,
// checked under its profile, is in customTotp.ts.)
import { generateSync, verifySync } from 'otplib';
import type { FactorSecrets } from '../model';
import type { Rng } from '../ids';

type TotpSecret = NonNullable<FactorSecrets['totp']>;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 32 base32 characters = 20 bytes, the size authenticator apps expect. */
export function newTotpSecret(rng: Rng): TotpSecret {
  let sharedSecret = '';
  for (let i = 0; i < 32; i++) sharedSecret += BASE32[Math.floor(rng() * 32)];
  return { sharedSecret, timeStep: 30, digits: 6, lastUsedStep: -1 };
}

export function currentTotp(totp: TotpSecret, nowMs: number): string {
  return generateSync({ secret: totp.sharedSecret, period: totp.timeStep, digits: totp.digits, epoch: nowMs / 1000 });
}

export function checkTotp(totp: TotpSecret, passCode: string, nowMs: number): 'ok' | 'replayed' | 'wrong' {
  if (!/^\d+$/.test(passCode) || passCode.length !== totp.digits) return 'wrong';
  const result = verifySync({
    secret: totp.sharedSecret,
    token: passCode,
    period: totp.timeStep,
    digits: totp.digits,
    epoch: nowMs / 1000,
    epochTolerance: totp.timeStep,
  });
  if (!result.valid) return 'wrong';
  const step = Math.floor(nowMs / 1000 / totp.timeStep) + result.delta;
  if (step <= totp.lastUsedStep) return 'replayed';
  totp.lastUsedStep = step;
  return 'ok';
}
