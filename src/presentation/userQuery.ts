// Turns the text a user typed into the org's user filter into a listUsers query. Plain text is a
// prefix search over login, email and names; text that already reads like an Okta search
// expression (it has an operator) is passed through as `search`. Free of `vscode` for unit tests.

export interface UsersQuery {
  search?: string;
}

/** Okta search operators; a filter containing one of these is taken as an expression. */
const OPERATOR = /\s(eq|ne|sw|co|ew|gt|ge|lt|le|pr)(\s|$)/i;
const PREFIX_ATTRIBUTES = ['profile.login', 'profile.email', 'profile.firstName', 'profile.lastName'];

/** Every user status; a search over all of them is the one way to list DEPROVISIONED users too. */
const EVERY_STATUS = ['STAGED', 'PROVISIONED', 'ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'SUSPENDED', 'DEPROVISIONED'];

/**
 * `x` -> `profile.login sw "x" or profile.email sw "x" or ...` (quotes and backslashes escaped).
 * Without filter text: a plain list, which omits DEPROVISIONED users, unless `showDeprovisioned`.
 */
export function usersQueryFor(filterText: string | undefined, showDeprovisioned = false): UsersQuery {
  const text = filterText?.trim();
  if (!text) return showDeprovisioned ? { search: EVERY_STATUS.map((s) => `status eq "${s}"`).join(' or ') } : {};
  if (OPERATOR.test(text)) return { search: text };
  const literal = `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return { search: PREFIX_ATTRIBUTES.map((attr) => `${attr} sw ${literal}`).join(' or ') };
}

/**
 * `search` includes DEPROVISIONED users, so with the setting `okta.users.showDeprovisioned` off they
 * are dropped from every page on arrival.
 */
export function isUserShown(user: { status: string }, showDeprovisioned: boolean): boolean {
  return showDeprovisioned || user.status !== 'DEPROVISIONED';
}
