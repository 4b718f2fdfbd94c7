import vscode = require('vscode');
import type { OrgTarget } from '../factors/targets';
import type { OrgRecord } from '../orgs/orgRecord';
import { orgContextValue } from './contextValues';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { OrgLoadingNode } from './orgLoadingNode';
import type { TreeNode } from './treeNode';
import { orgDescription } from './orgPresentation';
import { isUserShown, usersQueryFor } from '../presentation/userQuery';
import type { ListedUserNode, TreeContext } from './treeDependencies';

/** The users read so far and the cursor of the next page (undefined after the last page). */
interface UserPages {
  users: ListedUserNode[];
  after?: string;
}

/** An org: its users, paged from the server and filtered per org, then "Load more...". */
export class OrgNode extends OrgLoadingNode<UserPages> {
  /** The last load failed: the org's own item shows it (contextValue `+error`). */
  private failed = false;

  constructor(
    private readonly services: TreeContext,
    public org: OrgRecord,
  ) {
    super(undefined);
  }

  get id(): string {
    return `org:${this.org.id}`;
  }

  get orgId(): string {
    return this.org.id;
  }

  get target(): OrgTarget {
    return { kind: 'org', orgId: this.orgId };
  }

  getTreeItem(): vscode.TreeItem {
    const filter = this.services.tree.filterOf(this.orgId);
    const demo = this.services.isDemoOrg(this.orgId);
    const item = new vscode.TreeItem(this.org.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = orgContextValue({ error: this.failed, filtered: filter !== undefined, demo });
    item.iconPath = new vscode.ThemeIcon(demo ? 'beaker' : 'organization');
    // The label already names the org (its host by default): the description says whose token it is.
    item.description = filter !== undefined ? `filter: ${filter}` : orgDescription(this.org);
    item.tooltip = this.tooltip(filter);
    return item;
  }

  private tooltip(filter: string | undefined): vscode.MarkdownString {
    const owner = [this.org.ownerName, this.org.ownerLogin && `<${this.org.ownerLogin}>`].filter(Boolean).join(' ');
    const lines = [
      this.org.label,
      `URL: ${this.org.url}`,
      owner && `Token (${this.org.tokenType}) belongs to: ${owner}`,
      this.org.serviceApp && `Service app ${this.org.serviceApp.clientId} (scopes: ${this.org.serviceApp.scopes.join(' ')})`,
      filter !== undefined && `User filter: ${filter}`,
    ];
    return new vscode.MarkdownString().appendText(lines.filter(Boolean).join('\n'));
  }

  protected loadAction(): string {
    return `Listing users of ${this.org.label}`;
  }

  protected async load(): Promise<UserPages> {
    const pages: UserPages = { users: [] };
    await this.appendPage(pages);
    return pages;
  }

  protected failureChildren(error: unknown): TreeNode[] {
    this.setFailed(true);
    return super.failureChildren(error);
  }

  protected childrenFrom(data: UserPages): TreeNode[] {
    this.setFailed(false);
    if (data.users.length === 0 && !data.after) {
      const filtered = this.services.tree.filterOf(this.orgId) !== undefined;
      return [new MessageNode(this, filtered ? 'No users match the filter' : 'No users', { icon: 'info' })];
    }
    return data.after ? [...data.users, new LoadMoreNode(this)] : data.users;
  }

  private setFailed(failed: boolean): void {
    if (failed === this.failed) return;
    this.failed = failed;
    this.services.tree.changed(this); // redraws the org's own item; its children stay cached
  }

  /** Appends the next page of users (okta.loadMore); failures go to the caller. */
  async loadMore(): Promise<void> {
    const current = this.current();
    const data = await current;
    if (!data || !data.after) return;
    await this.appendPage(data);
    if (current === this.current()) this.services.tree.changed(this);
  }

  private async appendPage(pages: UserPages): Promise<void> {
    const showDeprovisioned = this.services.config.showDeprovisioned();
    const [page, nodes] = await Promise.all([
      this.services.users.page(this.orgId, {
        ...usersQueryFor(this.services.tree.filterOf(this.orgId), showDeprovisioned),
        limit: this.services.config.usersPageSize(),
        after: pages.after,
      }),
      this.services.userNodes(),
    ]);
    // A user created or changed between two page reads may come twice; node ids must stay unique.
    const fresh = page.users
      .filter((u) => isUserShown(u, showDeprovisioned) && !pages.users.some((n) => n.user.id === u.id))
      .map((u) => nodes.create(this.services, this, u));
    pages.users.push(...fresh);
    pages.after = page.after;
  }

  /** The loaded user with this id, for refreshUser. */
  async findUser(userId: string): Promise<ListedUserNode | undefined> {
    const data = await this.current();
    return data?.users.find((u) => u.user.id === userId);
  }
}
