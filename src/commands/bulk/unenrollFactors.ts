import type { BulkSummary } from '../../factors/bulkWork';
import { unenrollPlan } from '../../factors/bulkOperations';
import type { CommandTarget } from '../../factors/targets';
import { sampleOf } from '../../presentation/bulkText';
import { plural } from '../../factors/names';
import { describeFactor, describeUser } from '../../presentation/factorDescriptions';
import { confirmBulk, runBulkAction } from './bulkRun';
import { selectedFactors } from './bulkSelection';
import type { CommandServices } from '../commandServices';

const ACTION = 'Unenroll Factors';

/**
 * okta.unenrollFactors: unenrolls the selected factors, user by user, after one modal confirmation
 * ("Unenroll 12 factors from 5 users?"); resolves to the summary, or undefined when nothing ran.
 */
export async function unenrollFactors(services: CommandServices, target?: CommandTarget, selected?: CommandTarget[]): Promise<BulkSummary | undefined> {
  const factors = await selectedFactors(services, ACTION, target, selected);
  if (!factors) return undefined;
  const users = new Set(factors.map((f) => f.user.id)).size;
  const oktaVerify = factors.some((f) => f.factor.factorType === 'push' || f.factor.factorType === 'signed_nonce')
    ? ' Unenrolling Okta Verify push or FastPass also removes that user\'s other Okta Verify factors.' : '';
  const confirmed = await confirmBulk(
    `Unenroll ${plural(factors.length, 'factor')} from ${plural(users, 'user')}?`,
    `${sampleOf(factors.map((f) => `${describeFactor(f.factor)} of ${describeUser(f.user)}`))}\n\nThe users will have to enroll them again.${oktaVerify}`,
    'Unenroll',
  );
  if (!confirmed) return undefined;
  return runBulkAction(services, { name: ACTION, progressTitle: 'Unenrolling factors' }, unenrollPlan(services.factors, factors));
}
