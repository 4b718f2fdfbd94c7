import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { resolveOrg } from '../pickers';

/** okta.clearFilter: shows all users of the org again. */
export async function clearFilter(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveOrg(services, selected);
  if (target) services.tree.setFilter(target.orgId, undefined);
}
