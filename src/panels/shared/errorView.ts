// Turns a thrown error into what a panel shows: a sentence, Okta's errorCauses as a list next to the
// form, and - where a cause clearly concerns one input - that cause under the input. No `vscode`.
import { adviseOnError } from '../../presentation/errorAdvice';
import { FactorStateError, ResendCooldownError } from '../../factors/outcomes';
import { oktaErrorCode } from '../../okta/errorCodes';
import { OktaApiError, OktaInputError } from '../../okta/errors';
import type { ErrorView } from './protocol';

/** Which input an Okta cause is about, by its words ("phone number", "passcode"...). */
const CAUSE_FIELDS: Array<[RegExp, string[]]> = [
  [/extension/i, ['phoneExtension']],
  [/phone/i, ['phoneNumber']],
  [/e-?mail/i, ['email']],
  [/answer/i, ['answer']],
  [/pass ?code|token doesn't match|\bcode\b/i, ['passCode', 'activationCode']],
  [/question/i, ['question']],
  [/profile ?id|factorProfileId/i, ['factorProfileId']],
  [/secret/i, ['sharedSecret']],
];

/** Input the host refused before calling Okta (the webview's own checks were skipped or outdated). */
export class PanelInputError extends Error {
  constructor(message: string, readonly fields: Record<string, string> = {}) {
    super(message);
    this.name = 'PanelInputError';
  }
}

/**
 * `fields` are the inputs currently on screen: a cause is attached to one of them only, so a
 * message never lands under a hidden input.
 */
export function toErrorView(action: string, err: unknown, fields: readonly string[] = []): ErrorView {
  if (err instanceof PanelInputError) return { message: err.message, causes: [], fields: err.fields };
  const advice = adviseOnError(action, err);
  if (!(err instanceof OktaApiError)) return { message: advice.message, causes: [], fields: {} };
  const causes = err.errorCauses.map((c) => c.errorSummary).filter((s) => s.trim() !== '');
  const byField: Record<string, string> = {};
  for (const cause of causes) {
    const field = CAUSE_FIELDS.filter(([pattern]) => pattern.test(cause))
      .flatMap(([, names]) => names).find((name) => fields.includes(name));
    if (field && !byField[field]) byField[field] = cause;
  }
  // The client's message may already quote the causes; list only the ones it does not.
  return { message: advice.message, errorCode: err.errorCode, causes: causes.filter((c) => !advice.message.includes(c)), fields: byField };
}

/**
 * Errors the user can fix in the panel (bad input - including a header the client refuses -, wrong
 * code, cooldowns) stay inline; others are also reported.
 */
export function isUserCorrectable(err: unknown): boolean {
  if (err instanceof PanelInputError || err instanceof OktaInputError || err instanceof FactorStateError || err instanceof ResendCooldownError) return true;
  if (!(err instanceof OktaApiError)) return false;
  return oktaErrorCode(err.errorCode)?.userCorrectable ?? [400, 403, 409, 429].includes(err.status);
}
