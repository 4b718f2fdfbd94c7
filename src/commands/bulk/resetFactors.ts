import type { BulkSummary } from '../../factors/bulkWork';
import { resetPlan } from '../../factors/bulkOperations';
import type { CommandTarget } from '../../factors/targets';
import { sampleOf } from '../../presentation/bulkText';
import { plural } from '../../factors/names';
import { describeUser } from '../../presentation/factorDescriptions';
import { confirmBulk, runBulkAction } from './bulkRun';
import { selectedUsers } from './bulkSelection';
import type { CommandServices } from '../commandServices';

const ACTION = 'Reset Factors';

/**
 * okta.resetFactors: resets every factor of the selected users (one request each), after one modal
 * confirmation; resolves to the summary, or undefined when nothing ran.
 */
export async function resetFactors(services: CommandServices, target?: CommandTarget, selected?: CommandTarget[]): Promise<BulkSummary | undefined> {
  const users = await selectedUsers(services, ACTION, target, selected);
  if (!users) return undefined;
  const confirmed = await confirmBulk(
    `Reset all factors of ${plural(users.length, 'user')}?`,
    `${sampleOf(users.map((u) => describeUser(u.user)))}\n\nEvery MFA factor is removed and must be enrolled again `
      + '(on Identity Engine the recovery question stays until a second reset). Secrets kept by the built-in authenticator for them are forgotten.',
    'Reset Factors',
  );
  if (!confirmed) return undefined;
  return runBulkAction(services, { name: ACTION, progressTitle: 'Resetting factors' }, resetPlan(services.factors, users));
}
