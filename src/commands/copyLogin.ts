import * as vscode from 'vscode';
import type { Services } from '../services';
import { resolveUser } from './pickers';

/** okta.copyLogin: the user's login (profile.login). */
export async function copyLogin(services: Services, arg?: unknown): Promise<void> {
  const target = await resolveUser(services, arg);
  if (!target) return;
  await vscode.env.clipboard.writeText(target.user.profile.login);
  vscode.window.setStatusBarMessage(`Copied ${target.user.profile.login}`, 3000);
}
