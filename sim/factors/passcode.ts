// Checking the passCode of a factor whose code the simulator sent (sms, call, email) or computes
// (Google Authenticator TOTP): the same rules whether the code activates or verifies the factor.
import type { SimContext } from '../context';
import { oktaErrors } from '../errors';
import type { SimFactor } from '../model';
import { consumeCode } from './delivery';
import { checkTotp } from './otp';

/** Throws Okta's wrong-passcode error, or its replay error for a TOTP step already used. */
export function requireValidPasscode(ctx: SimContext, factor: SimFactor, passCode: string): void {
  if (factor.factorType === 'token:software:totp') {
    const result = checkTotp(factor.secrets.totp!, passCode, ctx.now());
    if (result === 'replayed') throw oktaErrors.passcodeReplayed();
    if (result === 'wrong') throw oktaErrors.wrongPasscode();
  } else if (!consumeCode(ctx, factor, passCode)) {
    throw oktaErrors.wrongPasscode();
  }
}
