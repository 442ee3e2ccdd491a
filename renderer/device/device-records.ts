import type { PublicUser } from '../../shared/index';
import { toHex } from '../store/base64';
import { isWrappedKeyRecord, type WrappedKeyRecord } from '../store/key-vault';
import { readJson, writeJson, type KeyValueStore } from './key-value';

// What this device remembers, under the `kizuna.` prefix so that a wipe finds it all.

export const recordPrefix = 'kizuna.';
const identityKey = `${recordPrefix}device`;
const settingsKey = `${recordPrefix}settings`;
const userKey = (userId: string) => `${recordPrefix}user.${userId}`;

/** How this device proves itself to the server (`X-Kizuna-Device: <id>:<token>`, server/API.md). */
export interface DeviceIdentity {
  id: string;
  token: string;
  /** True when an IT administrator entered a registered identity; false when generated here. */
  registered: boolean;
}

export interface DeviceSettings {
  /** Minutes without input before the app locks. */
  idleMinutes: number;
}

export const defaultSettings: DeviceSettings = { idleMinutes: 10 };

/** An idle lock longer than an hour would leave a screen of personal data open on a desk. */
export const idleMinutesRange = { min: 1, max: 60 } as const;
export const isIdleMinutes = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= idleMinutesRange.min && value <= idleMinutesRange.max;
export const defaultLeaseDays = 14;

/** One user who has signed in on this device. */
export interface LocalUser {
  userId: string;
  /** The user as the server described them at the last online login (names, scope). */
  user: PublicUser;
  /** The local database's name; one database per user, so scopes never mix on a shared PC. */
  databaseName: string;
  keyRecord: WrappedKeyRecord;
  /** Last time the server confirmed this user and device (login or sync). */
  lastVerifiedAt: string;
  /** Days this device may stay unsynced before its data locks, as the server set it. */
  leaseDays: number;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isIdentity(value: unknown): value is DeviceIdentity {
  return isObject(value) && typeof value.id === 'string' && typeof value.token === 'string' && typeof value.registered === 'boolean';
}

function isSettings(value: unknown): value is Partial<DeviceSettings> {
  return isObject(value);
}

function isLocalUser(value: unknown): value is LocalUser {
  return (
    isObject(value) &&
    typeof value.userId === 'string' &&
    isObject(value.user) &&
    typeof value.databaseName === 'string' &&
    isWrappedKeyRecord(value.keyRecord) &&
    typeof value.lastVerifiedAt === 'string' &&
    typeof value.leaseDays === 'number'
  );
}

export const devicePatterns = {
  id: /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/,
  token: /^[A-Za-z0-9_-]{16,128}$/,
};

function randomToken(bytes: number): string {
  const raw = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...raw)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export class DeviceRecords {
  constructor(private readonly store: KeyValueStore) {}

  /** This device's identity; created on first use (a server in demo mode records it, others ask IT to register it). */
  identity(): DeviceIdentity {
    const existing = readJson(this.store, identityKey, isIdentity);
    if (existing) return existing;
    const created: DeviceIdentity = { id: `dev-${toHex(globalThis.crypto.getRandomValues(new Uint8Array(6)))}`, token: randomToken(32), registered: false };
    writeJson(this.store, identityKey, created);
    return created;
  }

  setRegisteredIdentity(id: string, token: string): DeviceIdentity {
    const identity: DeviceIdentity = { id, token, registered: true };
    writeJson(this.store, identityKey, identity);
    return identity;
  }

  settings(): DeviceSettings {
    const stored = readJson(this.store, settingsKey, isSettings) ?? {};
    const idle = stored.idleMinutes;
    return { idleMinutes: isIdleMinutes(idle) ? idle : defaultSettings.idleMinutes };
  }

  saveSettings(settings: DeviceSettings): void {
    if (!isIdleMinutes(settings.idleMinutes)) throw new RangeError(`idleMinutes must be an integer from ${idleMinutesRange.min} to ${idleMinutesRange.max}`);
    writeJson(this.store, settingsKey, settings);
  }

  localUser(userId: string): LocalUser | undefined {
    return readJson(this.store, userKey(userId), isLocalUser);
  }

  saveLocalUser(record: LocalUser): void {
    writeJson(this.store, userKey(record.userId), record);
  }

  removeLocalUser(userId: string): void {
    this.store.remove(userKey(userId));
  }

  localUsers(): LocalUser[] {
    return this.store
      .keys()
      .filter((key) => key.startsWith(`${recordPrefix}user.`))
      .map((key) => readJson(this.store, key, isLocalUser))
      .filter((record): record is LocalUser => record !== undefined);
  }

  /** The server vouched for this user and device now (a login or a sync). */
  markVerified(userId: string, at: Date, leaseDays?: number): void {
    const record = this.localUser(userId);
    if (record) this.saveLocalUser({ ...record, lastVerifiedAt: at.toISOString(), leaseDays: leaseDays ?? record.leaseDays });
  }

  /** Forgets everything this device holds outside the store, identity included. */
  clearAll(): void {
    for (const key of this.store.keys()) if (key.startsWith(recordPrefix)) this.store.remove(key);
  }
}

/** The local database name for a user: hex, because RxDB names allow only [a-z0-9_$-]. */
export function databaseNameFor(userId: string): string {
  return `kizuna-u${toHex(new TextEncoder().encode(userId))}`;
}
