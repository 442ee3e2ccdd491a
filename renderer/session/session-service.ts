import { adminMessages, decide, uiMessages, type PublicUser } from '../../shared/index';
import { ApiFailure, type ApiClient, type LoginResponse } from '../api/client';
import { databaseNameFor, defaultLeaseDays, type DeviceRecords, type LocalUser } from '../device/device-records';
import { recordAudit } from '../store/audit';
import { WrongDataKeyError, type ClientDatabase } from '../store/database';
import { createDataKey, DamagedKeyRecordError, rewrapDataKey, unwrapDataKey, wrapDataKey, WrongPasswordError } from '../store/key-vault';
import { checkLease } from './lease';

// Signing in, unlocking, locking and wiping (issue 5, item 1). The server is asked first
// whenever it answers: it is the authority on passwords, lockouts and devices. Only when
// it cannot be reached does the device unlock on its own, for a user who has signed in
// here before and within the offline lease. A server that says this device is revoked
// gets its local data wiped on that very contact.

const m = uiMessages.session;

export interface OpenSession {
  userId: string;
  user: PublicUser;
  deviceId: string;
  db: ClientDatabase;
  /** True when the server confirmed this sign-in; false after an offline unlock. */
  online: boolean;
  /** The server session's bearer token (absent after an offline unlock). */
  token?: string;
  /** Days left in the offline lease at unlock. */
  leaseDaysLeft: number;
}

/**
 * A user who may not see case content (auditors, IT administrators): nothing of theirs is
 * kept on the device — no local store, no sync — and every screen asks the server.
 */
export interface ServerOnlySession {
  userId: string;
  user: PublicUser;
  deviceId: string;
  online: true;
  token: string;
}

/** Whether this user works on the encrypted local case store (and its sync), by the shared policy. */
export function keepsCaseStore(user: Pick<PublicUser, 'id' | 'permissions' | 'allCenters' | 'centers'>): boolean {
  return decide({ userId: user.id, permissions: user.permissions, allCenters: user.allCenters, centers: user.centers }, 'case.read').allowed;
}

/** Why the sign-in screen is showing, beyond a plain start. */
export type Notice = 'idleLocked' | 'signedOut' | 'deviceWiped' | 'leaseExpired' | 'clockBehind' | 'sessionExpired' | 'reconnect';

export type SessionState =
  | { status: 'signedOut'; notice?: Notice; lastUserId?: string }
  | { status: 'working' }
  | { status: 'open'; session: OpenSession }
  | { status: 'serverOnly'; session: ServerOnlySession }
  /** The server accepted a new password; the local data is still under the old one. */
  | { status: 'passwordChanged'; userId: string }
  /** The server does not know this device: IT must register it (server/API.md). */
  | { status: 'deviceSetup'; message?: string };

export interface SignInError {
  message: string;
  field?: 'userId' | 'password' | 'previousPassword';
}

export interface SessionDependencies {
  records: DeviceRecords;
  api: ApiClient;
  openDatabase(name: string, key: string): Promise<ClientDatabase>;
  removeDatabase(name: string): Promise<void>;
  /** Removes every local database of the app, including any no record names any more. */
  removeAllDatabases?(): Promise<void>;
  now?: () => Date;
  /** PBKDF2 rounds for new key records (tests use fewer). */
  iterations?: number;
}

interface PendingRewrap {
  userId: string;
  newPassword: string;
  login: LoginResponse;
}

export class SessionService {
  private state: SessionState = { status: 'signedOut' };
  private readonly listeners = new Set<() => void>();
  private pending: PendingRewrap | undefined;
  private wiping: Promise<void> | undefined;
  private readonly closers = new Set<() => Promise<void>>();
  /** The last lock's closing of the database, which a new sign-in waits for (same database name). */
  private closing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: SessionDependencies) {}

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Online login when the server answers, offline unlock when it does not. Returns an error to show, or nothing. */
  async signIn(userId: string, password: string): Promise<SignInError | undefined> {
    if (userId.trim() === '') return { message: m.userIdRequired, field: 'userId' };
    if (password === '') return { message: m.passwordRequired, field: 'password' };
    const previous = this.state;
    this.set({ status: 'working' });
    try {
      await this.closing.catch((error: unknown) => console.error(error));
      let login: LoginResponse;
      try {
        login = await this.loginFromThisDevice(userId, password);
      } catch (error) {
        if (error instanceof ApiFailure && error.kind === 'unreachable') return await this.unlockOffline(userId, password, previous);
        return await this.refused(error, previous);
      }
      return await this.openOnline(userId, password, login);
    } catch (error) {
      this.set(previous.status === 'working' ? { status: 'signedOut' } : previous);
      console.error(error);
      return { message: m.unexpected };
    }
  }

  /**
   * A device IT has not registered is refused before any password is tried — yet auditors
   * and IT administrators may sign in from any machine, which the server allows when the
   * device does not present itself (server/API.md, Devices). So an unregistered device
   * asks once more without its identity: a case worker is then refused as before (and
   * gets the registration screen), the first administrator gets in to register devices.
   */
  private async loginFromThisDevice(userId: string, password: string): Promise<LoginResponse> {
    try {
      return await this.deps.api.login(userId, password);
    } catch (error) {
      if (!(error instanceof ApiFailure && error.code === 'deviceRequired' && !this.deps.records.identity().registered)) throw error;
      return this.deps.api.login(userId, password, { withoutDevice: true });
    }
  }

  private async refused(error: unknown, previous: SessionState): Promise<SignInError | undefined> {
    if (error instanceof ApiFailure) {
      // The sign-in screen states these as its notice; a form error would say it twice.
      if (error.kind === 'deviceRevoked') {
        await this.wipeDevice();
        return undefined;
      }
      if (error.kind === 'deviceUnregistered') {
        this.set({ status: 'deviceSetup', message: error.serverMessage ?? m.deviceUnregistered });
        return { message: error.serverMessage ?? m.deviceUnregistered };
      }
      this.set(previous.status === 'working' ? { status: 'signedOut' } : previous);
      if (error.kind === 'invalidCredentials') return { message: error.serverMessage ?? m.invalidCredentials, field: 'password' };
      return { message: error.serverMessage ?? m.serverError };
    }
    throw error;
  }

  private async openOnline(userId: string, password: string, login: LoginResponse): Promise<SignInError | undefined> {
    const { records } = this.deps;
    if (!keepsCaseStore(login.user)) return this.openServerOnly(userId, login);
    const now = this.now();
    const leaseDays = login.offlineLeaseDays > 0 ? login.offlineLeaseDays : defaultLeaseDays;
    const local = records.localUser(userId);
    let dataKey: string | undefined;
    if (local) {
      try {
        dataKey = await unwrapDataKey(local.keyRecord, password);
      } catch (error) {
        if (error instanceof WrongPasswordError) {
          // The server took this password, so it changed since this device last saw it.
          this.pending = { userId, newPassword: password, login };
          this.set({ status: 'passwordChanged', userId });
          return undefined;
        }
        if (!(error instanceof DamagedKeyRecordError)) throw error;
        await this.deps.removeDatabase(local.databaseName);
      }
    }
    let record: LocalUser;
    if (local && dataKey !== undefined) {
      record = { ...local, user: login.user, lastVerifiedAt: now.toISOString(), leaseDays };
    } else {
      dataKey = createDataKey();
      const keyRecord = await wrapDataKey(userId, password, dataKey, { iterations: this.deps.iterations, now });
      record = { userId, user: login.user, databaseName: databaseNameFor(userId), keyRecord, lastVerifiedAt: now.toISOString(), leaseDays };
    }
    const db = await this.openOrReplace(record.databaseName, dataKey);
    records.saveLocalUser(record);
    this.deps.api.setToken(login.token);
    this.set({
      status: 'open',
      session: { userId, user: login.user, deviceId: records.identity().id, db, online: true, token: login.token, leaseDaysLeft: leaseDays },
    });
    return undefined;
  }

  private async openServerOnly(userId: string, login: LoginResponse): Promise<undefined> {
    const { records } = this.deps;
    // A store left from when this user could read cases (their permissions changed) must not outlive that.
    const stale = records.localUser(userId);
    if (stale) {
      await this.deps.removeDatabase(stale.databaseName);
      records.removeLocalUser(userId);
    }
    this.deps.api.setToken(login.token);
    this.set({ status: 'serverOnly', session: { userId, user: login.user, deviceId: records.identity().id, online: true, token: login.token } });
    return undefined;
  }

  /** A new key for a database that exists under a lost key can only start it afresh. */
  private async openOrReplace(name: string, dataKey: string): Promise<ClientDatabase> {
    try {
      return await this.deps.openDatabase(name, dataKey);
    } catch (error) {
      if (!(error instanceof WrongDataKeyError)) throw error;
      await this.deps.removeDatabase(name);
      return this.deps.openDatabase(name, dataKey);
    }
  }

  private async unlockOffline(userId: string, password: string, previous: SessionState): Promise<SignInError | undefined> {
    const { records } = this.deps;
    const local = records.localUser(userId);
    const back = previous.status === 'working' ? ({ status: 'signedOut' } as const) : previous;
    if (!local) {
      this.set(back);
      return { message: m.offlineFirstLogin };
    }
    if (!keepsCaseStore(local.user)) {
      this.set(back);
      return { message: adminMessages.common.onlineOnly };
    }
    const lease = checkLease(local.lastVerifiedAt, local.leaseDays, this.now());
    if (!lease.ok) {
      this.set({ status: 'signedOut', notice: lease.reason === 'clockBehind' ? 'clockBehind' : 'leaseExpired', lastUserId: userId });
      return undefined;
    }
    let dataKey: string;
    try {
      dataKey = await unwrapDataKey(local.keyRecord, password);
    } catch (error) {
      this.set(back);
      if (error instanceof WrongPasswordError) return { message: m.invalidCredentials, field: 'password' };
      return { message: m.keyRecordDamaged };
    }
    const db = await this.deps.openDatabase(local.databaseName, dataKey);
    const deviceId = records.identity().id;
    await recordAudit(db, { userId, deviceId, online: false }, { menu: 'unlock', operation: 'login', detail: 'offlineUnlock' }, this.now());
    this.deps.api.setToken(undefined);
    this.set({ status: 'open', session: { userId, user: local.user, deviceId, db, online: false, leaseDaysLeft: lease.daysLeft } });
    return undefined;
  }

  /** After a password change: the previous password re-wraps the data key, and the local data stays. */
  async confirmPreviousPassword(previousPassword: string): Promise<SignInError | undefined> {
    const pending = this.pending;
    const local = pending && this.deps.records.localUser(pending.userId);
    if (!pending || !local) return { message: m.unexpected };
    try {
      const keyRecord = await rewrapDataKey(local.keyRecord, previousPassword, pending.newPassword, { iterations: this.deps.iterations, now: this.now() });
      this.deps.records.saveLocalUser({ ...local, keyRecord });
    } catch (error) {
      if (error instanceof WrongPasswordError) return { message: m.previousPasswordWrong, field: 'previousPassword' };
      throw error;
    }
    this.pending = undefined;
    return this.openOnline(pending.userId, pending.newPassword, pending.login);
  }

  /** After a password change, when the previous password is not known: start this user's local data afresh. */
  async discardLocalData(): Promise<SignInError | undefined> {
    const pending = this.pending;
    const local = pending && this.deps.records.localUser(pending.userId);
    if (!pending) return { message: m.unexpected };
    if (local) {
      await this.deps.removeDatabase(local.databaseName);
      this.deps.records.removeLocalUser(pending.userId);
    }
    this.pending = undefined;
    return this.openOnline(pending.userId, pending.newPassword, pending.login);
  }

  /**
   * Work that must end before the open database closes (the sync engine): run on lock,
   * sign-out and wipe. Returns the function that unregisters it.
   */
  beforeClose(closer: () => Promise<void>): () => void {
    this.closers.add(closer);
    return () => this.closers.delete(closer);
  }

  private async runClosers(): Promise<void> {
    const closers = [...this.closers];
    this.closers.clear();
    await Promise.all(closers.map((close) => close().catch((error: unknown) => console.error(error))));
  }

  /** Idle lock: the data key and the open database leave memory; the sign-in screen returns. */
  async lock(notice: Notice = 'idleLocked'): Promise<void> {
    const state = this.state;
    if (state.status === 'serverOnly') {
      this.deps.api.setToken(undefined);
      this.set({ status: 'signedOut', notice, lastUserId: state.session.userId });
      return;
    }
    if (state.status !== 'open') return;
    this.deps.api.setToken(undefined);
    this.set({ status: 'signedOut', notice, lastUserId: state.session.userId });
    this.closing = this.closing.then(async () => {
      await this.runClosers();
      await state.session.db.close();
    });
    await this.closing;
  }

  async signOut(): Promise<void> {
    const state = this.state;
    if (state.status === 'serverOnly') await this.deps.api.logout().catch(() => undefined);
    if (state.status !== 'open') return this.lock('signedOut');
    if (state.session.online) await this.deps.api.logout().catch(() => undefined);
    await this.lock('signedOut');
  }

  /** The sync (or any call) learned that the server vouches for this device now. */
  markVerified(leaseDays?: number): void {
    if (this.state.status === 'open') this.deps.records.markVerified(this.state.session.userId, this.now(), leaseDays);
  }

  /** The server revoked this device: every user's local data and the device's records go. */
  wipeDevice(): Promise<void> {
    // The API client and the sign-in both report a revocation; one wipe serves both.
    this.wiping ??= this.wipe().finally(() => {
      this.wiping = undefined;
    });
    return this.wiping;
  }

  private async wipe(): Promise<void> {
    const state = this.state;
    this.set({ status: 'working' });
    await this.runClosers();
    if (state.status === 'open') await state.session.db.close().catch(() => undefined);
    this.deps.api.setToken(undefined);
    for (const local of this.deps.records.localUsers()) await this.deps.removeDatabase(local.databaseName);
    await this.deps.removeAllDatabases?.();
    this.deps.records.clearAll();
    this.set({ status: 'signedOut', notice: 'deviceWiped' });
  }

  /** IT entered the identity it registered for this device. */
  registerDevice(id: string, token: string): void {
    this.deps.records.setRegisteredIdentity(id, token);
    this.set({ status: 'signedOut' });
  }
}
