// The part of the extension's Services that the panels use. Services satisfies it; tests can build
// it from an OrgRegistry, the TOTP and HOTP authenticators and a recording tree without activating the extension.
import type * as vscode from 'vscode';
import type { HotpAuthenticator } from '../authenticator/hotpAuthenticator';
import type { TotpAuthenticator } from '../authenticator/totpAuthenticator';
import type { OrgRegistry } from '../orgs/orgRegistry';
import type { Services } from '../services';

export interface PanelServices extends Pick<Services, 'log' | 'clientFor'> {
  context: Pick<vscode.ExtensionContext, 'extensionUri'>;
  registry: Pick<OrgRegistry, 'get'>;
  authenticator: Pick<TotpAuthenticator, 'remember' | 'has' | 'currentCode' | 'otpauthUri'>;
  hotpAuthenticator: Pick<HotpAuthenticator, 'remember' | 'has' | 'nextCode'>;
  tree: { refreshUser(orgId: string, userId: string): void };
}
