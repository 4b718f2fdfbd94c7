import * as vscode from 'vscode';
import type { Services } from '../services';
import { resolveOrg } from './pickers';

/** okta.loadMore: the next page of an org's users (from the "Load more..." node or the palette). */
export async function loadMore(services: Services, arg?: unknown): Promise<void> {
  const target = await resolveOrg(services, arg);
  if (!target) return;
  await vscode.window.withProgress({ location: { viewId: 'okta.factors' } }, () => services.tree.loadMore(target.orgId));
}
