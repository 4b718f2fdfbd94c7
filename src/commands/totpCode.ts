// Shared by okta.showTotpCode and okta.copyTotpCode: the current code of a TOTP factor whose
// secret the built-in authenticator keeps (factors enrolled through this extension).
import * as vscode from 'vscode';
import type { TotpCode } from '../authenticator/totpAuthenticator';
import type { CommandTarget } from '../factors/targets';
import type { CommandServices } from './commandServices';
import { describeFactor, describeUser } from '../presentation/factorDescriptions';
import { resolveFactor, type ResolvedFactor } from './pickers';

export interface TotpCodeOfFactor {
  target: ResolvedFactor;
  /** "Google Authenticator of alice@example.com" */
  name: string;
  totp: TotpCode;
}

/** The factor's current code, or undefined (with a message) when the authenticator has no secret. */
export async function currentTotpCode(services: CommandServices, selected?: CommandTarget): Promise<TotpCodeOfFactor | undefined> {
  const target = await resolveFactor(services, selected, (f) => f.factorType === 'token:software:totp' || f.factorType === 'token:hotp');
  if (!target) return undefined;
  const { orgId, user, factor } = target;
  const name = `${describeFactor(factor)} of ${describeUser(user)}`;
  if (!(await services.authenticator.has(orgId, user.id, factor.id))) {
    void vscode.window.showInformationMessage(
      `The built-in authenticator has no secret for ${name}: only TOTP and Custom TOTP factors enrolled through this extension have codes here.`);
    return undefined;
  }
  return { target, name, totp: await services.authenticator.currentCode(orgId, user.id, factor.id) };
}

/** "123 456" reads and types more easily than "123456". */
export function spacedCode(code: string): string {
  return code.length === 6 || code.length === 8 ? `${code.slice(0, code.length / 2)} ${code.slice(code.length / 2)}` : code;
}

export function validityText(totp: TotpCode): string {
  return `valid for ${totp.secondsRemaining} more second${totp.secondsRemaining === 1 ? '' : 's'}`;
}
