import type { Services } from '../services';
import { resolveOrg } from './pickers';

/** okta.clearFilter: shows all users of the org again. */
export async function clearFilter(services: Services, arg?: unknown): Promise<void> {
  const target = await resolveOrg(services, arg);
  if (target) services.tree.setFilter(target.orgId, undefined);
}
