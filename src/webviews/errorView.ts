// Turns a thrown error into what a panel shows: a sentence, Okta's errorCauses as a list next to the
// form, and - where a cause clearly concerns one input - that cause under the input. No `vscode`.
import { adviseOnError } from '../commands/errorAdvice';
import { OktaApiError } from '../okta/errors';
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

/**
 * `fields` are the inputs currently on screen: a cause is attached to one of them only, so a
 * message never lands under a hidden input.
 */
export function toErrorView(action: string, err: unknown, fields: readonly string[] = []): ErrorView {
  const advice = adviseOnError(action, err);
  if (!(err instanceof OktaApiError)) return { message: advice.message, causes: [], fields: {} };
  const causes = err.errorCauses.map((c) => c.errorSummary).filter((s) => s.trim() !== '');
  const byField: Record<string, string> = {};
  for (const cause of causes) {
    const field = CAUSE_FIELDS.filter(([pattern]) => pattern.test(cause))
      .flatMap(([, names]) => names).find((name) => fields.includes(name));
    if (field && !byField[field]) byField[field] = cause;
  }
  // The advice repeats the causes for some codes; the panel lists them itself, so lead with the summary.
  const code = err.errorCode ? ` [${err.errorCode}]` : '';
  const wait = advice.waitSeconds ? ` Try again in ${advice.waitSeconds} s.` : '';
  const message = err.errorCode === 'E0000011' || err.errorCode === 'E0000004'
    ? advice.message
    : `${action} failed: ${err.errorSummary}.${wait}${code}`.replace('..', '.');
  return { message, errorCode: err.errorCode, causes, fields: byField };
}

/** Errors the user can fix in the panel (bad input, wrong code, cooldowns) stay inline; others are also reported. */
export function isUserCorrectable(err: unknown): boolean {
  return err instanceof OktaApiError && [400, 403, 409, 429].includes(err.status) && err.errorCode !== 'E0000006';
}
