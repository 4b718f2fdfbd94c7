// The factor workflows as the wiring builds them (FactorService, PushVerifications and PasskeyFactors sharing one
// FactorChanges), on a client a test gives, with the org's work as the registry keeps it: `endOrg`
// does what removing the org does (its work ends, then its secrets and state are forgotten).
import { TotpAuthenticator } from '../../src/authenticator/totpAuthenticator';
import { FactorChanges } from '../../src/factors/factorChanges';
import { PasskeyAuthenticator } from '../../src/authenticator/passkey/passkeyAuthenticator';
import { FactorService, type FactorServiceDeps } from '../../src/factors/factorService';
import { PasskeyFactors } from '../../src/factors/passkeyFactors';
import { PushVerifications } from '../../src/factors/pushVerifications';
import type { OktaClient } from '../../src/okta/client';
import { OrgWork } from '../../src/orgs/orgWork';
import { InMemorySecretStore } from '../../src/orgs/secretStore';

export interface FactorWorkflowsOptions {
  totp?: FactorServiceDeps['totp'];
  passkeys?: PasskeyAuthenticator;
  log?: (line: string) => void;
  issuer?: string;
  now?: () => number;
}

export interface FactorWorkflows {
  factors: FactorService;
  pushes: PushVerifications;
  passkeys: PasskeyFactors;
  changes: FactorChanges;
  endOrg(orgId: string): Promise<void>;
}

export function factorWorkflows(clientFor: (orgId: string) => Promise<OktaClient>, options: FactorWorkflowsOptions = {}): FactorWorkflows {
  const work = new OrgWork();
  const workSignal = (orgId: string) => work.session(orgId).signal;
  const changes = new FactorChanges();
  const passkeys = new PasskeyFactors({ clientFor, workSignal, changes, passkeys: options.passkeys ?? new PasskeyAuthenticator(new InMemorySecretStore()) });
  const factors = new FactorService({
    clientFor, workSignal, changes, passkeys, now: options.now,
    totp: options.totp ?? new TotpAuthenticator(new InMemorySecretStore()),
    issuerOf: () => options.issuer ?? 'Test org',
    log: options.log ?? (() => undefined),
  });
  const pushes = new PushVerifications({ clientFor, workSignal, changes, now: options.now });
  return {
    factors, pushes, passkeys, changes,
    endOrg: async (orgId) => {
      work.end(orgId, 'removed');
      pushes.forgetOrg(orgId);
      await factors.forgetOrg(orgId);
    },
  };
}
