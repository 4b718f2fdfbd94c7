// Okta's error body and the error codes the simulator answers with (see api-reference.md §5).
import { errorId } from './ids';

export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: { errorSummary: string }[];
}

/** Thrown by handlers; the server turns it into Okta's JSON error body and status. */
export class OktaError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly errorSummary: string,
    readonly causes: string[] = [],
  ) {
    super(`${status} ${errorCode} ${errorSummary}`);
  }

  body(): OktaErrorBody {
    return {
      errorCode: this.errorCode,
      errorSummary: this.errorSummary,
      errorLink: this.errorCode,
      errorId: errorId(),
      errorCauses: this.causes.map((errorSummary) => ({ errorSummary })),
    };
  }
}

const PASSCODE_MISMATCH = "Your passcode doesn't match our records. Please try again.";
const ANSWER_MISMATCH = "Your answer doesn't match our records. Please try again.";

export const oktaErrors = {
  validation: (what: string, ...causes: string[]) =>
    new OktaError(400, 'E0000001', `Api validation failed: ${what}`, causes),
  malformedJson: () => new OktaError(400, 'E0000003', 'The request body was not well-formed.'),
  notFound: (id: string, kind: 'User' | 'UserFactor' | 'FactorProfile') =>
    new OktaError(404, 'E0000007', `Not found: Resource not found: ${id} (${kind})`),
  noSuchEndpoint: (path: string) => new OktaError(404, 'E0000007', `Not found: Resource not found: ${path}`),
  methodNotAllowed: () =>
    new OktaError(405, 'E0000022', 'The endpoint does not support the provided HTTP method'),
  internal: () => new OktaError(500, 'E0000009', 'Internal Server Error'),
  invalidToken: () => new OktaError(401, 'E0000011', 'Invalid token provided'),
  forbidden: () => new OktaError(403, 'E0000006', 'You do not have permission to perform the requested action'),
  userAlreadyActive: () => new OktaError(403, 'E0000016', 'Activation failed because the user is already active'),
  userStatusForbids: () => new OktaError(403, 'E0000038', "This operation is not allowed in the user's current status."),
  rateLimited: () => new OktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.'),
  invalidSearch: (cause: string) => new OktaError(400, 'E0000031', 'Invalid search criteria.', [cause]),
  /** The System Log's refusals of a query: a bad filter, field or parameter (Okta's docs show no causes). */
  invalidLogQuery: (summary: string) => new OktaError(400, 'E0000053', summary),
  unsupportedLogFilter: (operator: string, field: string) =>
    new OktaError(400, 'E0000031', `The supplied combination of operator and field is not currently supported. Operator: ${operator}, Field: ${field}`),
  wrongPasscode: () => new OktaError(403, 'E0000068', 'Invalid Passcode/Answer', [PASSCODE_MISMATCH]),
  wrongAnswer: () => new OktaError(403, 'E0000068', 'Invalid Passcode/Answer', [ANSWER_MISMATCH]),
  passcodeReplayed: () =>
    new OktaError(403, 'E0000082', 'Each code can only be used once. Please wait for a new code and try again.'),
  invalidPhone: () => new OktaError(400, 'E0000098', 'This phone number is invalid.'),
  smsTooSoon: () =>
    new OktaError(429, 'E0000109', 'An SMS message was recently sent. Please wait 30 seconds before trying again.'),
  emailTooSoon: () =>
    new OktaError(429, 'E0000118', 'An email was recently sent. Please wait 5 seconds before trying again.'),
  invalidExtension: () =>
    new OktaError(400, 'E0000121', 'Invalid phone extension. The extension must be 1-15 digits.'),
  unlockNotAllowed: () =>
    new OktaError(403, 'E0000032', 'Unlock is not allowed for this user.', ['The user is not locked out.']),
  factorNotActive: () => new OktaError(410, 'E0000154', 'Invalid factor id, it is not currently active.'),
  transactionNotFound: () =>
    new OktaError(404, 'E0000191', 'Verification timed out. Please try again.'),
};
