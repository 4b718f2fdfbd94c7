// The org's state: users (in list order) with their factors, the outbox, push transactions and the
// per-address delivery throttles, WebAuthn challenges and settings, the System Log. One instance per
// seed; `reset` swaps in a fresh one.
import { oktaErrors } from './errors';
import { createRng, oktaId, type Rng } from './ids';
import { SystemLog } from './logs/systemLog';
import type { IssuedChallenge, OutboxMessage, PushTransaction, SimFactor, SimUser } from './model';
import { defaultWebAuthnSettings } from './webauthn/settings';

export class OrgStore {
  readonly users: SimUser[] = [];
  readonly outbox: OutboxMessage[] = [];
  readonly transactions = new Map<string, PushTransaction>();
  /** Last delivery time per `channel:address`, for the 30 s sms/call and 5 s email limits. */
  readonly lastDelivery = new Map<string, number>();
  /** Outstanding WebAuthn challenges by value (single use, see webauthn/challenges.ts). */
  readonly webauthnChallenges = new Map<string, IssuedChallenge>();
  readonly webauthnSettings = defaultWebAuthnSettings();
  readonly systemLog = new SystemLog();
  readonly rng: Rng;
  ownerId = '';
  private readonly positions = new Map<string, number>();
  /** `users` by ascending id, built when a search first needs it after a user was added. */
  private idOrder: SimUser[] | undefined;
  private readonly byLogin = new Map<string, SimUser>();
  /** Login short names (before "@"); null marks an ambiguous one. */
  private readonly byShortName = new Map<string, SimUser | null>();

  constructor(seed: number) {
    this.rng = createRng(seed);
  }

  newId(prefix: string): string {
    return oktaId(this.rng, prefix);
  }

  addUser(user: SimUser): void {
    this.positions.set(user.id, this.users.length);
    this.users.push(user);
    this.idOrder = undefined;
    this.indexLogin(user);
  }

  /** A login change: the old login (and short name) stop finding the user, the new ones do. */
  renameLogin(user: SimUser, login: string): void {
    this.unindexLogin(user);
    user.profile.login = login;
    this.indexLogin(user);
  }

  private indexLogin(user: SimUser): void {
    this.byLogin.set(user.profile.login.toLowerCase(), user);
    const short = user.profile.login.split('@')[0].toLowerCase();
    this.byShortName.set(short, this.byShortName.has(short) ? null : user);
  }

  private unindexLogin(user: SimUser): void {
    this.byLogin.delete(user.profile.login.toLowerCase());
    const short = user.profile.login.split('@')[0].toLowerCase();
    if (this.byShortName.get(short) === user) this.byShortName.delete(short);
  }

  /** Deletes a user for good (a second DELETE of a deprovisioned user): lookups and list order forget them. */
  removeUser(user: SimUser): void {
    const position = this.positions.get(user.id);
    if (position === undefined) return;
    this.users.splice(position, 1);
    this.positions.delete(user.id);
    for (let i = position; i < this.users.length; i++) this.positions.set(this.users[i].id, i);
    this.idOrder = undefined;
    this.unindexLogin(user);
    for (const [id, tx] of this.transactions) if (tx.userId === user.id) this.transactions.delete(id);
  }

  hasLogin(login: string): boolean {
    return this.byLogin.has(login.toLowerCase());
  }

  /** Position in list order, for paging cursors. */
  positionOf(userId: string): number | undefined {
    return this.positions.get(userId);
  }

  /** Users by ascending id (compared by UTF-16 code units, i.e. ASCII order for Okta ids). */
  usersByIdOrder(): readonly SimUser[] {
    this.idOrder ??= [...this.users].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.idOrder;
  }

  /** By id, login or unambiguous login short name, like `GET /api/v1/users/{id}`. */
  findUser(idOrLogin: string): SimUser | undefined {
    const position = this.positions.get(idOrLogin);
    if (position !== undefined) return this.users[position];
    const key = idOrLogin.toLowerCase();
    return this.byLogin.get(key) ?? this.byShortName.get(key) ?? undefined;
  }

  requireUser(idOrLogin: string): SimUser {
    const user = this.findUser(idOrLogin);
    if (!user) throw oktaErrors.notFound(idOrLogin, 'User');
    return user;
  }

  owner(): SimUser {
    return this.requireUser(this.ownerId);
  }

  requireFactor(user: SimUser, factorId: string): SimFactor {
    const factor = user.factors.find((f) => f.id === factorId);
    if (!factor) throw oktaErrors.notFound(factorId, 'UserFactor');
    return factor;
  }

  removeFactor(user: SimUser, factor: SimFactor): void {
    user.factors = user.factors.filter((f) => f !== factor);
    for (const [id, tx] of this.transactions) if (tx.factorId === factor.id) this.transactions.delete(id);
  }
}
