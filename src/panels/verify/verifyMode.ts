// Which form the Verify panel shows for a factor type. No `vscode` here (unit-tested).
import { factorTypeLabel } from '../../factors/names';
import type { UserFactor } from '../../okta/models';
import type { VerifyMode } from './protocol';

/** The form a factor type needs. */
export function verifyModeOf(factor: UserFactor): { mode: VerifyMode; prompt?: string } {
  switch (factor.factorType) {
    case 'sms':
    case 'call':
    case 'email':
      return { mode: 'challenge-then-passcode' };
    case 'token:software:totp':
    case 'token':
    case 'token:hardware':
    case 'token:hotp':
      return { mode: 'passcode' };
    case 'question':
      return { mode: 'answer', prompt: factor.profile?.questionText ?? factor.profile?.question ?? 'Answer' };
    case 'push':
      return { mode: 'push' };
    case 'webauthn':
      return {
        mode: 'passkey',
        prompt: 'Verifies with the software passkey the built-in authenticator keeps for this factor (for test users whose passkey '
          + 'was enrolled through this extension). A hardware key or a platform passkey is verified in a browser.',
      };
    default:
      return {
        mode: 'unsupported',
        prompt: `${factorTypeLabel(factor)} is verified by a browser or device ceremony (the authenticator signs a challenge), which VS Code cannot perform.`,
      };
  }
}
