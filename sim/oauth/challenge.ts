// The WWW-Authenticate challenge Okta's API sends with OAuth refusals, in the form recorded from a real
// org (okta/okta-sdk-nodejs issue #453; Okta support article on insufficient_scope):
//   DPoP algs="…", authorization_uri="{org}/oauth2/v1/authorize", realm="{org}", scope="…",
//   error="…", error_description="…", resource="/api/v1/…"
import { PROOF_ALGS } from './dpopProof';

export type TokenScheme = 'Bearer' | 'DPoP';

export interface ChallengeFields {
  error: string;
  description: string;
  /** The scope the operation needs. */
  scope?: string;
}

export function challenge(scheme: TokenScheme, origin: string, resource: string, fields: ChallengeFields): string {
  const params: [string, string | undefined][] = [
    ['algs', scheme === 'DPoP' ? PROOF_ALGS : undefined],
    ['authorization_uri', `${origin}/oauth2/v1/authorize`],
    ['realm', origin],
    ['scope', fields.scope],
    ['error', fields.error],
    ['error_description', fields.description],
    ['resource', resource],
  ];
  return `${scheme} ${params.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}="${v}"`).join(', ')}`;
}
