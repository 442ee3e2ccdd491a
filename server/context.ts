// What every capability of the server shares: settings, storage, the audit log, users,
// devices, sessions. Route modules receive it; nothing else is global.
import type { User } from '../shared/index';
import type { Actor } from '../shared/access/policy';
import type { AuditLog } from './audit/log';
import type { SessionStore, Session } from './auth/sessions';
import type { ServerConfig } from './config/schema';
import type { DeviceRegistry } from './devices/registry';
import type { PersonIndex } from './persons/person-index';
import type { StorageEngine } from './storage/port';
import type { MirroredStore } from './util/mirrored-store';

export interface ServerContext {
  config: ServerConfig;
  storage: StorageEngine;
  audit: AuditLog;
  users: MirroredStore<User>;
  devices: DeviceRegistry;
  sessions: SessionStore;
  persons: PersonIndex;
  /** The clock (ms since epoch); tests move it to expire sessions and lockouts. */
  now: () => number;
}

/** A signed-in request's identity, as the guard established it. */
export interface Authenticated {
  user: User;
  actor: Actor;
  session: Session;
  /** The registered device, when the client presented one. */
  deviceId?: string;
}

export const actorOf = (user: User): Actor => ({
  userId: user.id,
  permissions: user.permissions,
  allCenters: user.allCenters,
  centers: user.centers,
});
