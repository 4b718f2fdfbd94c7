// What every built-in authenticator (OTP codes, passkeys) shares: one secret record per enrolled
// factor in the SecretStore, listed and deleted per org, and its own error for a factor it holds
// nothing for.
import { Disposable } from '../util/emitter';
import { SecretStore } from '../orgs/secretStore';
import { FactorRef, FactorSecrets } from './factorSecrets';

export abstract class StoredFactorSecrets<R> implements Disposable {
  protected readonly records: FactorSecrets<R>;

  /** Fires when a factor's secret is stored, changed or deleted, in this window or another. */
  readonly onDidChange: FactorSecrets<R>['onDidChange'];

  protected constructor(secrets: SecretStore, kind: string, isRecord: (value: unknown) => value is R) {
    this.records = new FactorSecrets(secrets, kind, isRecord);
    this.onDidChange = this.records.onDidChange;
  }

  /** The org's factors whose secret is kept here. */
  factorsWithSecrets(orgId: string): Promise<FactorRef[]> {
    return this.records.refs(orgId);
  }

  /** Deletes every secret of this kind for an org (the registry also does this when an org is removed). */
  async forgetOrg(orgId: string): Promise<void> {
    await this.records.deleteOrg(orgId);
  }

  dispose(): void {
    this.records.dispose();
  }

  protected async require(factor: FactorRef): Promise<R> {
    const record = await this.records.read(factor);
    if (!record) throw this.missingSecretError();
    return record;
  }

  protected abstract missingSecretError(): Error;
}
