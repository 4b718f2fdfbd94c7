import * as vscode from 'vscode';
import type { Services } from '../services';
import { resolveOrg } from './pickers';

/** okta.copyOrgUrl: the org's URL (what an org node has instead of an Okta ID). */
export async function copyOrgUrl(services: Services, arg?: unknown): Promise<void> {
  const target = await resolveOrg(services, arg);
  if (!target) return;
  await vscode.env.clipboard.writeText(target.org.url);
  vscode.window.setStatusBarMessage(`Copied ${target.org.url}`, 3000);
}
