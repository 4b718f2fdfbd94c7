// Turns OpenAPI 3.0 schema objects into JSON Schema (draft-07) that ajv compiles, applying the
// OpenAPI-only rules ajv does not know: nullable, readOnly/writeOnly per direction and
// discriminator mappings. Everything that is pure annotation (example, x-*) is dropped.
import type { OpenApiSchema } from './contractDocument';

/** A response is checked for server output, a request body for client input (OAS 3.0 §4.7.25). */
export type Direction = 'response' | 'request';

export interface ConversionContext {
  schemas: Record<string, OpenApiSchema>;
  direction: Direction;
  /** ajv id of the document holding every converted component schema under `definitions`. */
  refBase: string;
  /** Discriminator mapping targets the contract names but does not define (collected, not fatal). */
  unresolvedMappings: Set<string>;
  /**
   * While a discriminator subtype is converted: its references to the base schema point at the
   * base without its discriminator, so `Sub = allOf[Base, ...]` does not recurse into Sub again.
   */
  redirects?: Map<string, string>;
}

const BASE_SUFFIX = '.base';

export type JsonSchema = Record<string, unknown> | boolean;

const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;

const ANNOTATIONS_TO_DROP = new Set([
  'example',
  'examples',
  'discriminator',
  'nullable',
  'readOnly',
  'writeOnly',
  'externalDocs',
  'xml',
  'deprecated',
]);

const SUBSCHEMA_LISTS = ['allOf', 'oneOf', 'anyOf'];
const SUBSCHEMA_SINGLES = ['items', 'not', 'additionalProperties'];

function componentRef(ctx: ConversionContext, name: string): string {
  return `${ctx.refBase}#/definitions/${name}`;
}

function componentName(ref: unknown): string | undefined {
  return typeof ref === 'string' ? COMPONENT_REF.exec(ref)?.[1] : undefined;
}

/** readOnly/writeOnly may sit on the property itself or on the component it references. */
function accessFlag(schema: OpenApiSchema, flag: 'readOnly' | 'writeOnly', ctx: ConversionContext): boolean {
  if (schema[flag] === true) return true;
  const name = componentName(schema.$ref);
  return name !== undefined && ctx.schemas[name]?.[flag] === true;
}

function forbiddenInDirection(schema: OpenApiSchema, ctx: ConversionContext): boolean {
  return ctx.direction === 'response' ? accessFlag(schema, 'writeOnly', ctx) : accessFlag(schema, 'readOnly', ctx);
}

function convertProperties(source: OpenApiSchema, target: Record<string, unknown>, ctx: ConversionContext): void {
  const properties = source.properties as Record<string, OpenApiSchema> | undefined;
  if (!properties) return;
  const converted: Record<string, JsonSchema> = {};
  const forbidden = new Set<string>();
  for (const [name, schema] of Object.entries(properties)) {
    if (forbiddenInDirection(schema, ctx)) {
      forbidden.add(name);
      converted[name] = false;
    } else {
      converted[name] = toJsonSchema(schema, ctx);
    }
  }
  target.properties = converted;
  // A required readOnly property is required only in responses, a writeOnly one only in requests.
  if (Array.isArray(source.required)) {
    const required = (source.required as string[]).filter((name) => !forbidden.has(name));
    if (required.length > 0) target.required = required;
    else delete target.required;
  }
}

/**
 * OpenAPI discriminator: the property's value picks a subschema, applied on top of the base. A
 * value outside `mapping` maps implicitly to the component of that name (OAS 3.0.3), so the
 * property's own enum, not the mapping, decides which values are valid (UserFactorType lists
 * `signed_nonce`, the mapping does not). The property stays optional: the contract never marks it
 * required and its own examples (push activation results) omit it.
 */
function applyDiscriminator(source: OpenApiSchema, target: Record<string, unknown>, ctx: ConversionContext, selfName?: string): void {
  const discriminator = source.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined;
  if (!discriminator?.mapping) return;
  const { propertyName, mapping } = discriminator;
  const subtypes: JsonSchema[] = [];
  for (const [value, ref] of Object.entries(mapping)) {
    const name = componentName(ref);
    if (name === undefined || name === selfName) continue;
    if (!ctx.schemas[name]) {
      ctx.unresolvedMappings.add(name);
      continue;
    }
    subtypes.push({
      if: { properties: { [propertyName]: { const: value } }, required: [propertyName] },
      then: { $ref: componentRef(ctx, name) },
    });
  }
  if (subtypes.length > 0) target.allOf = [...((target.allOf as JsonSchema[] | undefined) ?? []), ...subtypes];
}

function applyNullable(source: OpenApiSchema, target: Record<string, unknown>): void {
  if (source.nullable !== true || typeof target.type !== 'string') return;
  target.type = [target.type, 'null'];
  if (Array.isArray(target.enum)) target.enum = [...target.enum, null];
}

/** `selfName`: the component being converted; `withDiscriminator: false` gives its plain base. */
export function toJsonSchema(schema: OpenApiSchema, ctx: ConversionContext, selfName?: string, withDiscriminator = true): JsonSchema {
  const refName = componentName(schema.$ref);
  // OAS 3.0: siblings of $ref are ignored (readOnly/writeOnly siblings are read by the parent).
  if (refName !== undefined) return { $ref: componentRef(ctx, ctx.redirects?.get(refName) ?? refName) };
  if (typeof schema.$ref === 'string') throw new Error(`Unsupported reference ${schema.$ref}`);

  const target: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS_TO_DROP.has(keyword) || keyword.startsWith('x-') || keyword === 'properties') continue;
    if (SUBSCHEMA_LISTS.includes(keyword)) {
      target[keyword] = (value as OpenApiSchema[]).map((item) => toJsonSchema(item, ctx));
    } else if (SUBSCHEMA_SINGLES.includes(keyword) && typeof value === 'object' && value !== null) {
      target[keyword] = toJsonSchema(value as OpenApiSchema, ctx);
    } else {
      target[keyword] = value;
    }
  }
  convertProperties(schema, target, ctx);
  applyNullable(schema, target);
  if (withDiscriminator) applyDiscriminator(schema, target, ctx, selfName);
  return target;
}

/** All component schemas converted, as one ajv document `{ $id, definitions }`. */
export function convertComponents(ctx: ConversionContext): Record<string, unknown> {
  const basesOfSubtype = new Map<string, Map<string, string>>();
  for (const [base, schema] of Object.entries(ctx.schemas)) {
    const mapping = (schema.discriminator as { mapping?: Record<string, string> } | undefined)?.mapping ?? {};
    for (const ref of Object.values(mapping)) {
      const subtype = componentName(ref);
      if (subtype === undefined || subtype === base || !ctx.schemas[subtype]) continue;
      const redirects = basesOfSubtype.get(subtype) ?? new Map<string, string>();
      basesOfSubtype.set(subtype, redirects.set(base, base + BASE_SUFFIX));
    }
  }
  const definitions: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(ctx.schemas)) {
    ctx.redirects = basesOfSubtype.get(name);
    definitions[name] = toJsonSchema(schema, ctx, name);
  }
  ctx.redirects = undefined;
  for (const redirects of basesOfSubtype.values()) {
    for (const [base, plain] of redirects) definitions[plain] ??= toJsonSchema(ctx.schemas[base], ctx, base, false);
  }
  return { $id: ctx.refBase, definitions };
}
