// The official Okta contracts (the Users + User Factors and the System Log subsets of the management
// spec, release 2026.06.3, Apache-2.0), loaded once, plus lookups from a concrete request to its operation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export type OpenApiSchema = { [keyword: string]: unknown };

export interface MediaType {
  schema?: OpenApiSchema;
  examples?: Record<string, { $ref?: string; value?: unknown }>;
  example?: unknown;
}

export interface OpenApiResponse {
  $ref?: string;
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, MediaType>;
}

export interface OpenApiOperation {
  operationId: string;
  requestBody?: { required?: boolean; content?: Record<string, MediaType> };
  responses: Record<string, OpenApiResponse>;
}

export interface OpenApiDocument {
  info: { version: string };
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, OpenApiSchema>;
    responses: Record<string, OpenApiResponse>;
    examples: Record<string, { summary?: string; value: unknown }>;
  };
}

/** One operation of the contract, found from a method and a path template. */
export interface ContractOperation {
  method: string;
  pathTemplate: string;
  operationId: string;
  operation: OpenApiOperation;
}

const CONTRACT_FILE = join(__dirname, 'okta-users-factors.openapi.yaml');
/** Paths of the same spec release that the cut leaves out (the user lifecycle), with the components they add. */
const SUPPLEMENT_FILE = join(__dirname, 'okta-user-lifecycle.openapi.yaml');
/** `listLogEvents` and `LogEvent`, cut from the same release (copied from /work/shared/okta/openapi-system-log.yaml). */
const SYSTEM_LOG_FILE = join(__dirname, 'okta-system-log.openapi.yaml');

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

let cached: OpenApiDocument | undefined;
let cachedSystemLog: OpenApiDocument | undefined;

export function loadContract(): OpenApiDocument {
  cached ??= parse(readFileSync(CONTRACT_FILE, 'utf8')) as OpenApiDocument;
  return cached;
}

/** The System Log contract: its own document (`listLogEvents`, `LogEvent` and the schemas it uses). */
export function loadSystemLogContract(): OpenApiDocument {
  cachedSystemLog ??= parse(readFileSync(SYSTEM_LOG_FILE, 'utf8')) as OpenApiDocument;
  return cachedSystemLog;
}

type Supplement = Pick<OpenApiDocument, 'paths'> & { components?: Partial<OpenApiDocument['components']> };

/** `base` with `extra`'s entries added; a name in both is a mistake in the supplement. */
function merged<T>(what: string, base: Record<string, T>, extra: Record<string, T> = {}): Record<string, T> {
  for (const name of Object.keys(extra)) if (name in base) throw new Error(`The supplement repeats the contract's ${what} ${name}`);
  return { ...base, ...extra };
}

/** The contract plus the supplement's paths and components (a new document; the cached contract is not changed). */
export function loadContractWithSupplement(): OpenApiDocument {
  const contract = loadContract();
  const supplement = parse(readFileSync(SUPPLEMENT_FILE, 'utf8')) as Supplement;
  const extra = supplement.components ?? {};
  return {
    ...contract,
    paths: merged('path', contract.paths, supplement.paths),
    components: {
      schemas: merged('schema', contract.components.schemas, extra.schemas),
      responses: merged('response', contract.components.responses, extra.responses),
      examples: merged('example', contract.components.examples, extra.examples),
    },
  };
}

export function listOperations(doc: OpenApiDocument = loadContract()): ContractOperation[] {
  const operations: ContractOperation[] = [];
  for (const [pathTemplate, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      const op = operation as OpenApiOperation;
      operations.push({ method: method.toUpperCase(), pathTemplate, operationId: op.operationId, operation: op });
    }
  }
  return operations;
}

export function operationById(operationId: string, doc: OpenApiDocument = loadContract()): ContractOperation {
  const found = listOperations(doc).find((op) => op.operationId === operationId);
  if (!found) throw new Error(`The contract has no operation ${operationId}`);
  return found;
}

/**
 * Finds the operation serving a concrete request path (no origin, query ignored). Literal
 * segments win over parameters, so `/factors/catalog` is listSupportedFactors, not getFactor.
 */
export function operationForRequest(method: string, path: string, doc: OpenApiDocument = loadContract()): ContractOperation {
  const segments = path.split('?')[0].split('/').map(decodeURIComponent);
  let best: { op: ContractOperation; literals: number } | undefined;
  for (const op of listOperations(doc)) {
    if (op.method !== method.toUpperCase()) continue;
    const template = op.pathTemplate.split('/');
    if (template.length !== segments.length) continue;
    let literals = 0;
    const matches = template.every((part, i) => {
      if (/^\{[^}]+\}$/.test(part)) return segments[i].length > 0;
      literals += 1;
      return part === segments[i];
    });
    if (matches && (!best || literals > best.literals)) best = { op, literals };
  }
  if (!best) throw new Error(`The contract has no operation for ${method.toUpperCase()} ${path}`);
  return best.op;
}

/** Follows `#/components/...` references until a non-reference object is reached. */
export function resolveRef<T>(value: T | { $ref?: string }, doc: OpenApiDocument = loadContract()): T {
  let current = value as { $ref?: string };
  for (let depth = 0; current && typeof current.$ref === 'string'; depth++) {
    if (depth > 20) throw new Error(`Reference loop at ${current.$ref}`);
    const parts = current.$ref.replace(/^#\//, '').split('/');
    let target: unknown = doc;
    for (const part of parts) target = (target as Record<string, unknown> | undefined)?.[part];
    if (target === undefined) throw new Error(`Unresolvable reference ${current.$ref}`);
    current = target as { $ref?: string };
  }
  return current as T;
}
