// Tiny structural validators for messages arriving from a webview. A webview is untrusted input
// (its script could be tampered with, or simply be a different build), so every message is checked
// for its exact shape before the host acts on it. Kept free of `vscode` so it is unit-tested in Node.

/** A check for one field's value. */
export type FieldCheck = (value: unknown) => boolean;

/** A string of at most `max` characters (webview text fields are short; caps keep logs sane). */
export const text = (max: number): FieldCheck => (v) => typeof v === 'string' && v.length <= max;

/** The cap of most text fields (names, codes, answers, ids), the same in every panel. */
export const SHORT_TEXT = 200;

export const boolean: FieldCheck = (v) => typeof v === 'boolean';

/** Request ids are small positive integers chosen by the webview, only used to pair replies. */
export const requestId: FieldCheck = (v) => Number.isSafeInteger(v) && (v as number) > 0;

export const optional = (check: FieldCheck): FieldCheck => (v) => v === undefined || check(v);

export const literal = (value: string): FieldCheck => (v) => v === value;

export const oneOf = (...values: string[]): FieldCheck => (v) => typeof v === 'string' && values.includes(v);

/** An array of at most `max` items, each passing `check`. */
export const list = (check: FieldCheck, max: number): FieldCheck => (v) => Array.isArray(v) && v.length <= max && v.every(check);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object with exactly these keys (optional ones may be missing), each passing its check. */
export function shape(fields: Record<string, FieldCheck>): FieldCheck {
  return (v) => {
    if (!isPlainObject(v)) return false;
    // Own keys only: `in` would also accept "toString", "constructor"... from Object.prototype.
    for (const key of Object.keys(v)) if (!Object.hasOwn(fields, key)) return false;
    return Object.entries(fields).every(([key, check]) => check(Object.hasOwn(v, key) ? v[key] : undefined));
  };
}

/** A tampered type name as a log may show it: printable ASCII only, short (no CR/LF to forge log lines). */
function printable(text: string): string {
  return text.slice(0, 40).replace(/[^\x20-\x7e]/g, '?');
}

export type ParseResult<T> = { ok: true; message: T } | { ok: false; reason: string };

/**
 * Builds a parser for a union of messages discriminated on `type`: one shape per type, listed in a
 * table typed against the union so a new message type cannot be forgotten.
 */
export function messageParser<T extends { type: string }>(
  shapes: { [K in T['type']]: Record<string, FieldCheck> },
): (raw: unknown) => ParseResult<T> {
  const checks = new Map<string, FieldCheck>(
    Object.entries<Record<string, FieldCheck>>(shapes).map(([type, fields]) => [type, shape({ ...fields, type: literal(type) })]),
  );
  return (raw) => {
    if (!isPlainObject(raw) || typeof raw.type !== 'string') return { ok: false, reason: 'not a message object' };
    const check = checks.get(raw.type);
    if (!check) return { ok: false, reason: `unknown message type "${printable(raw.type)}"` };
    if (!check(raw)) return { ok: false, reason: `malformed "${raw.type}" message` };
    return { ok: true, message: raw as unknown as T };
  };
}
