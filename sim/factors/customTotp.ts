// Custom TOTP (`token:hotp`, provider CUSTOM) as a real org checks it: RFC 6238 under the factor's
// profile (algorithm, digits, step), accepting steps T-N..T+N for N = acceptableAdjacentIntervals
// and refusing a step already used (RFC 6238 §5.2).
import { createGuardrails, generateSync, type HashAlgorithm } from 'otplib';
import type { FactorSecrets } from '../model';
import type { HmacAlgorithm, HotpProfileSettings } from './hotpProfiles';

type CustomTotpSecret = NonNullable<FactorSecrets['customTotp']>;

/** Customer-supplied secrets can be shorter than otplib's 16-byte default minimum. */
const LENIENT = createGuardrails({ MIN_SECRET_BYTES: 1 });
const ALGORITHMS: Record<HmacAlgorithm, HashAlgorithm> = { HMacSHA1: 'sha1', HMacSHA256: 'sha256', HMacSHA512: 'sha512' };

function codeAtStep(key: Uint8Array, settings: HotpProfileSettings, step: number): string {
  return generateSync({
    secret: key,
    algorithm: ALGORITHMS[settings.hmacAlgorithm],
    digits: settings.otpLength,
    period: settings.timeStep,
    epoch: step * settings.timeStep,
    guardrails: LENIENT,
  });
}

const stepAt = (settings: HotpProfileSettings, nowMs: number): number => Math.floor(nowMs / 1000 / settings.timeStep);

export function currentCustomTotp(secret: CustomTotpSecret, settings: HotpProfileSettings, nowMs: number): string {
  return codeAtStep(secret.key, settings, stepAt(settings, nowMs));
}

export function checkCustomTotp(
  secret: CustomTotpSecret,
  settings: HotpProfileSettings,
  passCode: string,
  nowMs: number,
): 'ok' | 'replayed' | 'wrong' {
  if (!/^\d+$/.test(passCode) || passCode.length !== settings.otpLength) return 'wrong';
  const now = stepAt(settings, nowMs);
  const drift = settings.acceptableAdjacentIntervals;
  for (let step = now - drift; step <= now + drift; step++) {
    if (codeAtStep(secret.key, settings, step) !== passCode) continue;
    if (step <= secret.lastUsedStep) return 'replayed';
    secret.lastUsedStep = step;
    return 'ok';
  }
  return 'wrong';
}
