// The simulated org's OAuth state: registered service apps, issued tokens, DPoP nonces and the
// used-jti memories. `reset` goes back to the apps given at start (plus the demo seed's app) and
// forgets every token, nonce and jti.
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiResponse } from '../http';
import { AccessTokens } from './accessTokens';
import { DEMO_SERVICE_APP } from './demoApp';
import { DpopNonces } from './dpopNonces';
import { authenticateServiceApp, type ResourceRequest, type ServiceAppCaller } from './resourceAccess';
import { imported, serviceApp, viewOf, withKey, type ServiceApp, type ServiceAppSpec, type ServiceAppView } from './serviceApps';
import { SingleUseIds } from './singleUseIds';
import { answerTokenRequest } from './tokenEndpoint';

export class OAuthServer {
  private readonly apps = new Map<string, ServiceApp>();
  private readonly tokens = new AccessTokens();
  private readonly nonces = new DpopNonces();
  private readonly assertionIds = new SingleUseIds();
  private readonly proofIds = new SingleUseIds();

  /** `startupApps` must have passed `OAuthServer.validated`. */
  private constructor(private readonly startupApps: readonly ServiceAppSpec[]) {}

  /** Checks every app (keys included) before the simulator starts. */
  static async create(startupApps: readonly ServiceAppSpec[]): Promise<OAuthServer> {
    for (const spec of [...startupApps, DEMO_SERVICE_APP]) await imported(serviceApp(spec));
    return new OAuthServer(startupApps);
  }

  reset(withDemoApp: boolean): void {
    this.apps.clear();
    for (const spec of withDemoApp ? [...this.startupApps, DEMO_SERVICE_APP] : this.startupApps) {
      const app = serviceApp(spec);
      this.apps.set(app.clientId, app);
    }
    this.tokens.clear();
    this.nonces.clear();
    this.assertionIds.clear();
    this.proofIds.clear();
  }

  tokenRequest(method: string, headers: IncomingHttpHeaders, body: Buffer, origin: string, nowMs: number): Promise<ApiResponse> {
    return answerTokenRequest(
      { findApp: (id) => this.apps.get(id), tokens: this.tokens, nonces: this.nonces, assertionIds: this.assertionIds, proofIds: this.proofIds },
      { method, headers, body, origin, nowMs },
    );
  }

  authenticate(request: ResourceRequest): Promise<ServiceAppCaller> {
    return authenticateServiceApp({ tokens: this.tokens, proofIds: this.proofIds }, request);
  }

  /** Registers (or replaces) an app; its tokens stay valid until they expire, like Okta's. */
  async register(spec: unknown): Promise<ServiceAppView> {
    const app = await imported(serviceApp(spec));
    this.apps.set(app.clientId, app);
    return viewOf(app);
  }

  list(): ServiceAppView[] {
    return [...this.apps.values()].map(viewOf);
  }

  remove(clientId: string): boolean {
    return this.apps.delete(clientId);
  }

  /** Revokes the app's issued tokens (an admin revoking them, or an app deactivated and reactivated); undefined when the app is unknown. */
  revokeTokens(clientId: string): number | undefined {
    return this.apps.has(clientId) ? this.tokens.revokeFor(clientId) : undefined;
  }

  async addKey(clientId: string, jwk: unknown): Promise<ServiceAppView | undefined> {
    const app = this.apps.get(clientId);
    if (!app) return undefined;
    const trial: ServiceApp = { ...app, keys: [...app.keys] };
    await imported({ ...trial, keys: [withKey(trial, jwk)] });
    this.apps.set(clientId, trial);
    return viewOf(trial);
  }

  /** false when the app or the key is unknown. */
  removeKey(clientId: string, kid: string): boolean {
    const app = this.apps.get(clientId);
    const index = app?.keys.findIndex((k) => k.kid === kid) ?? -1;
    if (!app || index < 0) return false;
    app.keys.splice(index, 1);
    return true;
  }
}
