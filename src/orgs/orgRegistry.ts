// The orgs the user has added: records in globalState (no secrets), each org's API token (or, for
// a service app, its private key) in SecretStorage under `okta.token/<orgId>`, the one place the
// extension gets an OktaClient, and
// the owner of each org's work (shared rate-limit state, a signal that removal or new credentials end).
import type { OktaClient } from '../okta/client';
import { isCancellation } from '../okta/errors';
import { OktaUser, TokenType } from '../okta/models';
import { nodeCrypto } from '../util/nodeCrypto';
import { anySignal } from '../util/signals';
import type { CheckConnection, ClientFactory, ClientHooks, OrgCredentials } from './connectionCheck';
import type { CredentialChecks } from './credentialChecks';
import { Disposable, Emitter } from '../util/emitter';
import { CancellationError, OrgConnectionError, OrgRegistryError, type WorkEndReason } from './errors';
import { KeyValueState } from './keyValueState';
import { OrgSecretIndex, orgIdOfSecretKey, orgSecretKey } from './orgSecretIndex';
import { credentialsFingerprint, OrgWork } from './orgWork';
import { redactToken, scrubbedCause } from './secretScrub';
import { SecretStore } from './secretStore';

export type { ClientHooks } from './connectionCheck';

/** globalState key holding `OrgRecord[]`. */
export const ORGS_STATE_KEY = 'okta.orgs';
/** Secret key kind of org tokens: `okta.token/<orgId>`. */
export const TOKEN_SECRET_KIND = 'okta.token';
/**
 * Secret rewritten after every change of the org list. SecretStorage tells every window about
 * changes, globalState does not: this is how renames and URL changes reach the other windows.
 */
export const REVISION_SECRET_KEY = 'okta.orgs.revision';

export interface OrgRecord {
  /** Stable id made by the registry; used in tree ids and secret keys. */
  id: string;
  label: string;
  /** Normalised origin, e.g. https://acme.okta.com (no trailing slash). */
  url: string;
  /** For API tokens and pasted access tokens; absent for a service app. */
  tokenType?: TokenType;
  /** For an OAuth service app (its private key is the org's secret). */
  serviceApp?: ServiceAppSettings;
  /** Who the token belongs to, as found by the last connection check (a service app has no user). */
  ownerLogin?: string;
  ownerName?: string;
  /** ISO timestamp. */
  addedAt: string;
  /** The local simulator added by "Try the demo org"; its URL changes when it restarts. */
  demo?: boolean;
}

/** A service app's settings that are not secret. */
export interface ServiceAppSettings {
  clientId: string;
  scopes: string[];
  /** The `kid` of the key registered in Okta. */
  keyId?: string;
}

export type ServiceAppInput = ServiceAppSettings & {
  /** PEM or JWK text; stored in SecretStorage only. */
  privateKey: string;
};

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

/** `orgId` undefined: anything may have changed (e.g. in another window); re-read the list. */
export interface OrgRegistryChange {
  orgId?: string;
}

/** Fired once an org is gone (removed here or, seen through the revision secret, in another window). */
export interface OrgRemoval {
  orgId: string;
}

export interface OrgRegistryOptions {
  state: KeyValueState;
  secrets: SecretStore;
  /** The checks run on credentials before they are stored, loaded on first use (see credentialChecks.ts). */
  credentialChecks(): Promise<CredentialChecks>;
  /** Checks a token before it is stored; default: GET /api/v1/users/me with an OktaClient. */
  checkConnection?: CheckConnection;
  /** Builds the clients clientFor() hands out (and the default check's client). */
  createClient: ClientFactory;
}

interface CachedClient {
  hooks: ClientHooks | undefined;
  client: Promise<OktaClient>;
}

/**
 * Adding the same org URL twice is refused with OrgRegistryError reason 'duplicate' (carrying
 * `existingOrgId`), so the UI can offer "Update token" for the existing org instead.
 * onDidChange may fire more than once for one change (own change, then its echo from storage).
 */
export class OrgRegistry implements Disposable {
  private readonly state: KeyValueState;
  private readonly secrets: SecretStore;
  private readonly orgSecrets: OrgSecretIndex;
  private readonly credentialChecks: () => Promise<CredentialChecks>;
  private readonly checkConnection: CheckConnection | undefined;
  private readonly createClient: ClientFactory;
  private readonly clients = new Map<string, CachedClient>();
  private readonly changes = new Emitter<OrgRegistryChange>();
  private readonly removals = new Emitter<OrgRemoval>();
  private readonly work = new OrgWork();
  private readonly secretListener: Disposable;
  private lastRevision: string | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** The org ids of the last list this window saw, to notice removals made in another window. */
  private knownOrgIds: Set<string>;

  readonly onDidChange = this.changes.event;
  /** For whoever keeps per-org state (an authenticator's secrets, open panels) that must be forgotten. */
  readonly onDidRemoveOrg = this.removals.event;

  constructor(options: OrgRegistryOptions) {
    this.state = options.state;
    this.secrets = options.secrets;
    this.orgSecrets = new OrgSecretIndex(options.secrets);
    this.createClient = options.createClient;
    this.credentialChecks = options.credentialChecks;
    this.checkConnection = options.checkConnection;
    this.secretListener = this.secrets.onDidChange(({ key }) => { void this.onSecretChanged(key); });
    this.knownOrgIds = new Set(this.list().map((org) => org.id));
  }

  list(): OrgRecord[] {
    const stored = this.state.get<unknown>(ORGS_STATE_KEY);
    return Array.isArray(stored) ? stored.filter(isOrgRecord).map((org) => ({ ...org })) : [];
  }

  get(orgId: string): OrgRecord | undefined {
    return this.list().find((org) => org.id === orgId);
  }

  /** Checks the credentials, then stores the org and its secret; stores nothing when anything fails. */
  async add(input: AddOrgInput): Promise<AddOrgResult> {
    const checks = await this.credentialChecks();
    const { url, notice } = normalizeUrl(checks, input.url);
    const { credentials, secret, record } = input.serviceApp
      ? serviceAppCredentials(checks, input.serviceApp) : tokenCredentials(input.token ?? '', input.tokenType);
    const token = secret;
    this.refuseDuplicate(url);
    const owner = await this.check({ orgUrl: url, ...credentials, signal: input.signal, hooks: input.hooks });
    return this.serialized(async () => {
      throwIfCancelled(input.signal);
      this.refuseDuplicate(url); // another add may have finished while we were checking
      const org: OrgRecord = {
        id: nodeCrypto().randomUUID(),
        label: input.label?.trim() || new URL(url).host,
        url,
        ...record,
        ...ownerFields(owner),
        addedAt: new Date().toISOString(),
        ...(input.demo ? { demo: true } : {}),
      };
      const before = this.list();
      await this.writeOrgs([...before, org]);
      try {
        await this.secrets.store(tokenKey(org.id), token);
      } catch (error) {
        await this.writeOrgs(before).catch(() => undefined);
        throw new Error(`Could not save the ${secretName(org)} in secret storage, so the org was not added: ${describe(error, token)}`, { cause: scrubbedCause(error, token) });
      }
      await this.announce(org.id);
      return { org: { ...org }, owner, notice };
    });
  }

  async rename(orgId: string, label: string): Promise<OrgRecord> {
    const trimmed = label.trim();
    if (!trimmed) throw new OrgRegistryError('invalid-input', 'An org name cannot be empty.');
    return this.updateRecord(orgId, (org) => ({ ...org, label: trimmed }));
  }

  /** Points an org at a new URL (the demo org's simulator restarts on a free port). Not checked. */
  async setUrl(orgId: string, url: string): Promise<OrgRecord> {
    const normalized = normalizeUrl(await this.credentialChecks(), url).url;
    return this.serialized(async () => {
      this.refuseDuplicate(normalized, orgId);
      // The token now goes to another address: that is new credentials.
      return this.updateRecordNow(orgId, (org) => ({ ...org, url: normalized }), 'credentials-changed');
    });
  }

  /** Checks the new token first; on success replaces the stored one and drops cached clients. */
  async updateToken(orgId: string, newToken: string, options: UpdateTokenOptions = {}): Promise<{ org: OrgRecord; owner?: OktaUser }> {
    const current = this.require(orgId);
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
    const current = this.require(orgId);
    if (!current.serviceApp) throw new OrgRegistryError('invalid-input', `"${current.label}" uses an API token: use Update Token on it.`);
    const privateKey = changes.privateKey ?? await this.secrets.get(tokenKey(orgId));
    if (!privateKey) throw new OrgRegistryError('no-token', `No private key is stored for "${current.label}". Import one.`);
    const settings = { ...current.serviceApp, ...changes, privateKey };
    if (changes.privateKey !== undefined && changes.keyId === undefined) delete settings.keyId; // a new key's id, if any, comes with it
    return this.replaceCredentials(orgId, serviceAppCredentials(await this.credentialChecks(), settings), options);
  }

  private async replaceCredentials(
    orgId: string, next: ReturnType<typeof tokenCredentials>, options: UpdateTokenOptions,
  ): Promise<{ org: OrgRecord; owner?: OktaUser }> {
    const current = this.require(orgId);
    const { credentials, secret, record } = next;
    // Removing the org while the new credentials are checked cancels the check.
    const signal = anySignal(options.signal, this.workSignal(orgId));
    const owner = await this.check({ orgUrl: current.url, ...credentials, signal, hooks: options.hooks });
    const what = secretName(record);
    return this.serialized(async () => {
      throwIfCancelled(options.signal);
      this.require(orgId);
      const oldSecret = await this.secrets.get(tokenKey(orgId));
      try {
        await this.secrets.store(tokenKey(orgId), secret);
      } catch (error) {
        throw new Error(`Could not save the ${what} in secret storage; the old one is kept: ${describe(error, secret)}`, { cause: scrubbedCause(error, secret) });
      }
      this.dropClients(orgId);
      this.work.end(orgId, 'credentials-changed');
      try {
        const updated = await this.updateRecordNow(orgId, (org) => {
          const { tokenType: _tokenType, serviceApp: _serviceApp, ownerLogin: _login, ownerName: _name, ...rest } = org;
          return { ...rest, ...record, ...ownerFields(owner) };
        });
        return { org: updated, owner };
      } catch (error) {
        // Keep the secret and the record in step: put the old secret back.
        const restore = oldSecret === undefined
          ? this.secrets.delete(tokenKey(orgId))
          : this.secrets.store(tokenKey(orgId), oldSecret);
        await Promise.resolve(restore).catch(() => undefined);
        this.dropClients(orgId);
        throw new Error(`Could not save the org settings; the old ${what} is kept: ${describe(error, secret)}`, { cause: scrubbedCause(error, secret) });
      }
    });
  }

  /**
   * Forgets the org and deletes all its secrets (token, authenticator secrets). Its work ends at
   * once: calls in flight and queued are cancelled, clients handed out refuse further calls. Idempotent.
   */
  async remove(orgId: string): Promise<void> {
    this.work.end(orgId, 'removed');
    await this.serialized(async () => {
      const orgs = this.list();
      const existed = orgs.some((org) => org.id === orgId);
      if (existed) await this.writeOrgs(orgs.filter((org) => org.id !== orgId));
      this.work.end(orgId, 'removed'); // work a client built while the list was being written
      this.dropClients(orgId);
      const results = await Promise.allSettled([
        this.secrets.delete(tokenKey(orgId)),
        this.orgSecrets.deleteAll(orgId),
      ]);
      await this.announce(orgId);
      if (existed) this.removals.fire({ orgId });
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) {
        throw new Error('The org was removed, but some of its secrets could not be deleted from secret storage.', { cause: failed.reason });
      }
    });
  }

  /** The only way the extension gets a client for an org: built from the stored token, cached. */
  async clientFor(orgId: string, hooks?: ClientHooks): Promise<OktaClient> {
    const org = this.require(orgId);
    const cached = this.clients.get(orgId);
    // A caller without hooks takes whatever client is cached; one with other hooks gets its own.
    if (cached && (!hooks || sameHooks(cached.hooks, hooks))) return cached.client;
    const client = this.buildClient(org, hooks);
    const entry: CachedClient = { hooks, client };
    this.clients.set(orgId, entry);
    client.catch(() => {
      if (this.clients.get(orgId) === entry) this.clients.delete(orgId);
    });
    return client;
  }

  /**
   * "This org's work": aborted (with a CancellationError as its reason) when the org is removed or
   * its token or URL changes; later calls get the new work's signal. Already aborted for an org
   * that is not (or no longer) configured.
   */
  workSignal(orgId: string): AbortSignal {
    if (!this.get(orgId)) return AbortSignal.abort(CancellationError.workEnded('removed'));
    return this.work.session(orgId).signal;
  }

  dispose(): void {
    this.secretListener.dispose();
    this.changes.dispose();
    this.removals.dispose();
    this.clients.clear();
    this.work.endAll('closed');
  }

  private async buildClient(org: OrgRecord, hooks: ClientHooks | undefined): Promise<OktaClient> {
    const secret = await this.secrets.get(tokenKey(org.id));
    if (!secret) {
      throw new OrgRegistryError('no-token', org.serviceApp
        ? `No private key is stored for "${org.label}". Use "Update Credentials" to import one.`
        : `No API token is stored for "${org.label}". Use "Update Token" to enter one.`);
    }
    if (!this.get(org.id)) throw unknownOrg(); // removed while the secret was read
    const credentials: OrgCredentials = org.serviceApp
      ? { privateKeyAuth: { ...org.serviceApp, privateKey: secret } }
      : { token: secret, tokenType: org.tokenType ?? 'SSWS' };
    const work = this.work.session(org.id, credentialsFingerprint(fingerprintText(org, secret)));
    return this.createClient({ orgUrl: org.url, ...credentials, ...hooks, work, signal: work.signal });
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

  private async onSecretChanged(key: string): Promise<void> {
    if (key === REVISION_SECRET_KEY) {
      const revision = await this.secrets.get(key);
      if (revision !== undefined && revision === this.lastRevision) return; // our own echo
      // Another window changed the list; a URL may have changed under a cached client.
      this.clients.clear();
      this.forgetOrgsRemovedElsewhere();
      this.changes.fire({});
    } else if (key.startsWith(`${TOKEN_SECRET_KIND}/`)) {
      const orgId = orgIdOfSecretKey(key);
      if (!orgId) return;
      this.dropClients(orgId);
      // Another window changed (or deleted) the secret: end the old credentials' work, not an echo's new one.
      const secret = await this.secrets.get(key);
      const org = this.get(orgId);
      this.work.endUnless(orgId, secret && org ? credentialsFingerprint(fingerprintText(org, secret)) : undefined);
      this.changes.fire({ orgId });
    }
  }

  private forgetOrgsRemovedElsewhere(): void {
    const current = new Set(this.list().map((org) => org.id));
    const gone = [...this.knownOrgIds].filter((orgId) => !current.has(orgId));
    this.knownOrgIds = current;
    for (const orgId of gone) {
      this.work.end(orgId, 'removed');
      this.removals.fire({ orgId });
    }
  }

  private async updateRecord(orgId: string, change: (org: OrgRecord) => OrgRecord): Promise<OrgRecord> {
    return this.serialized(() => this.updateRecordNow(orgId, change));
  }

  /** `endWork`: the change ends the org's work (before listeners hear of it and build new clients). */
  private async updateRecordNow(orgId: string, change: (org: OrgRecord) => OrgRecord, endWork?: WorkEndReason): Promise<OrgRecord> {
    const orgs = this.list();
    const index = orgs.findIndex((org) => org.id === orgId);
    if (index < 0) throw unknownOrg();
    const updated = { ...change(orgs[index]), id: orgId };
    orgs[index] = updated;
    await this.writeOrgs(orgs);
    this.dropClients(orgId);
    if (endWork) this.work.end(orgId, endWork);
    await this.announce(orgId);
    return { ...updated };
  }

  private require(orgId: string): OrgRecord {
    const org = this.get(orgId);
    if (!org) throw unknownOrg();
    return org;
  }

  private refuseDuplicate(url: string, exceptOrgId?: string): void {
    const existing = this.list().find((org) => org.url === url && org.id !== exceptOrgId);
    if (existing) {
      throw new OrgRegistryError(
        'duplicate',
        `${url} is already added as "${existing.label}". Use "Update Token" on it to change its token.`,
        existing.id,
      );
    }
  }

  private writeOrgs(orgs: OrgRecord[]): Promise<void> {
    return Promise.resolve(this.state.update(ORGS_STATE_KEY, orgs));
  }

  private dropClients(orgId: string): void {
    this.clients.delete(orgId);
  }

  /** Tells this window's listeners now, and other windows through the revision secret. */
  private async announce(orgId: string): Promise<void> {
    this.knownOrgIds = new Set(this.list().map((org) => org.id));
    this.changes.fire({ orgId });
    const revision = `${Date.now()}-${nodeCrypto().randomUUID()}`;
    this.lastRevision = revision;
    try {
      await this.secrets.store(REVISION_SECRET_KEY, revision);
    } catch {
      // Other windows then catch up on their next refresh; this window is already up to date.
    }
  }

  /** Runs state changes one at a time so concurrent calls never lose each other's writes. */
  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancellationError('Cancelled; nothing was stored.', { cause: signal.reason });
}

function tokenKey(orgId: string): string {
  return orgSecretKey(TOKEN_SECRET_KIND, orgId);
}

function normalizeUrl(checks: CredentialChecks, input: string): { url: string; notice?: string } {
  try {
    return checks.normalizeOrgUrl(input);
  } catch (error) {
    throw new OrgConnectionError('bad-url', error instanceof Error ? error.message : 'Invalid org URL.', {}, { cause: error });
  }
}

interface CheckedCredentials {
  credentials: OrgCredentials;
  /** What SecretStorage keeps: the token or the private key text. */
  secret: string;
  /** The record's fields that say how the org signs in. */
  record: Pick<OrgRecord, 'tokenType' | 'serviceApp'>;
}

/** Trims the token and drops an "SSWS "/"Bearer " prefix pasted with it. */
function tokenCredentials(input: string, tokenType: TokenType | undefined): CheckedCredentials {
  let token = input.trim();
  const prefix = /^(SSWS|Bearer)(\s+|$)/i.exec(token);
  if (prefix) token = token.slice(prefix[0].length);
  const type: TokenType = tokenType ?? (prefix?.[1].toLowerCase() === 'bearer' ? 'Bearer' : 'SSWS');
  if (!token) throw new OrgRegistryError('invalid-input', 'Enter the API token.');
  if (/\s/.test(token)) throw new OrgRegistryError('invalid-input', 'The token must be one line without spaces.');
  return { credentials: { token, tokenType: type }, secret: token, record: { tokenType: type } };
}

/** The settings trimmed and the key read (refused here, before any request, when it is not usable). */
function serviceAppCredentials(checks: CredentialChecks, input: ServiceAppInput): CheckedCredentials {
  const clientId = input.clientId.trim();
  const scopes = [...new Set(input.scopes.map((scope) => scope.trim()).filter(Boolean))];
  const keyId = input.keyId?.trim() || undefined;
  if (!clientId) throw new OrgRegistryError('invalid-input', 'Enter the client id of the service app.');
  if (/\s/.test(clientId)) throw new OrgRegistryError('invalid-input', 'The client id must be one word without spaces; copy it from the app\'s General tab.');
  if (scopes.length === 0) throw new OrgRegistryError('invalid-input', 'Choose at least one scope (okta.users.read to list users and factors).');
  checks.checkPrivateKey(input.privateKey, keyId);
  const settings: ServiceAppSettings = { clientId, scopes, ...(keyId ? { keyId } : {}) };
  return { credentials: { privateKeyAuth: { ...settings, privateKey: input.privateKey } }, secret: input.privateKey, record: { serviceApp: settings } };
}

/** What tells one org's credentials from another's: the secret and, for a service app, its settings. */
function fingerprintText(org: OrgRecord, secret: string): string {
  return org.serviceApp ? JSON.stringify([secret, org.serviceApp.clientId, org.serviceApp.scopes, org.serviceApp.keyId ?? null]) : secret;
}

function secretName(org: Pick<OrgRecord, 'serviceApp'>): string {
  return org.serviceApp ? 'private key' : 'token';
}

function ownerFields(owner: OktaUser | undefined): Pick<OrgRecord, 'ownerLogin' | 'ownerName'> {
  if (!owner) return {};
  const name = [owner.profile?.firstName, owner.profile?.lastName].filter(Boolean).join(' ');
  return { ownerLogin: owner.profile?.login, ownerName: name || undefined };
}

function sameHooks(a: ClientHooks | undefined, b: ClientHooks | undefined): boolean {
  return a?.onRequest === b?.onRequest && a?.onRateLimit === b?.onRateLimit && a?.timeoutMs === b?.timeoutMs;
}

function unknownOrg(): OrgRegistryError {
  return new OrgRegistryError('unknown-org', 'That org is no longer configured (was it removed in another window?).');
}

function describe(error: unknown, token: string): string {
  return redactToken(error instanceof Error ? error.message : 'unknown error', token);
}

function isOrgRecord(value: unknown): value is OrgRecord {
  const o = value as Partial<OrgRecord> | null;
  return !!o && typeof o.id === 'string' && typeof o.label === 'string' && typeof o.url === 'string'
    && (o.serviceApp === undefined ? o.tokenType === 'SSWS' || o.tokenType === 'Bearer' : isServiceAppSettings(o.serviceApp));
}

function isServiceAppSettings(value: unknown): value is ServiceAppSettings {
  const o = value as Partial<ServiceAppSettings> | null;
  return !!o && typeof o.clientId === 'string' && Array.isArray(o.scopes) && o.scopes.every((s) => typeof s === 'string')
    && (o.keyId === undefined || typeof o.keyId === 'string');
}
