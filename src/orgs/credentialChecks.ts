// What the registry runs on credentials before it stores them: the org URL's form, a service app's
// key, the connection check and the explanation of its failure. Only adding an org or changing its
// credentials needs them: the registry asks the wiring for them then.
import { normalizeOrgUrl } from '../okta/orgUrl';
import { checkConnectionWith, explainConnectionFailure } from './connectionCheck';
import { checkPrivateKey } from './serviceAppKeys';

export interface CredentialChecks {
  normalizeOrgUrl: typeof normalizeOrgUrl;
  checkPrivateKey: typeof checkPrivateKey;
  checkConnectionWith: typeof checkConnectionWith;
  explainConnectionFailure: typeof explainConnectionFailure;
}

export const credentialChecks: CredentialChecks = { normalizeOrgUrl, checkPrivateKey, checkConnectionWith, explainConnectionFailure };
