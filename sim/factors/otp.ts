// Real RFC 6238 (TOTP) and RFC 4226 (HOTP) checking through otplib. TOTP accepts the previous,
// current and next time step and refuses a step that was already used; HOTP looks ahead a few
// counter values and moves the counter past the one that matched.
import { createGuardrails, generateSync, verifySync } from 'otplib';
import type { FactorSecrets } from '../model';
import type { Rng } from '../ids';

type TotpSecret = NonNullable<FactorSecrets['totp']>;
type HotpSecret = NonNullable<FactorSecrets['hotp']>;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HOTP_LOOK_AHEAD = 10;
/** Customer-supplied HOTP secrets can be shorter than otplib's 16-byte default minimum. */
const LENIENT = createGuardrails({ MIN_SECRET_BYTES: 1 });

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

/** Custom HOTP secrets arrive as hex (Okta's example) or base32. */
export function decodeHotpSecret(input: string): Uint8Array | undefined {
  const trimmed = input.trim();
  if (/^([0-9a-fA-F]{2})+$/.test(trimmed)) return new Uint8Array(Buffer.from(trimmed, 'hex'));
  const base32 = trimmed.toUpperCase().replace(/=+$/, '');
  if (!/^[A-Z2-7]+$/.test(base32)) return undefined;
  let bits = '';
  for (const ch of base32) bits += BASE32.indexOf(ch).toString(2).padStart(5, '0');
  const bytes = bits.match(/.{8}/g)?.map((b) => parseInt(b, 2)) ?? [];
  return bytes.length > 0 ? new Uint8Array(bytes) : undefined;
}

export function nextHotp(hotp: HotpSecret): string {
  return generateSync({ strategy: 'hotp', secret: hotp.key, counter: hotp.counter, guardrails: LENIENT });
}

export function checkHotp(hotp: HotpSecret, passCode: string): boolean {
  if (!/^\d{6}$/.test(passCode)) return false;
  const result = verifySync({
    strategy: 'hotp',
    secret: hotp.key,
    token: passCode,
    counter: hotp.counter,
    counterTolerance: HOTP_LOOK_AHEAD,
    guardrails: LENIENT,
  });
  if (!result.valid) return false;
  hotp.counter += result.delta + 1;
  return true;
}
