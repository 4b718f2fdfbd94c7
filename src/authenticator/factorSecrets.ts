// One JSON record per enrolled factor in the SecretStore, under `<kind>/<orgId>/<userId>/<factorId>`,
// indexed per org so an org's records can all be deleted. Shared by the TOTP and HOTP authenticators.
import { Disposable, Emitter } from '../util/emitter';
import { OrgSecretIndex, orgSecretKey } from '../orgs/orgSecretIndex';
import { SecretStore } from '../orgs/secretStore';

export interface FactorRef {
  orgId: string;
  userId: string;
  factorId: string;
}

export class FactorSecrets<T> implements Disposable {
  private readonly index: OrgSecretIndex;
  private readonly changes = new Emitter<FactorRef>();
  private readonly secretListener: Disposable;

  /** Fires when a record is stored or deleted, in this window or another. */
  readonly onDidChange = this.changes.event;

  constructor(
    private readonly secrets: SecretStore,
    private readonly kind: string,
    private readonly isValid: (value: unknown) => value is T,
  ) {
    this.index = new OrgSecretIndex(secrets);
    this.secretListener = secrets.onDidChange(({ key }) => {
      const [kindOfKey, orgId, userId, factorId] = key.split('/');
      if (kindOfKey === kind && orgId && userId && factorId) this.changes.fire({ orgId, userId, factorId });
    });
  }

  async read({ orgId, userId, factorId }: FactorRef): Promise<T | undefined> {
    const json = await this.secrets.get(this.key(orgId, userId, factorId));
    if (!json) return undefined;
    try {
      const value: unknown = JSON.parse(json);
      return this.isValid(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  async write({ orgId, userId, factorId }: FactorRef, record: T): Promise<void> {
    await this.index.store(orgId, this.key(orgId, userId, factorId), JSON.stringify(record));
  }

  async delete({ orgId, userId, factorId }: FactorRef): Promise<void> {
    await this.index.delete(orgId, this.key(orgId, userId, factorId));
  }

  /** Every factor of the org that has a record of this kind. */
  async refs(orgId: string): Promise<FactorRef[]> {
    const refs: FactorRef[] = [];
    for (const key of await this.index.keys(orgId)) {
      const [kindOfKey, keyOrg, userId, factorId] = key.split('/');
      if (kindOfKey === this.kind && keyOrg === orgId && userId && factorId) refs.push({ orgId, userId, factorId });
    }
    return refs;
  }

  async deleteOrg(orgId: string): Promise<void> {
    await this.index.deleteAll(orgId, (key) => key.startsWith(`${this.kind}/`));
  }

  dispose(): void {
    this.secretListener.dispose();
    this.changes.dispose();
    this.index.dispose();
  }

  private key(orgId: string, userId: string, factorId: string): string {
    return orgSecretKey(this.kind, orgId, userId, factorId);
  }
}
