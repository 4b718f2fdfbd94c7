// An HTTP client for contract tests: every request body it sends and every response it receives
// is checked against the official contract (body schema + standard headers), and each checked
// exchange is recorded so a suite can prove which operations, statuses and factor types it covered.
import { type ContractCheck, ContractValidator } from './contractValidator';
import { operationById, operationForRequest } from './contractDocument';
import type { ToleratedDeviation } from './deviations';
import { standardHeaderProblems } from './responseHeaders';

export interface ContractCallOptions {
  /** JSON request body (validated against the contract before it is sent). */
  body?: unknown;
  /** Bytes sent as is, without request validation (to provoke E0000003). */
  rawBody?: string;
  /** Factor type the body is for (picks the contract's titled oneOf branch). */
  variant?: string;
  /** Coverage label, e.g. the factor type/provider this call exercised. */
  label?: string;
  headers?: Record<string, string>;
  /**
   * Validate as this operation instead of the one matching the path: only for links the server
   * handed out whose path the contract does not list (the push activation `poll` link).
   */
  operationId?: string;
}

export interface ContractExchange {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  body: any;
  check: ContractCheck;
  headerProblems: string[];
}

export interface CoverageEntry {
  operationId: string;
  status: number;
  label?: string;
  errorCode?: string;
  tolerated: ToleratedDeviation[];
}

export class ContractViolation extends Error {}

export class ContractClient {
  /** `coverage` may be shared between clients (e.g. one with a wrong token). */
  constructor(
    private readonly baseUrl: string,
    private readonly authorization: string,
    readonly validator: ContractValidator = new ContractValidator(),
    readonly coverage: CoverageEntry[] = [],
  ) {}

  /** Sends a request; throws ContractViolation if the request or the response breaks the contract. */
  async call(method: string, path: string, options: ContractCallOptions = {}): Promise<ContractExchange> {
    const op = options.operationId
      ? operationById(options.operationId, this.validator.doc)
      : operationForRequest(method, path, this.validator.doc);
    if (options.body !== undefined) {
      const requestCheck = this.validator.validateRequestBody(op, options.body, options.variant);
      if (!requestCheck.ok) {
        throw new ContractViolation(`request body for ${method} ${path} breaks the contract:\n  ${requestCheck.errors.join('\n  ')}`);
      }
    }
    const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        Accept: 'application/json',
        Authorization: this.authorization,
        ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...options.headers,
      },
      body: payload,
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = text.length === 0 ? undefined : JSON.parse(text);
    } catch {
      throw new ContractViolation(`${method} ${path} -> ${response.status}: body is not JSON: ${text.slice(0, 200)}`);
    }
    const check = this.validator.validateResponse(op, response.status, body);
    const headerProblems = standardHeaderProblems(response.headers, { hasBody: text.length > 0 });
    const exchange: ContractExchange = { method, path, status: response.status, headers: response.headers, body, check, headerProblems };
    if (!check.ok || headerProblems.length > 0) {
      throw new ContractViolation(
        `${method} ${path} -> ${response.status} (${op.operationId}) breaks the contract:\n  ` +
          [...check.errors, ...headerProblems].join('\n  ') +
          `\n  body: ${text.slice(0, 600)}`,
      );
    }
    this.coverage.push({
      operationId: op.operationId,
      status: response.status,
      label: options.label,
      errorCode: (body as { errorCode?: string } | undefined)?.errorCode,
      tolerated: check.tolerated,
    });
    return exchange;
  }
}
