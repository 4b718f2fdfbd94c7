import type { CommandTarget } from '../../factors/targets';
import { openEnrollPanel } from '../../panels/enroll/enrollPanel';
import type { CommandServices } from '../commandServices';
import { resolveUser } from '../pickers';

/**
 * okta.enrollFactor: opens the Enroll panel of a user, of a catalog entry (with that entry
 * preselected), or of a user picked from the palette.
 */
export async function enrollFactor(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveUser(services, selected);
  if (!target) return;
  const entry = selected?.kind === 'catalogEntry' ? selected.entry : undefined;
  openEnrollPanel(services, { orgId: target.orgId, user: target.user, entry });
}
