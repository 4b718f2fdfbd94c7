import * as vscode from 'vscode';
import type { Services } from '../services';
import { resolveUser } from './pickers';

/** okta.copyId: the factor id or user id of a node; from the palette (or an org), a picked user's id. */
export async function copyId(services: Services, arg?: unknown): Promise<void> {
  const id = await idOf(services, arg);
  if (id === undefined) return;
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(`Copied ${id}`, 3000);
}

async function idOf(services: Services, arg: unknown): Promise<string | undefined> {
  const factorId = (arg as { factor?: { id?: unknown } } | undefined)?.factor?.id;
  if (typeof factorId === 'string') return factorId;
  return (await resolveUser(services, arg))?.user.id;
}
