import type { SupportedFactor } from '../okta/models';
import type { Services } from '../services';
import { openEnrollPanel } from '../webviews/enrollPanel';
import { resolveUser } from './pickers';

/**
 * okta.enrollFactor: opens the Enroll panel of a user node, of a catalog entry node (with that
 * entry preselected), or of a user picked from the palette.
 */
export async function enrollFactor(services: Services, arg?: unknown): Promise<void> {
  const target = await resolveUser(services, arg);
  if (!target) return;
  const entry = (arg as { entry?: SupportedFactor } | undefined)?.entry;
  openEnrollPanel(services, { orgId: target.orgId, user: target.user, entry });
}
