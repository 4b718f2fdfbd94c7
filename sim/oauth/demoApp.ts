// The demo org's service app. Its one key is a fixed public JWK whose private half was thrown away
// when it was made, so nothing in the repo can sign for it: to use the app, register a key pair of
// your own with POST /sim/service-apps/{clientId}/keys (the simulator's "Admin Console" step).
import type { ServiceAppSpec } from './serviceApps';

export const DEMO_SERVICE_APP_CLIENT_ID = '0oasimdemoservice001';

export const DEMO_SERVICE_APP: ServiceAppSpec = {
  clientId: DEMO_SERVICE_APP_CLIENT_ID,
  jwks: {
    keys: [{
      kty: 'EC',
      crv: 'P-256',
      kid: 'demo-placeholder',
      x: 'YX7EEcGao11on6U4PaN0wepeT5B0WhudxaUEH_dn-LE',
      y: 'Gl3JQKOrUwJgKLZQ1JY5WelBDYtQ7QbhM7ufG1-xp_g',
    }],
  },
  scopes: ['okta.users.read', 'okta.users.manage'],
  requireDpop: true,
};
