import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { resolveOrg } from '../pickers';

/** okta.refresh: reloads the whole view. */
export function refresh(services: CommandServices): void {
  services.tree.refresh();
}

/** okta.refreshNode: reloads one org or user (a factor reloads its user); from the palette, an org. */
export async function refreshNode(services: CommandServices, selected?: CommandTarget): Promise<void> {
  if (selected) {
    await services.tree.refreshTarget(selected);
    return;
  }
  const target = await resolveOrg(services);
  if (target) services.tree.refreshOrg(target.orgId);
}
