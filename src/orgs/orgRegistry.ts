// The orgs the user has added, and the one place the extension gets an OktaClient. It puts together
// the org list (records in globalState, echoed across windows: orgList.ts), each org's secret in
// SecretStorage (`okta.token/<orgId>`), credentials made ready by the one set of rules
// (orgCredentials.ts) and checked against the org before they are stored, and each org's clients
// and work (orgClients.ts: removal or new credentials end it).
import type { OktaClient } from '../okta/client';
import { isCancellation } from '../okta/errors';
import type { OktaUser, TokenType } from '../okta/models';
import { nodeCrypto } from '../util/nodeCrypto';
import { anySignal } from '../util/signals';
import type { Disposable } from '../util/emitter';
import type { CheckConnection, ClientFactory, ClientHooks } from './connectionCheck';
import type { CredentialChecks } from './credentialChecks';
import { CancellationError, OrgRegistryError } from './errors';
import type { KeyValueState } from './keyValueState';
import { OrgClients } from './orgClients';
import { normalizeUrl, ownerFields, serviceAppCredentials, tokenCredentials, type CheckedCredentials } from './orgCredentials';
import { OrgList } from './orgList';
import { credentialsFingerprint } from './orgWork';
import { secretName, TOKEN_SECRET_KIND, type OrgRecord, type ServiceAppInput } from './orgRecord';
import { OrgSecretIndex, orgIdOfSecretKey, orgSecretKey } from './orgSecretIndex';
import { redactToken, scrubbedCause } from './secretScrub';
import type { SecretStore } from './secretStore';

export type { ClientHooks } from './connectionCheck';
export type { OrgRegistryChange, OrgRemoval } from './orgList';

export interface AddOrgInput {
  /** Defaults to the org's host name. */
  label?: string;
  url: string;
  /** An API token or access token; or else `serviceApp`. */
  token?: string;
  serviceApp?: ServiceAppInput;
  /** Defaults to SSWS (an API token), or Bearer when the pasted token starts with "Bearer ". */
  tokenType?: TokenType;
  demo?: boolean;
  /** Cancels the token check; the add then rejects with a CancellationError and stores nothing. */
  signal?: AbortSignal;
  /** Hooks for the token check's client, so its request reaches the request log. */
  hooks?: ClientHooks;
}

export interface AddOrgResult {
  org: OrgRecord;
  /** The token's owner (GET /api/v1/users/me); none for a service app. */
  owner?: OktaUser;
  /** Set when the URL was changed on the way in (e.g. an -admin host). */
  notice?: string;
}

export interface UpdateTokenOptions {
  tokenType?: TokenType;
  /** As for add: cancelling rejects with a CancellationError and keeps the old token. */
  signal?: AbortSignal;
  /** Hooks for the token check's client. */
  hooks?: ClientHooks;
}

export interface OrgRegistryOptions {
  state: KeyValueState;
  secrets: SecretStore;
  /** The checks run on credentials before they are stored, asked for when credentials come (see credentialChecks.ts). */
  credentialChecks: () => Promise<CredentialChecks>;
  /** Checks a token before it is stored; default: GET /api/v1/users/me with an OktaClient. */
  checkConnection?: CheckConnection;
  /** Builds the clients clientFor() hands out (and the default check's client). */
  createClient: ClientFactory;
}

/**
 * Adding the same org URL twice is refused with OrgRegistryError reason 'duplicate' (carrying
 * `existingOrgId`), so the UI can offer "Update token" for the existing org instead.
 * onDidChange may fire more than once for one change (own change, then its echo from storage).
 */
export class OrgRegistry implements Disposable {
  private readonly secrets: SecretStore;
  private readonly orgs: OrgList;
  private readonly clients: OrgClients;
  private readonly orgSecrets: OrgSecretIndex;
  private readonly credentialChecks: () => Promise<CredentialChecks>;
  private readonly checkConnection: CheckConnection | undefined;
  private readonly createClient: ClientFactory;
  private readonly listeners: Disposable[];
  /** Fingerprints of the secrets this window wrote last, per org, to tell its own echoes from other windows' changes. */
  private readonly ownSecretWrites = new Map<string, string>();

  readonly onDidChange;
  /** For whoever keeps per-org state (an authenticator's secrets, open panels) that must be forgotten. */
  readonly onDidRemoveOrg;

  constructor(options: OrgRegistryOptions) {
    this.secrets = options.secrets;
    this.orgs = new OrgList(options.state, options.secrets);
    this.onDidChange = this.orgs.onDidChange;
    this.onDidRemoveOrg = this.orgs.onDidRemoveOrg;
    this.orgSecrets = new OrgSecretIndex(options.secrets);
    this.createClient = options.createClient;
    this.credentialChecks = options.credentialChecks;
    this.checkConnection = options.checkConnection;
    this.clients = new OrgClients({
      createClient: options.createClient,
      secretOf: async (orgId) => this.secrets.get(tokenKey(orgId)),
      recordOf: (orgId) => this.get(orgId),
    });
    this.listeners = [
      this.orgs.onDidChangeElsewhere(({ removed }) => {
        this.clients.drop(); // a URL may have changed under a cached client
        for (const orgId of removed) {
          this.clients.end(orgId, 'removed');
          this.orgs.removed(orgId);
        }
        this.orgs.changed();
      }),
      this.secrets.onDidChange(({ key }) => { if (key.startsWith(`${TOKEN_SECRET_KIND}/`)) void this.onTokenChanged(key); }),
    ];
  }

  list(): OrgRecord[] {
    return this.orgs.list();
  }

  get(orgId: string): OrgRecord | undefined {
    return this.orgs.get(orgId);
  }

  /** Checks the credentials, then stores the org and its secret; stores nothing when anything fails. */
  async add(input: AddOrgInput): Promise<AddOrgResult> {
    const checks = await this.credentialChecks();
    const { url, notice } = normalizeUrl(checks, input.url);
    const { credentials, secret, record } = input.serviceApp
      ? serviceAppCredentials(checks, input.serviceApp) : tokenCredentials(input.token ?? '', input.tokenType);
    this.orgs.refuseDuplicate(url);
    const owner = await this.check({ orgUrl: url, ...credentials, signal: input.signal, hooks: input.hooks });
    return this.orgs.serialized(async () => {
      throwIfCancelled(input.signal);
      this.orgs.refuseDuplicate(url); // another add may have finished while we were checking
      const org: OrgRecord = {
        id: nodeCrypto().randomUUID(),
        label: input.label?.trim() || new URL(url).host,
        url,
        ...record,
        ...ownerFields(owner),
        addedAt: new Date().toISOString(),
        ...(input.demo ? { demo: true } : {}),
      };
      const before = this.orgs.list();
      await this.orgs.write([...before, org]);
      try {
        await this.storeSecret(org.id, secret);
      } catch (error) {
        await this.orgs.write(before).catch(() => undefined);
        throw new Error(`Could not save the ${secretName(org)} in secret storage, so the org was not added: ${describe(error, secret)}`, { cause: scrubbedCause(error, secret) });
      }
      await this.orgs.announce(org.id);
      return { org: { ...org }, owner, notice };
    });
  }

  async rename(orgId: string, label: string): Promise<OrgRecord> {
    const trimmed = label.trim();
    if (!trimmed) throw new OrgRegistryError('invalid-input', 'An org name cannot be empty.');
    return this.orgs.serialized(() => this.updateRecord(orgId, (org) => ({ ...org, label: trimmed })));
  }

  /** Points an org at a new URL (the demo org's simulator restarts on a free port). Not checked. */
  async setUrl(orgId: string, url: string): Promise<OrgRecord> {
    const normalized = normalizeUrl(await this.credentialChecks(), url).url;
    return this.orgs.serialized(async () => {
      this.orgs.refuseDuplicate(normalized, orgId);
      // The token now goes to another address: that is new credentials.
      return this.updateRecord(orgId, (org) => ({ ...org, url: normalized }), true);
    });
  }

  /** Checks the new token first; on success replaces the stored one and drops cached clients. */
  async updateToken(orgId: string, newToken: string, options: UpdateTokenOptions = {}): Promise<{ org: OrgRecord; owner?: OktaUser }> {
    const current = this.orgs.require(orgId);
    if (current.serviceApp) {
      throw new OrgRegistryError('invalid-input', `"${current.label}" signs in as a service app: update its credentials or rotate its key instead.`);
    }
    return this.replaceCredentials(orgId, tokenCredentials(newToken, options.tokenType ?? current.tokenType), options);
  }

  /**
   * A service app's new settings or key (a rotation), checked first: the stored key is replaced
   * only once the new one works. Settings left out stay as they are; so does the key.
   */
  async updateServiceApp(orgId: string, changes: Partial<ServiceAppInput>, options: UpdateTokenOptions = {}): Promise<{ org: OrgRecord }> {
    const current = this.orgs.require(orgId);
    if (!current.serviceApp) throw new OrgRegistryError('invalid-input', `"${current.label}" uses an API token: use Update Token on it.`);
    const privateKey = changes.privateKey ?? await this.secrets.get(tokenKey(orgId));
    if (!privateKey) throw new OrgRegistryError('no-token', `No private key is stored for "${current.label}". Import one.`);
    const settings = { ...current.serviceApp, ...changes, privateKey };
    if (changes.privateKey !== undefined && changes.keyId === undefined) delete settings.keyId; // a new key's id, if any, comes with it
    return this.replaceCredentials(orgId, serviceAppCredentials(await this.credentialChecks(), settings), options);
  }

  private async replaceCredentials(orgId: string, next: CheckedCredentials, options: UpdateTokenOptions): Promise<{ org: OrgRecord; owner?: OktaUser }> {
    const current = this.orgs.require(orgId);
    const { credentials, secret, record } = next;
    // Removing the org while the new credentials are checked cancels the check.
    const signal = anySignal(options.signal, this.workSignal(orgId));
    const owner = await this.check({ orgUrl: current.url, ...credentials, signal, hooks: options.hooks });
    const what = secretName(record);
    return this.orgs.serialized(async () => {
      throwIfCancelled(options.signal);
      this.orgs.require(orgId);
      const oldSecret = await this.secrets.get(tokenKey(orgId));
      try {
        await this.storeSecret(orgId, secret);
      } catch (error) {
        throw new Error(`Could not save the ${what} in secret storage; the old one is kept: ${describe(error, secret)}`, { cause: scrubbedCause(error, secret) });
      }
      this.clients.drop(orgId);
      this.clients.end(orgId, 'credentials-changed');
      try {
        const updated = await this.updateRecord(orgId, (org) => {
          const { tokenType: _tokenType, serviceApp: _serviceApp, ownerLogin: _login, ownerName: _name, ...rest } = org;
          return { ...rest, ...record, ...ownerFields(owner) };
        });
        return { org: updated, owner };
      } catch (error) {
        // Keep the secret and the record in step: put the old secret back.
        const restore = oldSecret === undefined ? this.deleteSecret(orgId) : this.storeSecret(orgId, oldSecret);
        await Promise.resolve(restore).catch(() => undefined);
        this.clients.drop(orgId);
        throw new Error(`Could not save the org settings; the old ${what} is kept: ${describe(error, secret)}`, { cause: scrubbedCause(error, secret) });
      }
    });
  }

  /**
   * Forgets the org and deletes all its secrets (token, authenticator secrets). Its work ends at
   * once: calls in flight and queued are cancelled, clients handed out refuse further calls. Idempotent.
   */
  async remove(orgId: string): Promise<void> {
    this.clients.end(orgId, 'removed');
    await this.orgs.serialized(async () => {
      const orgs = this.orgs.list();
      const existed = orgs.some((org) => org.id === orgId);
      if (existed) await this.orgs.write(orgs.filter((org) => org.id !== orgId));
      this.clients.end(orgId, 'removed'); // work a client built while the list was being written
      this.clients.drop(orgId);
      const results = await Promise.allSettled([
        this.deleteSecret(orgId),
        this.orgSecrets.deleteAll(orgId),
      ]);
      await this.orgs.announce(orgId);
      if (existed) this.orgs.removed(orgId);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) {
        throw new Error('The org was removed, but some of its secrets could not be deleted from secret storage.', { cause: failed.reason });
      }
    });
  }

  /** The only way the extension gets a client for an org: built from the stored token, cached. */
  async clientFor(orgId: string, hooks?: ClientHooks): Promise<OktaClient> {
    return this.clients.clientFor(this.orgs.require(orgId), hooks);
  }

  /**
   * "This org's work": aborted (with a CancellationError as its reason) when the org is removed or
   * its token or URL changes; later calls get the new work's signal. Already aborted for an org
   * that is not (or no longer) configured.
   */
  workSignal(orgId: string): AbortSignal {
    if (!this.get(orgId)) return AbortSignal.abort(CancellationError.workEnded('removed'));
    return this.clients.workSignal(orgId);
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.orgs.dispose();
    this.clients.dispose();
    this.orgSecrets.dispose();
  }

  /** Runs the credentials check; a cancelled check (or one that ends after Cancel) is a CancellationError. */
  private async check(connection: Parameters<CheckConnection>[0]): Promise<OktaUser | undefined> {
    throwIfCancelled(connection.signal);
    const checks = await this.credentialChecks();
    const checkConnection = this.checkConnection ?? checks.checkConnectionWith(this.createClient);
    let owner: OktaUser | undefined;
    try {
      owner = await checkConnection(connection);
    } catch (error) {
      if (connection.signal?.aborted || isCancellation(error)) throw new CancellationError('The token check was cancelled.', { cause: error });
      throw checks.explainConnectionFailure(error, connection.orgUrl, connection.token ?? connection.privateKeyAuth.privateKey);
    }
    throwIfCancelled(connection.signal);
    return owner;
  }

  /**
   * An org's secret changed. This window's own write was announced when it was made: its echo is
   * passed over (a second refresh of the tree then raced the org's first expansion and showed it empty).
   */
  private async onTokenChanged(key: string): Promise<void> {
    const orgId = orgIdOfSecretKey(key);
    if (!orgId) return;
    const secret = await this.secrets.get(key);
    if (this.ownSecretWrites.get(orgId) === credentialsFingerprint(secret ?? '')) {
      this.ownSecretWrites.delete(orgId);
      return;
    }
    this.clients.drop(orgId);
    this.clients.endUnlessCurrent(orgId, secret);
    this.orgs.changed(orgId);
  }

  private storeSecret(orgId: string, secret: string): PromiseLike<void> {
    this.ownSecretWrites.set(orgId, credentialsFingerprint(secret));
    return this.secrets.store(tokenKey(orgId), secret);
  }

  private deleteSecret(orgId: string): PromiseLike<void> {
    this.ownSecretWrites.set(orgId, credentialsFingerprint(''));
    return this.secrets.delete(tokenKey(orgId));
  }

  /** Changes the record (run inside `serialized`); `newCredentials`: the change ends the org's work first. */
  private async updateRecord(orgId: string, change: (org: OrgRecord) => OrgRecord, newCredentials = false): Promise<OrgRecord> {
    const updated = await this.orgs.update(orgId, change);
    this.clients.drop(orgId);
    if (newCredentials) this.clients.end(orgId, 'credentials-changed');
    await this.orgs.announce(orgId);
    return updated;
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancellationError('Cancelled; nothing was stored.', { cause: signal.reason });
}

function tokenKey(orgId: string): string {
  return orgSecretKey(TOKEN_SECRET_KIND, orgId);
}

function describe(error: unknown, token: string): string {
  return redactToken(error instanceof Error ? error.message : 'unknown error', token);
}
