import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createClientDatabase, type ClientDatabase } from './database';

// The store as the app opens it in Chromium and Electron: Dexie on IndexedDB.

const storage = getRxStorageDexie();

/** RxDB's Dexie storage names its IndexedDB databases `rxdb-dexie-<database>--…`. */
const indexedDbPrefix = 'rxdb-dexie-kizuna-';

export function openBrowserDatabase(name: string, encryptionKey: string): Promise<ClientDatabase> {
  return createClientDatabase({ name, storage, encryptionKey });
}

/**
 * Deletes the IndexedDB databases behind one local database. Done on IndexedDB itself:
 * RxDB's removeRxDatabase would reopen every collection, which the encrypted schemas
 * refuse without the key — and a wipe must work without it.
 */
export async function removeBrowserDatabase(name: string): Promise<void> {
  await deleteIndexedDatabases((dbName) => dbName.startsWith(`rxdb-dexie-${name}--`));
}

/** Every IndexedDB database the app made, whether or not a record still names it. */
export async function removeAllBrowserDatabases(): Promise<void> {
  await deleteIndexedDatabases((dbName) => dbName.startsWith(indexedDbPrefix));
}

async function deleteIndexedDatabases(matches: (name: string) => boolean): Promise<void> {
  const all = await indexedDB.databases();
  await Promise.all(
    all
      .map((info) => info.name)
      .filter((name): name is string => name !== undefined && matches(name))
      .map(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = () => resolve();
            request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
            // Another tab holding it open: the deletion completes when that tab lets go.
            request.onblocked = () => resolve();
          }),
      ),
  );
}
