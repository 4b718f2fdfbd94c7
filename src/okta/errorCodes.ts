// One catalogue of the Okta error codes the extension treats in a way of its own: what kind of
// refusal each is, the words that open its message, what to do next, whether the person can fix it
// where they are, and what a verify or a send makes of it. Every reader of an `errorCode` (the
// client's messages and retries, the factor workflows, the advice the UI gives, the panels) asks
// here; a code not listed is shown with Okta's own summary.

/** An entry of Okta's `errorCauses`, as far as the catalogue reads it. */
interface Cause {
  errorSummary: string;
}

export type OktaErrorKind =
  /** The token or assertion was refused: the org's credentials need updating. */
  | 'credentials'
  /** The org's rate limit (also what activation answers after 5 attempts in 5 minutes). */
  | 'rate-limit'
  /** A per-factor send throttle ("a code was sent moments ago"): a 429 that the org's bucket does not explain. */
  | 'send-throttle'
  | 'wrong-passcode'
  | 'passcode-replayed'
  | 'passcode-outside-window'
  | 'not-found'
  /** Okta refuses the operation for this user as they are (deprovisioned). */
  | 'user-state'
  /** The System Log refused a query: a filter or field it cannot read, a `since` over 180 days ago. */
  | 'log-query';

export interface OktaErrorCode {
  kind: OktaErrorKind;
  /** The opening of the message, in place of Okta's summary. */
  lead?: string | ((causes: readonly Cause[]) => string);
  /** What to do next, appended to the message the UI shows. */
  hint?: string;
  /** Whether the person can fix it where they are (in the form, by waiting): shown inline, not reported as a failure. */
  userCorrectable: boolean;
  /** A send throttle's documented wait, when Okta's summary does not say it. */
  sendCooldownSeconds?: number;
  /** The verify result a tester sees for it (a wrong code is a result of verify, not an error). */
  verifyResult?: (answered: boolean) => string;
}

const UPDATE_TOKEN = 'Update the token for this org.';

/** The org's rate limit, which the client also reports itself when it will not wait for the reset. */
export const RATE_LIMIT_CODE = 'E0000047';

const CATALOGUE: Record<string, OktaErrorCode> = {
  E0000004: { kind: 'credentials', lead: 'Okta could not authenticate the request', hint: UPDATE_TOKEN, userCorrectable: false },
  E0000011: { kind: 'credentials', lead: 'Okta rejected the API token (invalid, expired or revoked)', hint: UPDATE_TOKEN, userCorrectable: false },
  E0000006: { kind: 'user-state', userCorrectable: false },
  E0000007: { kind: 'not-found', hint: 'It may have been removed elsewhere: refresh the tree.', userCorrectable: false },
  [RATE_LIMIT_CODE]: { kind: 'rate-limit', lead: 'Okta rate limit exceeded', hint: 'Try again in a minute.', userCorrectable: true },
  E0000068: {
    kind: 'wrong-passcode',
    lead: (causes) => (causes.some((c) => /answer/i.test(c.errorSummary)) ? 'Okta rejected the answer' : 'Okta rejected the passcode'),
    hint: 'Check the code or answer and try again.',
    userCorrectable: true,
    verifyResult: (answered) => (answered ? 'WRONG_ANSWER' : 'WRONG_CODE'),
  },
  E0000082: { kind: 'passcode-replayed', lead: 'That passcode was already used', userCorrectable: true, verifyResult: () => 'PASSCODE_REPLAYED' },
  E0000083: {
    kind: 'passcode-outside-window', lead: 'That passcode is valid but outside the allowed time window', userCorrectable: true,
    verifyResult: () => 'TIME_WINDOW_EXCEEDED',
  },
  // "A code was sent moments ago" for sms, call and email, and the other per-factor send limits.
  E0000109: { kind: 'send-throttle', userCorrectable: true, sendCooldownSeconds: 30 },
  E0000118: { kind: 'send-throttle', userCorrectable: true, sendCooldownSeconds: 5 },
  E0000133: { kind: 'send-throttle', userCorrectable: true, sendCooldownSeconds: 30 },
  E0000146: { kind: 'send-throttle', userCorrectable: true },
  E0000147: { kind: 'send-throttle', userCorrectable: true },
  E0000204: { kind: 'send-throttle', userCorrectable: true },
  E0000205: { kind: 'send-throttle', userCorrectable: true },
  // Okta's summary says what it refused ("Invalid parameter: The since parameter is over 180 days prior to the current day.").
  E0000053: { kind: 'log-query', userCorrectable: false },
};

/** What the catalogue says of a code; undefined for codes shown as Okta words them. */
export function oktaErrorCode(code: string | undefined): OktaErrorCode | undefined {
  return code !== undefined && Object.hasOwn(CATALOGUE, code) ? CATALOGUE[code] : undefined;
}

/** The catalogue's opening for a code, else Okta's own summary. */
export function errorLead(code: string | undefined, summary: string, causes: readonly Cause[]): string {
  const lead = oktaErrorCode(code)?.lead;
  return typeof lead === 'function' ? lead(causes) : lead ?? summary;
}

/** Why a System Log query cannot serve: the credentials may not read the log, or Okta refused the query or its cursor. */
export type LogRefusalReason = 'no-permission' | 'cursor-refused';

export interface LogRefusal {
  reason: LogRefusalReason;
  message: string;
}

const NO_LOG_PERMISSION =
  "These credentials may not read the org's System Log: an API token's admin needs a role that can view it, a service app the okta.logs.read scope.";

/** The codes a System Log call answers when it will not serve, and what each means for a reader of the log. */
const LOG_REFUSALS: Record<string, LogRefusalReason> = {
  E0000006: 'no-permission',
  E0000001: 'cursor-refused',
  E0000031: 'cursor-refused',
  E0000053: 'cursor-refused',
};

/**
 * What an error of a System Log call (`listLogEvents`, `logEventsAt`) says about reading the log;
 * undefined for any other error. Read by shape: errors.ts builds its messages from this file.
 */
export function logRefusalOf(err: unknown): LogRefusal | undefined {
  const { errorCode, errorSummary } = (err ?? {}) as { errorCode?: unknown; errorSummary?: unknown };
  if (typeof errorCode !== 'string' || !Object.hasOwn(LOG_REFUSALS, errorCode)) return undefined;
  const reason = LOG_REFUSALS[errorCode];
  const said = typeof errorSummary === 'string' && errorSummary ? ` Okta said: ${errorSummary}` : '';
  return { reason, message: reason === 'no-permission' ? NO_LOG_PERMISSION : `Okta refused the System Log query or its cursor.${said}` };
}
