// What the sync tests share: RxDB clients in this process (memory storage, only the
// collections a test needs, closed after each test) syncing with the real server through
// a fetch each test can take offline, and a record of every page pulled.
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { CollectionName, WireDocument } from '../../../shared/index';
import { createClientDatabase, type ClientCollectionName, type ClientDatabase } from '../../../renderer/store/database';
import { startSync, type StartSyncOptions, type SyncEngine } from '../../../renderer/sync/index';
import { createSyncStatusStore } from '../../../renderer/features/sync-status/status-store';
import type { SyncStatusStore } from '../../../renderer/sync/status';
import type { TestServer } from '../../support/server';

const storage = getRxStorageMemory();
let serial = 0;

/** A fetch that can be cut off like a network cable: offline, every call fails as a lost connection would. */
export class Network {
  online = true;
  requests = 0;

  readonly fetch: typeof fetch = async (input, init) => {
    this.requests += 1;
    if (!this.online) throw new TypeError('fetch failed: network is offline');
    const response = await fetch(input, init);
    if (!this.online) {
      await response.body?.cancel();
      throw new TypeError('fetch failed: network went offline');
    }
    return response;
  };
}

export interface Client {
  userId: string;
  db: ClientDatabase;
  network: Network;
  status: SyncStatusStore;
  engine?: SyncEngine;
  /** Every page of documents the server sent this client, as sent. */
  pulled: Array<{ collection: CollectionName; documents: readonly WireDocument[] }>;
  start(overrides?: Partial<StartSyncOptions>): Promise<SyncEngine>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** Tests open only what they need: RxDB allows 16 collections per process. */
export async function openClient(server: TestServer, userId: string, collections: readonly ClientCollectionName[], name?: string): Promise<Client> {
  serial += 1;
  const db = await createClientDatabase({ name: name ?? `sync-${userId}-${serial}-${Date.now()}`, storage, collections, multiInstance: false });
  const network = new Network();
  const status = createSyncStatusStore();
  const session = await server.login(userId);
  const client: Client = {
    userId,
    db,
    network,
    status,
    pulled: [],
    async start(overrides = {}) {
      client.engine = startSync({
        serverUrl: server.url,
        token: session.token,
        database: db,
        actor: { userId, permissions: session.user.permissions, allCenters: session.user.allCenters, centers: session.user.centers },
        status,
        fetch: network.fetch,
        backoff: { initialMs: 50, maxMs: 400, factor: 2, jitter: 0.2 },
        onPulled: (collection, documents) => client.pulled.push({ collection, documents }),
        ...overrides,
      });
      return client.engine;
    },
    async stop() {
      await client.engine?.stop();
      client.engine = undefined;
    },
    async close() {
      await client.stop();
      if (!db.closed) await db.close();
    },
  };
  return client;
}

/** Plain documents of a collection, sorted by id, without RxDB's metadata. */
export async function documentsOf(db: ClientDatabase, collection: ClientCollectionName): Promise<Array<Record<string, unknown>>> {
  const docs = await db.collections[collection].find().exec();
  return docs.map((doc) => doc.toMutableJSON() as Record<string, unknown>).sort((a, b) => String(a.id).localeCompare(String(b.id)));
}
