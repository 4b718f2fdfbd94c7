// TOTP codes through otplib, loaded on the first code (a separately bundled file) rather than at
// activation, when the authenticator only needs to know which secrets it holds.
import type { HashAlgorithm } from 'otplib';

export interface TotpCodeRequest {
  secret: Uint8Array;
  algorithm: HashAlgorithm;
  digits: number;
  period: number;
  /** Unix seconds. */
  epoch: number;
}

type Otplib = typeof import('otplib');
let loading: Promise<{ otplib: Otplib; guardrails: ReturnType<Otplib['createGuardrails']> }> | undefined;

function load() {
  loading ??= import('otplib').then((module) => {
    const otplib = (module as { default?: Otplib }).default ?? module;
    // Okta's TOTP secrets are 16 base32 characters (10 bytes), below otplib's default 16-byte
    // minimum for new secrets. We only replay secrets the org chose, so accept any non-empty key.
    return { otplib, guardrails: otplib.createGuardrails({ MIN_SECRET_BYTES: 1 }) };
  });
  return loading;
}

export async function totpCode(request: TotpCodeRequest): Promise<string> {
  const { otplib, guardrails } = await load();
  return otplib.generate({ ...request, guardrails });
}
