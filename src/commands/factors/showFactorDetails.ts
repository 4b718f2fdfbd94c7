import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { withCancellableProgress } from '../cancellableProgress';
import { describeFactor, describeUser } from '../../presentation/factorDescriptions';
import { factorDocumentUri, factorDocuments, factorJsonText } from '../../documents/factorDocumentProvider';
import { resolveFactor } from '../pickers';

/** okta.showFactorDetails: the factor freshly fetched, as read-only JSON in an editor. */
export async function showFactorDetails(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveFactor(services, selected);
  if (!target) return;
  const { orgId, user, factor } = target;
  const fresh = await withCancellableProgress(`Loading ${describeFactor(factor)} of ${describeUser(user)}…`,
    (signal) => services.factors.getFactor(target, signal));
  const uri = factorDocumentUri(`${describeUser(user)} · ${describeFactor(fresh)}`, { orgId, userId: user.id, factorId: factor.id });
  factorDocuments(services).show(uri, factorJsonText(fresh));
  // The `.json` path gives the document its language; no save, no edit (a content-provider scheme).
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
}
