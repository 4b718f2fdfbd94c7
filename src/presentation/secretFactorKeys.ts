// The one list of factor attributes that are secrets (write-only inputs Okta may echo back, and
// the TOTP/HOTP shared secret): the tree's tooltips leave them out, the JSON document masks them.

export const SECRET_FACTOR_KEYS: ReadonlySet<string> = new Set(['answer', 'passCode', 'nextPassCode', 'sharedSecret']);
