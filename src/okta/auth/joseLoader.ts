// jose (JWTs, JWKs) is needed only by service-app orgs, on their first token request: loaded then,
// from its own bundle (the build maps this dynamic import to dist/lazy/jose.js, a CommonJS file,
// whose exports arrive as `default`; from source they arrive as named exports).
type Jose = typeof import('jose');

let loading: Promise<Jose> | undefined;

export function loadJose(): Promise<Jose> {
  loading ??= import('jose').then((module) => (module as { default?: Jose }).default ?? module);
  return loading;
}
