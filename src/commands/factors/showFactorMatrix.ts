import type { CommandTarget } from '../../factors/targets';
import { openMatrixPanel } from '../../panels/matrix/matrixPanel';
import type { CommandServices } from '../commandServices';
import { resolveOrg } from '../pickers';

/** okta.showFactorMatrix: every user of the org (or of its tree filter, when one is set) against their factors. */
export async function showFactorMatrix(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveOrg(services, selected);
  if (!target) return;
  openMatrixPanel(services, target.orgId, services.tree.filterOf(target.orgId));
}
