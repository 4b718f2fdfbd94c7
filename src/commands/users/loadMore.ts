import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { resolveOrg } from '../pickers';

/** okta.loadMore: the next page of an org's users (from the "Load more..." node or the palette). */
export async function loadMore(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveOrg(services, selected);
  if (!target) return;
  await vscode.window.withProgress({ location: { viewId: 'okta.factors' } }, () => services.tree.loadMore(target.orgId));
}
