// jose (JWTs, JWKs) is needed only by service-app orgs, on their first token request: loaded then,
// from its own bundle (the build maps this dynamic import to dist/lazy/jose.js).
type Jose = typeof import('jose');

let loading: Promise<Jose> | undefined;

export function loadJose(): Promise<Jose> {
  loading ??= import('jose');
  return loading;
}
