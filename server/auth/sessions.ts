// Sessions: a random bearer token given once at login; the server keeps only its
// SHA-256 (the session id), so a copy of the database does not let anyone in.
import { createHash, randomBytes } from 'node:crypto';
import type { StorageEngine } from '../storage/port';
import { MirroredStore } from '../util/mirrored-store';

export interface Session {
  /** SHA-256 of the token, hex. */
  id: string;
  userId: string;
  /** The registered device the user logged in from (absent: an unregistered demo client). */
  deviceId?: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
}

export type SessionLookup = { ok: true; session: Session } | { ok: false; problem: 'unknown' | 'expired' | 'revoked'; session?: Session };

export const tokenDigest = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export class SessionStore {
  private constructor(
    private readonly store: MirroredStore<Session>,
    private readonly now: () => number,
  ) {}

  static async open(storage: StorageEngine, now: () => number): Promise<SessionStore> {
    const sessions = new SessionStore(await MirroredStore.open<Session>(storage, 'sessions'), now);
    await sessions.purgeEnded();
    return sessions;
  }

  async create(userId: string, deviceId: string | undefined, lifetimeMinutes: number): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const created = this.now();
    const session: Session = {
      id: tokenDigest(token),
      userId,
      ...(deviceId !== undefined ? { deviceId } : {}),
      createdAt: new Date(created).toISOString(),
      expiresAt: new Date(created + lifetimeMinutes * 60_000).toISOString(),
    };
    await this.store.create(session);
    return { token, session };
  }

  lookup(token: string): SessionLookup {
    const session = this.store.get(tokenDigest(token));
    if (!session) return { ok: false, problem: 'unknown' };
    if (session.revokedAt) return { ok: false, problem: 'revoked', session };
    if (Date.parse(session.expiresAt) <= this.now()) return { ok: false, problem: 'expired', session };
    return { ok: true, session };
  }

  async revoke(sessionId: string): Promise<void> {
    const at = new Date(this.now()).toISOString();
    await this.store.update(sessionId, (s) => (s.revokedAt ? s : { ...s, revokedAt: at }));
  }

  /** Ends every live session of a user (disabled, deleted, password reset). */
  async revokeUser(userId: string): Promise<number> {
    const live = this.store.list().filter((s) => s.userId === userId && !s.revokedAt);
    for (const s of live) await this.revoke(s.id);
    return live.length;
  }

  /** Drops sessions that have ended (expired or revoked) a day ago or more. */
  async purgeEnded(): Promise<void> {
    const cutoff = this.now() - 24 * 60 * 60_000;
    for (const s of this.store.list()) {
      const ended = Math.min(Date.parse(s.expiresAt), s.revokedAt ? Date.parse(s.revokedAt) : Infinity);
      if (ended < cutoff) await this.store.remove(s.id);
    }
  }
}
