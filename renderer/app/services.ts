import { ApiClient } from '../api/client';
import { browserKeyValueStore } from '../device/key-value';
import { DeviceRecords, type DeviceSettings } from '../device/device-records';
import { SessionService } from '../session/session-service';
import { openBrowserDatabase, removeAllBrowserDatabases, removeBrowserDatabase } from '../store/browser';
import { createSyncStatusStore } from '../features/sync-status/status-store';
import type { SyncStatusStore } from '../sync/status';

// Everything the screens share, built once per page load for one server.

/** The device settings as screens read them, told when they change. */
export interface SettingsStore {
  get(): DeviceSettings;
  set(settings: DeviceSettings): void;
  subscribe(listener: () => void): () => void;
}

export interface AppServices {
  serverUrl: string;
  records: DeviceRecords;
  settings: SettingsStore;
  api: ApiClient;
  session: SessionService;
  syncStatus: SyncStatusStore;
}

export function createAppServices(serverUrl: string): AppServices {
  const records = new DeviceRecords(browserKeyValueStore());
  // Any call may learn that this device was revoked; the session wipes it then.
  const revoked = { wipe: (): void => undefined };
  const api = new ApiClient({
    baseUrl: serverUrl,
    device: () => records.identity(),
    onDeviceRevoked: () => revoked.wipe(),
  });
  const session = new SessionService({
    records,
    api,
    openDatabase: openBrowserDatabase,
    removeDatabase: removeBrowserDatabase,
    removeAllDatabases: removeAllBrowserDatabases,
  });
  revoked.wipe = () => void session.wipeDevice();
  return { serverUrl, records, settings: settingsStore(records), api, session, syncStatus: createSyncStatusStore() };
}

function settingsStore(records: DeviceRecords): SettingsStore {
  let current = records.settings();
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(settings) {
      records.saveSettings(settings);
      current = records.settings();
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The server this client talks to: in Electron the URL configured once per device
 * (null until then); in the PWA the origin it was installed from.
 */
export async function resolveServerUrl(): Promise<string | null> {
  if (window.kizuna) return window.kizuna.getServerUrl();
  return window.location.origin;
}
