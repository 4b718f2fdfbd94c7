// Shared by okta.showTotpCode, okta.copyTotpCode and okta.copyOtpauthUri: a TOTP factor whose
// secret the built-in authenticator keeps (factors enrolled through this extension), and its code.
import vscode = require('vscode');
import type { TotpCode } from '../../authenticator/totpAuthenticator';
import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { describeFactor, describeUser } from '../../presentation/factorDescriptions';
import { resolveFactor, type ResolvedFactor } from '../pickers';

export interface FactorWithSecret {
  target: ResolvedFactor;
  /** "Google Authenticator of alice@example.com" */
  name: string;
}

export interface TotpCodeOfFactor extends FactorWithSecret {
  totp: TotpCode;
}

/** The TOTP factor, or undefined (with a message saying why) when the authenticator has no secret for it. */
export async function factorWithSecret(services: CommandServices, selected?: CommandTarget): Promise<FactorWithSecret | undefined> {
  const target = await resolveFactor(services, selected, (f) => f.factorType === 'token:software:totp' || f.factorType === 'token:hotp');
  if (!target) return undefined;
  const { orgId, user, factor } = target;
  const name = `${describeFactor(factor)} of ${describeUser(user)}`;
  if (!(await services.authenticator.has(orgId, user.id, factor.id))) {
    void vscode.window.showInformationMessage(
      `The built-in authenticator has no secret for ${name}: only TOTP and Custom TOTP factors enrolled through this extension have codes here.`);
    return undefined;
  }
  return { target, name };
}

/** The factor's current code, or undefined (with a message) when the authenticator has no secret. */
export async function currentTotpCode(services: CommandServices, selected?: CommandTarget): Promise<TotpCodeOfFactor | undefined> {
  const found = await factorWithSecret(services, selected);
  if (!found) return undefined;
  const { orgId, user, factor } = found.target;
  return { ...found, totp: await services.authenticator.currentCode(orgId, user.id, factor.id) };
}

/** "123 456" reads and types more easily than "123456". */
export function spacedCode(code: string): string {
  return code.length === 6 || code.length === 8 ? `${code.slice(0, code.length / 2)} ${code.slice(code.length / 2)}` : code;
}

export function validityText(totp: TotpCode): string {
  return `valid for ${totp.secondsRemaining} more second${totp.secondsRemaining === 1 ? '' : 's'}`;
}
