import type { CommandTarget } from '../../factors/targets';
import { openActivityPanel, type ActivityPanel } from '../../panels/activity/activityPanel';
import type { CommandServices } from '../commandServices';
import { resolveUser } from '../pickers';

/**
 * okta.showMfaActivity: the MFA Activity panel of the user of a user or factor row, or of an org and
 * user picked from the palette. Returns the panel (tests follow its state through it).
 */
export async function showMfaActivity(services: CommandServices, selected?: CommandTarget): Promise<ActivityPanel | undefined> {
  const target = await resolveUser(services, selected);
  if (!target) return undefined;
  return openActivityPanel(services, { orgId: target.orgId, user: target.user });
}
