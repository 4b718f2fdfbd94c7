// Secrets kept by the earlier counter-based Custom TOTP version move under their factor's profile,
// or are dropped (said once), once per org and window.
import type { DroppedLegacySecret } from '../authenticator/legacyHotpSecrets';
import type { CustomTotpProfile } from '../okta/models';
import type { FactorService } from './factorService';

export interface LegacySecretMigrationDeps {
  /** Moves (or drops) the org's legacy secrets, given each factor's profile settings. */
  migrate(orgId: string, profileOf: (factor: { userId: string; factorId: string }) => Promise<CustomTotpProfile['settings'] | undefined>):
    Promise<{ dropped: DroppedLegacySecret[] }>;
  factors: Pick<FactorService, 'factorById' | 'customTotpProfiles'>;
  /** Told the secrets that had to be dropped. */
  onDropped(dropped: DroppedLegacySecret[]): void;
  log(line: string): void;
}

export class LegacySecretMigration {
  private readonly migrations = new Map<string, Promise<void>>();

  constructor(private readonly deps: LegacySecretMigrationDeps) {}

  /** Runs the org's migration unless it ran already; never rejects (a failure is logged). */
  runOnce(orgId: string): Promise<void> {
    let migration = this.migrations.get(orgId);
    if (!migration) {
      migration = this.run(orgId).catch((err) => this.deps.log(`Could not migrate the earlier Custom TOTP secrets: ${err instanceof Error ? err.message : String(err)}`));
      this.migrations.set(orgId, migration);
    }
    return migration;
  }

  private async run(orgId: string): Promise<void> {
    const { factors } = this.deps;
    const profileOf = async ({ userId, factorId }: { userId: string; factorId: string }) => {
      const factor = await factors.factorById(orgId, userId, factorId).catch(() => undefined);
      const profileId = (factor as { factorProfileId?: string } | undefined)?.factorProfileId;
      return (await factors.customTotpProfiles(orgId)).find((p) => p.id === profileId)?.settings;
    };
    const { dropped } = await this.deps.migrate(orgId, profileOf);
    if (dropped.length > 0) this.deps.onDropped(dropped);
  }
}
