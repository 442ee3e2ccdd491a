// What the sync tests share: RxDB clients in this process (memory storage, only the
// collections a test needs, closed after each test) syncing with the real server through
// a fetch each test can take offline, and a record of every page pulled.
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { allScopeCenters, type CollectionName, type Consultation, type WireDocument } from '../../../shared/index';
import { centerDatabaseName } from '../../../server/storage/names';
import { createClientDatabase, type ClientCollectionName, type ClientDatabase } from '../../../renderer/store/database';
import { startSync, type StartSyncOptions, type SyncEngine } from '../../../renderer/sync/index';
import { createSyncStatusStore } from '../../../renderer/features/sync-status/status-store';
import type { SyncStatusStore } from '../../../renderer/sync/status';
import type { TestServer } from '../../support/server';

const storage = getRxStorageMemory();
let serial = 0;

/** A fetch that can be cut off like a network cable: offline, open requests (the live stream too) break and new ones fail. */
export class Network {
  private isOnline = true;
  private readonly open = new Set<AbortController>();
  requests = 0;
  /** Each pull request's body as sent (its checkpoint shows where a sync resumed). */
  readonly pulls: Array<{ collection: string; checkpoint: unknown }> = [];
  failures = 0;

  get online(): boolean {
    return this.isOnline;
  }

  set online(value: boolean) {
    this.isOnline = value;
    if (!value) for (const controller of this.open) controller.abort(new TypeError('network went offline'));
  }

  readonly fetch: typeof fetch = async (input, init) => {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the body's stream callbacks count failures on this network
    const network = this;
    this.requests += 1;
    const match = /\/replication\/(\w+)\/pull$/.exec(String(input));
    if (match && typeof init?.body === 'string') this.pulls.push({ collection: match[1]!, checkpoint: (JSON.parse(init.body) as { checkpoint: unknown }).checkpoint });
    if (!this.isOnline) {
      this.failures += 1;
      throw new TypeError('fetch failed: network is offline');
    }
    const controller = new AbortController();
    this.open.add(controller);
    const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    try {
      const response = await fetch(input, { ...init, signal });
      // The body is read later: keep it cancellable until it is consumed.
      const release = () => this.open.delete(controller);
      if (!response.body) {
        release();
        return response;
      }
      const reader = response.body.getReader();
      const body = new ReadableStream<Uint8Array>({
        async pull(stream) {
          try {
            const { value, done } = await reader.read();
            if (done) {
              release();
              stream.close();
            } else stream.enqueue(value);
          } catch (error) {
            release();
            network.failures += 1;
            stream.error(error);
          }
        },
        cancel(reason) {
          release();
          return reader.cancel(reason);
        },
      });
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (error) {
      this.open.delete(controller);
      this.failures += 1;
      throw error;
    }
  };
}

/** Waits until `condition` holds (the tests wait for events, never for a fixed time). */
export async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Stores documents straight into their centers' databases, as the migration would. */
export async function seedDocuments(server: TestServer, collection: CollectionName, docs: ReadonlyArray<{ id: string; centerId: string }>): Promise<void> {
  const byCenter = new Map<string, Array<{ id: string; centerId: string }>>();
  for (const doc of docs) byCenter.set(doc.centerId, [...(byCenter.get(doc.centerId) ?? []), doc]);
  for (const [centerId, list] of byCenter) {
    const db = await server.server.context.storage.open(centerDatabaseName(collection, centerId));
    const outcomes = await db.bulkWrite(list.map((doc) => ({ ...doc, _id: doc.id })));
    const failed = outcomes.find((o) => !o.ok);
    if (failed) throw new Error(`seeding ${collection}: ${failed.id} was not stored`);
  }
}

/** The live documents of a collection on the server, over every center, as plain documents by id. */
export async function serverDocuments(server: TestServer, collection: CollectionName): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  for (const centerId of allScopeCenters) {
    const db = await server.server.context.storage.open(centerDatabaseName(collection, centerId));
    for (const row of await db.allDocs({ includeDocs: true })) {
      if (!row.doc) continue;
      const { _id, _rev, ...plain } = row.doc;
      found.set(_id, plain);
    }
  }
  return found;
}

/** An invented consultation record of `personId` at `centerId`. */
export function testConsultation(n: number, personId: string, centerId: string, fields: Record<string, unknown> = {}): Consultation {
  return {
    id: `consultation-test-${n}`,
    personId,
    centerId,
    date: '2026-09-01',
    method: 'phone',
    consulterKind: 'family',
    businessCategory: 'general',
    status: 'continuing',
    afterHours: false,
    dementiaRelated: false,
    suspectedAbuse: false,
    abuseTypes: [],
    content: '相談の内容（架空）',
    updatedAt: '2026-09-01T09:00:00.000Z',
    updatedBy: 'seed',
    ...fields,
  } as Consultation;
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
export async function openClient(
  server: TestServer,
  userId: string,
  collections: readonly ClientCollectionName[],
  options: { name?: string; serverUrl?: string; password?: string; encryptionKey?: string } = {},
): Promise<Client> {
  serial += 1;
  const db = await createClientDatabase({
    name: options.name ?? `sync-${userId}-${serial}-${Date.now()}`,
    storage,
    collections,
    multiInstance: false,
    ...(options.encryptionKey !== undefined ? { encryptionKey: options.encryptionKey } : {}),
  });
  const network = new Network();
  const status = createSyncStatusStore();
  const session = await server.login(userId, options.password !== undefined ? { password: options.password } : {});
  const serverUrl = options.serverUrl ?? server.url;
  const client: Client = {
    userId,
    db,
    network,
    status,
    pulled: [],
    async start(overrides = {}) {
      client.engine = startSync({
        serverUrl,
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
