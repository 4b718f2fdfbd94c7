import * as vscode from 'vscode';
import type { OrgRecord } from '../orgs/orgRegistry';
import type { Services } from '../services';
import { orgContextValue } from './contextValues';
import { LoadMoreNode } from './loadMoreNode';
import { loadErrorNode } from './loadErrorNode';
import { MessageNode } from './messageNode';
import { TreeNode } from './treeNode';
import { UserNode } from './userNode';
import { isUserShown, usersQueryFor } from './userQuery';

/** An org: its users, paged from the server and filtered per org, then "Load more...". */
export class OrgNode extends TreeNode {
  private users: UserNode[] | undefined;
  /** Cursor of the next page; undefined when the last page has been read. */
  private after: string | undefined;
  private error: MessageNode | undefined;

  constructor(
    private readonly services: Services,
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

  getTreeItem(): vscode.TreeItem {
    const filter = this.services.tree.filterOf(this.orgId);
    const demo = this.services.demo.isDemoOrg(this.orgId);
    const item = new vscode.TreeItem(this.org.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = orgContextValue({ error: this.error !== undefined, filtered: filter !== undefined, demo });
    item.iconPath = new vscode.ThemeIcon(demo ? 'beaker' : 'organization');
    const owner = this.org.ownerLogin ? ` · ${this.org.ownerLogin}` : '';
    item.description = filter !== undefined ? `filter: ${filter}` : `${new URL(this.org.url).host}${owner}`;
    item.tooltip = this.tooltip(filter);
    return item;
  }

  private tooltip(filter: string | undefined): vscode.MarkdownString {
    const owner = [this.org.ownerName, this.org.ownerLogin && `<${this.org.ownerLogin}>`].filter(Boolean).join(' ');
    const lines = [
      this.org.label,
      `URL: ${this.org.url}`,
      owner && `Token (${this.org.tokenType}) belongs to: ${owner}`,
      filter !== undefined && `User filter: ${filter}`,
    ];
    return new vscode.MarkdownString().appendText(lines.filter(Boolean).join('\n'));
  }

  async getChildren(): Promise<TreeNode[]> {
    if (!this.users && !this.error) {
      try {
        await this.appendPage();
      } catch (err) {
        this.error = loadErrorNode(this, `Listing users of ${this.org.label}`, err);
        this.services.tree.changed(this); // the org's own item shows the error state (+error)
      }
    }
    if (this.error) return [this.error];
    const users = this.users ?? [];
    if (users.length === 0 && !this.after) {
      const filtered = this.services.tree.filterOf(this.orgId) !== undefined;
      return [new MessageNode(this, filtered ? 'No users match the filter' : 'No users', { icon: 'info' })];
    }
    return this.after ? [...users, new LoadMoreNode(this)] : users;
  }

  /** Appends the next page of users (okta.loadMore); failures go to the caller. */
  async loadMore(): Promise<void> {
    if (!this.after) return;
    await this.appendPage();
    this.services.tree.changed(this);
  }

  private async appendPage(): Promise<void> {
    const client = await this.services.clientFor(this.orgId);
    const showDeprovisioned = this.services.config.showDeprovisioned();
    const page = await client.listUsersPage({
      ...usersQueryFor(this.services.tree.filterOf(this.orgId), showDeprovisioned),
      limit: this.services.config.usersPageSize(),
      after: this.after,
    });
    const loaded = this.users ?? [];
    // A user created or changed between two page reads may come twice; node ids must stay unique.
    const fresh = page.users
      .filter((u) => isUserShown(u, showDeprovisioned) && !loaded.some((n) => n.user.id === u.id))
      .map((u) => new UserNode(this.services, this, u));
    this.users = [...loaded, ...fresh];
    this.after = page.after;
  }

  /** The loaded user with this id, for refreshUser. */
  findUser(userId: string): UserNode | undefined {
    return this.users?.find((u) => u.user.id === userId);
  }

  nodeToReload(): TreeNode {
    return this;
  }

  reset(): void {
    this.users = undefined;
    this.after = undefined;
    this.error = undefined;
  }
}
