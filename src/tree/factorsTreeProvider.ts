import vscode = require('vscode');
import type { CommandTarget } from '../factors/targets';
import { OrgNode } from './orgNode';
import type { TreeContext, TreeDependencies } from './treeDependencies';
import type { TreeNode } from './treeNode';

const USER_REFRESH_COALESCE_MS = 50;

/** Data for the `okta.factors` view: orgs > users > factors, with per-org user filters. */
export class FactorsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly didChange = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.didChange.event;
  readonly view: vscode.TreeView<TreeNode>;
  /** One node per org, kept across refreshes so loaded pages and expansion survive redraws. */
  private readonly orgNodes = new Map<string, OrgNode>();
  private readonly filters = new Map<string, string>();
  private readonly pendingUserRefreshes = new Map<string, Promise<void>>();
  private readonly disposables: vscode.Disposable[] = [];
  /** What the nodes get: the dependencies and this provider. */
  private readonly nodeContext: TreeContext;

  constructor(private readonly services: TreeDependencies) {
    this.nodeContext = { ...services, tree: this };
    this.view = vscode.window.createTreeView('okta.factors', { treeDataProvider: this, showCollapseAll: true, canSelectMany: true });
    this.disposables.push(
      this.view,
      this.didChange,
      services.registry.onDidChange(({ orgId }) => this.reloadOrgs(orgId)),
      // Every enroll, activate, verify or unenroll, from any surface, reloads that user once.
      services.factors.onDidChange(({ orgId, userId }) => void this.refreshUser(orgId, userId)),
      // A TOTP secret kept or forgotten changes the factor's `+totpsecret` tag.
      services.authenticator.onDidChange(({ orgId, userId }) => void this.refreshUser(orgId, userId)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('okta.users')) this.refresh();
      }),
    );
    this.syncWithRegistry();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> | TreeNode[] {
    return node ? node.getChildren() : this.orgs();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  private orgs(): OrgNode[] {
    const orgs = this.services.registry.list();
    for (const id of this.orgNodes.keys()) {
      if (!orgs.some((org) => org.id === id)) this.orgNodes.delete(id);
    }
    return orgs.map((org) => {
      const node = this.orgNodes.get(org.id);
      if (!node) {
        const created = new OrgNode(this.nodeContext, org);
        this.orgNodes.set(org.id, created);
        return created;
      }
      node.org = org;
      return node;
    });
  }

  /** Reloads a node's children from the server, or the whole view when no node is given. */
  refresh(node?: TreeNode): void {
    if (!node) {
      this.reloadOrgs(undefined);
      return;
    }
    node.reset();
    this.didChange.fire(node);
  }

  /**
   * After the org list changed: reloads the users of the org that changed (URL, token), or of every
   * org when unknown. One org still listed is redrawn alone (its label and users); otherwise the
   * root is (added and removed orgs). A root redraw while an org's users load can leave that org
   * shown empty, so it is kept for changes of the list itself.
   */
  private reloadOrgs(orgId: string | undefined): void {
    for (const [id, node] of this.orgNodes) if (orgId === undefined || id === orgId) node.reset();
    this.syncWithRegistry();
    const org = orgId === undefined ? undefined : this.services.registry.get(orgId);
    const node = org && this.orgNodes.get(org.id);
    if (node) node.org = org;
    this.didChange.fire(node || undefined);
  }

  /** Redraws a node without reloading it (its item changed, or children were appended). */
  changed(node: TreeNode): void {
    this.didChange.fire(node);
  }

  /** The orgs whose users are shown (expanded at least once since their last reload). */
  orgsShowingUsers(): string[] {
    return [...this.orgNodes.values()].filter((node) => node.started).map((node) => node.orgId);
  }

  /** Reloads an org's users; nothing to do while the org is not shown yet. */
  refreshOrg(orgId: string): void {
    const node = this.orgNodes.get(orgId);
    if (node) this.refresh(node);
  }

  /**
   * Reloads a user's factors after an action changed them; nothing to do when the user is not
   * loaded. Requests within USER_REFRESH_COALESCE_MS are one reload: an enroll that also keeps a
   * TOTP secret announces both, and a bulk run touches each user once.
   */
  refreshUser(orgId: string, userId: string): Promise<void> {
    const key = `${orgId}/${userId}`;
    let pending = this.pendingUserRefreshes.get(key);
    if (!pending) {
      pending = new Promise((resolve) => setTimeout(resolve, USER_REFRESH_COALESCE_MS)).then(() => {
        this.pendingUserRefreshes.delete(key); // a change during the reload asks for another
        return this.reloadUser(orgId, userId);
      });
      this.pendingUserRefreshes.set(key, pending);
    }
    return pending;
  }

  private async reloadUser(orgId: string, userId: string): Promise<void> {
    const user = await this.orgNodes.get(orgId)?.findUser(userId);
    if (user) this.refresh(user);
  }

  /** Reloads at once what a command target is about: an org's users, or (for a user, factor or catalog entry) the user. */
  async refreshTarget(target: CommandTarget): Promise<void> {
    if (target.kind === 'org') this.refreshOrg(target.orgId);
    else await this.reloadUser(target.orgId, target.user.id);
  }

  /** What the selected rows are about (rows without a target, such as "Load more", left out). */
  selectedTargets(): CommandTarget[] {
    return this.view.selection.flatMap((node) => (node.target ? [node.target] : []));
  }

  /** Appends the next page of an org's users; nothing to do when its users are not loaded yet. */
  async loadMore(orgId: string): Promise<void> {
    await this.orgNodes.get(orgId)?.loadMore();
  }

  filterOf(orgId: string): string | undefined {
    return this.filters.get(orgId);
  }

  /** Sets (or, with undefined/blank text, clears) an org's user filter and reloads its users. */
  setFilter(orgId: string, text: string | undefined): void {
    if (text?.trim()) this.filters.set(orgId, text.trim());
    else this.filters.delete(orgId);
    this.updateDescription();
    this.refreshOrg(orgId);
  }

  /** The view's description lists the active filters, e.g. `Acme: "ann"`. */
  private updateDescription(): void {
    const parts = [...this.filters].map(([orgId, text]) => `${this.services.registry.get(orgId)?.label ?? orgId}: "${text}"`);
    this.view.description = parts.length > 0 ? `Filtered - ${parts.join(', ')}` : undefined;
    void vscode.commands.executeCommand('setContext', 'okta.hasFilters', parts.length > 0);
  }

  /** Drops filters of removed orgs and drives the welcome view ("Add an Okta org") via `okta.hasOrgs`. */
  private syncWithRegistry(): void {
    for (const orgId of this.filters.keys()) {
      if (!this.services.registry.get(orgId)) this.filters.delete(orgId);
    }
    this.updateDescription();
    void vscode.commands.executeCommand('setContext', 'okta.hasOrgs', this.services.registry.list().length > 0);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
