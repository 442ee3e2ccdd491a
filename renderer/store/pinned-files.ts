import { Dexie, liveQuery, type Table } from 'dexie';
import type { ClientDatabase } from './database';
import { deriveKey, openBytes, sealBytes } from './field-encryption';

// Files pinned to this device (DESIGN.md decision 7), beside the user's RxDB database
// rather than in it: RxDB's open-source edition allows 14 collections at once and the
// client uses them all. The bytes are sealed with the same data key as the database's
// encrypted fields; the IndexedDB database is named under the user's RxDB prefix so that
// every wipe (store/browser.ts) deletes it with the rest.

export interface PinnedFile {
  /** The document's id. */
  id: string;
  personId: string;
  centerId?: string;
  /** The file the document named when it was pinned. */
  sha256: string;
  contentType: string;
  size: number;
  userId: string;
  pinnedAt: string;
}

interface StoredPin extends PinnedFile {
  sealed: Uint8Array<ArrayBuffer>;
}

class PinDatabase extends Dexie {
  pins!: Table<StoredPin, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ pins: 'id, personId' });
  }
}

export const pinnedFilesDatabaseName = (databaseName: string): string => `rxdb-dexie-${databaseName}--pinned-files`;

const context = (id: string) => `pinned-file:${id}`;

/** The pinned files of one user's database on this device. */
export class PinnedFileStore {
  private readonly db: PinDatabase;
  private readonly key: Promise<CryptoKey>;

  constructor(database: ClientDatabase) {
    this.db = new PinDatabase(pinnedFilesDatabaseName(database.name));
    this.key = deriveKey(String(database.password));
  }

  async put(pin: PinnedFile, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    await this.db.pins.put({ ...pin, sealed: await sealBytes(bytes, await this.key, context(pin.id)) });
  }

  /** The pin and its bytes, or undefined. */
  async get(id: string): Promise<{ pin: PinnedFile; bytes: Uint8Array<ArrayBuffer> } | undefined> {
    const stored = await this.db.pins.get(id);
    if (!stored) return undefined;
    const { sealed, ...pin } = stored;
    return { pin, bytes: await openBytes(sealed, await this.key, context(id)) };
  }

  async remove(id: string): Promise<void> {
    await this.db.pins.delete(id);
  }

  async list(): Promise<PinnedFile[]> {
    const all = await this.db.pins.toArray();
    return all.map(({ sealed: _sealed, ...pin }) => pin);
  }

  /** The ids of a person's pins, now and after every change; returns the unsubscribe. */
  watchPerson(personId: string, onIds: (ids: ReadonlySet<string>) => void): () => void {
    const subscription = liveQuery(() => this.db.pins.where('personId').equals(personId).primaryKeys()).subscribe({
      next: (ids) => onIds(new Set(ids)),
      error: (error: unknown) => console.error('pinned files not read', error),
    });
    return () => subscription.unsubscribe();
  }

}

const stores = new WeakMap<ClientDatabase, PinnedFileStore>();

/**
 * The one store per open user database. Its IndexedDB connection is never closed here:
 * Dexie closes it itself when a wipe deletes the database (versionchange).
 */
export function pinnedFilesOf(database: ClientDatabase): PinnedFileStore {
  let store = stores.get(database);
  if (!store) stores.set(database, (store = new PinnedFileStore(database)));
  return store;
}
