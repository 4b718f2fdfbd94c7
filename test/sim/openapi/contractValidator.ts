// Validates request bodies and responses against the official contract with ajv. Failures name
// the operation, status, JSON pointer and schema location; tolerated §11 deviations are reported
// by rule name so tests can assert exactly which ones occurred.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  type ContractOperation,
  type OpenApiDocument,
  type OpenApiResponse,
  type OpenApiSchema,
  loadContract,
  operationById,
  resolveRef,
} from './contractDocument';
import { DEVIATION_RULES, type ToleratedDeviation } from './deviations';
import { type ConversionContext, type Direction, convertComponents, toJsonSchema } from './schemaConversion';

export interface ContractCheck {
  operationId: string;
  ok: boolean;
  errors: string[];
  tolerated: ToleratedDeviation[];
  /** Contract interpretations applied (not deviations of the server): see docs/openapi-notes.md. */
  interpretations: ContractInterpretation[];
}

export type ContractInterpretation =
  | UndeclaredError['interpretation']
  /** The request oneOf branches overlap (no required keys), so the branch titled with the factor type is used. */
  | 'oneof-branch-by-title'
  /** A 200 declared with `content: {}` answered `{}` by real orgs (see EMPTY_OBJECT_BODIES). */
  | 'empty-object-for-no-content';

/**
 * Error statuses real orgs answer that the contract does not declare for the operation: checked
 * against `Error` and only with these error codes (sources in docs/openapi-notes.md).
 */
interface UndeclaredError {
  interpretation: 'unauthorized-not-declared' | 'list-users-bad-query-400';
  status: number;
  operations: readonly string[] | 'all';
  errorCodes: readonly string[];
}

const UNDECLARED_ERRORS: readonly UndeclaredError[] = [
  { interpretation: 'unauthorized-not-declared', status: 401, operations: 'all', errorCodes: ['E0000011', 'E0000004'] },
  { interpretation: 'list-users-bad-query-400', status: 400, operations: ['listUsers'], errorCodes: ['E0000031', 'E0000001'] },
];

/**
 * Operations declared with a 200 without content that recorded orgs answer with `{}`
 * (okta-sdk-python cassettes `test_reset_factors`, `test_suspend_user`, `test_comprehensive_user_lifecycle`,
 * `test_reactivate_user`; sources in docs/openapi-notes.md).
 */
const EMPTY_OBJECT_BODIES: readonly string[] = ['resetFactors', 'deactivateUser', 'suspendUser', 'unsuspendUser'];

const JSON_MEDIA = 'application/json';

const isEmptyObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;

function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], data);
}

function describe(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${error.message ?? error.keyword} [${error.schemaPath}] ${JSON.stringify(error.params)}`;
}

export class ContractValidator {
  readonly doc: OpenApiDocument;
  private readonly ajv: Ajv;
  private readonly contexts: Record<Direction, ConversionContext>;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(doc: OpenApiDocument = loadContract()) {
    this.doc = doc;
    this.ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true });
    addFormats(this.ajv);
    const make = (direction: Direction): ConversionContext => ({
      schemas: doc.components.schemas,
      direction,
      refBase: `okta-contract-${direction}`,
      unresolvedMappings: new Set(),
    });
    this.contexts = { response: make('response'), request: make('request') };
    for (const ctx of Object.values(this.contexts)) this.ajv.addSchema(convertComponents(ctx));
  }

  /** Discriminator targets named by the contract but missing from it (their checks cannot run). */
  get unresolvedMappings(): string[] {
    return [...this.contexts.response.unresolvedMappings].sort();
  }

  private operation(op: ContractOperation | string): ContractOperation {
    return typeof op === 'string' ? operationById(op, this.doc) : op;
  }

  private compile(key: string, schema: OpenApiSchema, direction: Direction): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema, this.contexts[direction]) as object);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  /** The declared response for a status, or Error for a known undeclared error (see UNDECLARED_ERRORS). */
  private responseFor(op: ContractOperation, status: number): { response?: OpenApiResponse; undeclared?: UndeclaredError } {
    const declared = op.operation.responses[String(status)];
    if (declared) return { response: resolveRef<OpenApiResponse>(declared, this.doc) };
    const undeclared = UNDECLARED_ERRORS.find(
      (u) => u.status === status && (u.operations === 'all' || u.operations.includes(op.operationId)),
    );
    if (!undeclared) return {};
    return { response: { content: { [JSON_MEDIA]: { schema: { $ref: '#/components/schemas/Error' } } } }, undeclared };
  }

  /** `body` is the parsed JSON, or undefined for an empty body. */
  validateResponse(opOrId: ContractOperation | string, status: number, body: unknown): ContractCheck {
    const op = this.operation(opOrId);
    const check: ContractCheck = { operationId: op.operationId, ok: true, errors: [], tolerated: [], interpretations: [] };
    const fail = (message: string): ContractCheck => ({ ...check, ok: false, errors: [...check.errors, message] });
    const { response, undeclared } = this.responseFor(op, status);
    if (!response) return fail(`status ${status} is not declared for ${op.operationId}`);
    if (undeclared) {
      check.interpretations.push(undeclared.interpretation);
      const code = (body as { errorCode?: unknown } | undefined)?.errorCode;
      if (!undeclared.errorCodes.includes(code as string)) {
        return fail(`${status} is undeclared for ${op.operationId}; only ${undeclared.errorCodes.join('/')} are known there, got ${String(code)}`);
      }
    }
    const schema = response.content?.[JSON_MEDIA]?.schema;
    if (!schema) {
      if (body === undefined) return check;
      if (status === 200 && EMPTY_OBJECT_BODIES.includes(op.operationId) && isEmptyObject(body)) {
        return { ...check, interpretations: [...check.interpretations, 'empty-object-for-no-content'] };
      }
      return fail(`${op.operationId} ${status} declares no body but one was sent`);
    }
    if (body === undefined) return fail(`${op.operationId} ${status} declares a JSON body but none was sent`);

    const validate = this.compile(`response ${op.operationId} ${status}`, schema, 'response');
    if (validate(body)) return check;
    for (const error of validate.errors ?? []) {
      const value = valueAt(body, error.instancePath);
      const rule = DEVIATION_RULES.find((r) => r.operations.includes(op.operationId) && r.matches(error, value));
      if (!rule) {
        check.errors.push(describe(error));
        continue;
      }
      check.tolerated.push({ rule: rule.name, instancePath: error.instancePath });
      for (const problem of rule.problems(value)) check.errors.push(`${error.instancePath} (${rule.name}): ${problem}`);
    }
    check.ok = check.errors.length === 0;
    return check;
  }

  /**
   * `variant` is the factor type the body is meant for: the contract's activate/verify request
   * schemas are a oneOf whose branches are only told apart by their title.
   */
  validateRequestBody(opOrId: ContractOperation | string, body: unknown, variant?: string): ContractCheck {
    const op = this.operation(opOrId);
    const check: ContractCheck = { operationId: op.operationId, ok: true, errors: [], tolerated: [], interpretations: [] };
    const requestBody = op.operation.requestBody;
    const schema = requestBody?.content?.[JSON_MEDIA]?.schema;
    if (body === undefined) {
      if (requestBody?.required) return { ...check, ok: false, errors: [`${op.operationId} requires a request body`] };
      return check;
    }
    if (!schema) return { ...check, ok: false, errors: [`${op.operationId} takes no request body`] };

    let selected = schema;
    const resolved = resolveRef<OpenApiSchema>(schema, this.doc);
    const branches = resolved.oneOf as OpenApiSchema[] | undefined;
    if (variant !== undefined && branches?.every((branch) => typeof branch.title === 'string')) {
      const branch = branches.find((b) => b.title === variant);
      if (!branch) return { ...check, ok: false, errors: [`${op.operationId} has no request variant for ${variant}`] };
      selected = branch;
      check.interpretations.push('oneof-branch-by-title');
    }
    const validate = this.compile(`request ${op.operationId} ${variant ?? ''}`, selected, 'request');
    if (!validate(body)) {
      check.ok = false;
      check.errors = (validate.errors ?? []).map(describe);
    }
    return check;
  }
}
