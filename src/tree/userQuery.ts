// Turns the text a user typed into the org's user filter into a listUsers query. Plain text is a
// prefix search over login, email and names; text that already reads like an Okta search
// expression (it has an operator) is passed through as `search`. Free of `vscode` for unit tests.

export interface UsersQuery {
  search?: string;
}

/** Okta search operators; a filter containing one of these is taken as an expression. */
const OPERATOR = /\s(eq|ne|sw|co|ew|gt|ge|lt|le|pr)(\s|$)/i;
const PREFIX_ATTRIBUTES = ['profile.login', 'profile.email', 'profile.firstName', 'profile.lastName'];

/** `x` -> `profile.login sw "x" or profile.email sw "x" or ...`; quotes and backslashes escaped. */
export function usersQueryFor(filterText: string | undefined): UsersQuery {
  const text = filterText?.trim();
  if (!text) return {};
  if (OPERATOR.test(text)) return { search: text };
  const literal = `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return { search: PREFIX_ATTRIBUTES.map((attr) => `${attr} sw ${literal}`).join(' or ') };
}

/**
 * A plain list omits DEPROVISIONED users but `search` includes them, so the setting
 * `okta.users.showDeprovisioned` is applied to every page on arrival.
 */
export function isUserShown(user: { status: string }, showDeprovisioned: boolean): boolean {
  return showDeprovisioned || user.status !== 'DEPROVISIONED';
}
