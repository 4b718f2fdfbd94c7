import { canVerify } from '../../factors/capabilities';
import type { CommandTarget } from '../../factors/targets';
import { openVerifyPanel } from '../../panels/verify/verifyPanel';
import type { CommandServices } from '../commandServices';
import { resolveFactor } from '../pickers';

/** okta.verifyFactor: opens the Verify panel of an active factor, or of one picked from the palette. */
export async function verifyFactor(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveFactor(services, selected, canVerify);
  if (!target) return;
  openVerifyPanel(services, { orgId: target.orgId, user: target.user, factor: target.factor });
}
