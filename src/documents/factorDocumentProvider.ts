import vscode = require('vscode');
import type { UserFactor } from '../okta/models';
import { SECRET_FACTOR_KEYS } from '../presentation/secretFactorKeys';
import type { FactorService } from '../factors/factorService';

/** What the provider needs: the factor service (to fetch a restored document) and somewhere to keep its registration. */
export interface FactorDocumentServices {
  factors: Pick<FactorService, 'factorById'>;
  context: Pick<vscode.ExtensionContext, 'subscriptions'>;
}

export const FACTOR_DOCUMENT_SCHEME = 'okta-factor';

interface FactorIds {
  orgId: string;
  userId: string;
  factorId: string;
}

/** The factor as pretty-printed JSON, with secrets masked (the built-in authenticator keeps them). */
export function factorJsonText(factor: UserFactor): string {
  return `${JSON.stringify(factor, (key, value: unknown) => (SECRET_FACTOR_KEYS.has(key) && typeof value === 'string' ? '(hidden)' : value), 2)}\n`;
}

/**
 * Read-only virtual documents holding a factor's JSON as the server returned it. Documents of a
 * content-provider scheme cannot be edited or saved, which suits a server-side snapshot. The URI
 * carries the ids, so a document restored after a reload is fetched again.
 */
export class FactorDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly services: FactorDocumentServices) {}

  /** Stores (or replaces) the text behind `uri`; an open editor of it updates in place. */
  show(uri: vscode.Uri, text: string): void {
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const cached = this.contents.get(uri.toString());
    if (cached !== undefined) return cached;
    const ids = factorIdsOf(uri);
    if (!ids) return '// Not a factor document.\n';
    try {
      const text = factorJsonText(await this.services.factors.factorById(ids.orgId, ids.userId, ids.factorId));
      this.contents.set(uri.toString(), text);
      return text;
    } catch (err) {
      return `// Could not load the factor: ${err instanceof Error ? err.message : String(err)}\n`;
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * `okta-factor:/alice@example.com · SMS +1-555-0100.json?org=…&user=…&factor=…`: the path gives
 * the tab title and the `.json` extension, the query the ids (and keeps equal titles apart).
 */
export function factorDocumentUri(title: string, ids: FactorIds): vscode.Uri {
  const query = new URLSearchParams({ org: ids.orgId, user: ids.userId, factor: ids.factorId }).toString();
  return vscode.Uri.from({ scheme: FACTOR_DOCUMENT_SCHEME, path: `/${title.replace(/[\\/]/g, '_')}.json`, query });
}

function factorIdsOf(uri: vscode.Uri): FactorIds | undefined {
  const query = new URLSearchParams(uri.query);
  const [orgId, userId, factorId] = [query.get('org'), query.get('user'), query.get('factor')];
  return orgId && userId && factorId ? { orgId, userId, factorId } : undefined;
}

let registered: FactorDocumentProvider | undefined;

/** The provider of `okta-factor:` documents, registered once (at activation, by the wiring). */
export function factorDocuments(services: FactorDocumentServices): FactorDocumentProvider {
  if (!registered) {
    const provider = new FactorDocumentProvider(services);
    services.context.subscriptions.push(
      provider,
      vscode.workspace.registerTextDocumentContentProvider(FACTOR_DOCUMENT_SCHEME, provider),
      { dispose: () => { registered = undefined; } },
    );
    registered = provider;
  }
  return registered;
}
