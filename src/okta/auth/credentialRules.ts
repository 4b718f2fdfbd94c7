// The one set of rules for the credentials a person types (an API token, a service app's client id
// and scopes), shared by the prompts (as they type), the registry (before anything is stored) and
// the client (before anything is sent), so all three accept and refuse the same text with the same
// words. Each rule answers with the problem as a sentence, or undefined when the text is fine.

/** Printable ASCII without spaces: what Okta's client ids, scope names and tokens are made of. */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

export function tokenProblem(token: string): string | undefined {
  if (!token) return 'The token is empty: paste the API token.';
  if (/[\s\u0000-\u001f\u007f]/.test(token)) return 'The token must be one line without spaces or control characters: paste it again.';
  return undefined;
}

export function clientIdProblem(clientId: string): string | undefined {
  if (!clientId) return 'The client id is empty: copy it from the app\'s General tab.';
  if (clientId.length > 100 || !VISIBLE_ASCII.test(clientId)) {
    return 'A client id has no spaces or characters Okta does not use: copy it again from the app\'s General tab.';
  }
  return undefined;
}

export function scopesProblem(scopes: readonly string[]): string | undefined {
  if (scopes.length === 0 || scopes.some((scope) => !scope)) return 'Choose at least one scope (okta.users.read to list users and factors).';
  const bad = scopes.find((scope) => !VISIBLE_ASCII.test(scope) || scope.includes('"') || scope.includes('\\'));
  return bad === undefined ? undefined : `The scope "${bad}" is not a valid scope name.`;
}

/** The scopes as given, trimmed, without repeats. */
export function cleanScopes(scopes: readonly unknown[]): string[] {
  return [...new Set(scopes.map((scope) => (typeof scope === 'string' ? scope.trim() : '')))];
}

/** A pasted token trimmed, without an "SSWS "/"Bearer " prefix copied with it (and which one it was). */
export function withoutScheme(input: string): { token: string; scheme?: 'SSWS' | 'Bearer' } {
  const trimmed = input.trim();
  const prefix = /^(SSWS|Bearer)(\s+|$)/i.exec(trimmed);
  if (!prefix) return { token: trimmed };
  return { token: trimmed.slice(prefix[0].length), scheme: prefix[1].toLowerCase() === 'bearer' ? 'Bearer' : 'SSWS' };
}
