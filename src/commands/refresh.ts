import type { Services } from '../services';
import { TreeNode } from '../tree/treeNode';
import { resolveOrg } from './pickers';

/** okta.refresh: reloads the whole view. */
export function refresh(services: Services): void {
  services.tree.refresh();
}

/** okta.refreshNode: reloads one org or user (a factor reloads its user); from the palette, an org. */
export async function refreshNode(services: Services, arg?: unknown): Promise<void> {
  if (arg instanceof TreeNode) {
    services.tree.refresh(arg.nodeToReload());
    return;
  }
  const target = await resolveOrg(services, arg);
  if (target) services.tree.refreshOrg(target.orgId);
}
