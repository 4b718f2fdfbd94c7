// A WebAuthn ceremony the relying party refuses. Okta answers every such refusal with the same
// 403 E0000068; the reason is kept for the simulator's sign-in page and for test messages.
import { OktaError, oktaErrors } from '../errors';

export class WebAuthnRefusal extends OktaError {
  constructor(readonly reason: string) {
    const base = oktaErrors.wrongPasscode();
    super(base.status, base.errorCode, base.errorSummary, base.causes);
  }
}

export function refuseUnless(condition: unknown, reason: string): asserts condition {
  if (!condition) throw new WebAuthnRefusal(reason);
}
