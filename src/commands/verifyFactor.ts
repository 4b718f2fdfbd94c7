import type { Services } from '../services';
import { openVerifyPanel } from '../webviews/verifyPanel';
import { resolveFactor } from './pickers';

/** okta.verifyFactor: opens the Verify panel of an active factor node, or of one picked from the palette. */
export async function verifyFactor(services: Services, arg?: unknown): Promise<void> {
  const target = await resolveFactor(services, arg, (factor) => factor.status === 'ACTIVE');
  if (!target) return;
  openVerifyPanel(services, { orgId: target.orgId, user: target.user, factor: target.factor });
}
