// The embedded engine (the default): PouchDB on LevelDB, each database the folder
// DATA/db/<name>. The server keeps up to ~75 databases open at once, so LevelDB's
// per-database cache, write buffer and file handles are kept small.
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import { appendOnlyMarkerId, appendOnlyRefusal } from './append-only';
import { assertPageLimit, failure, failureKind, isInternalId, prepareWrites, SingleWrites } from './documents';
import { assertValidDatabaseName, isValidDatabaseName } from './names';
import { OpenDatabases } from './open-databases';
import { SharedFeed } from './shared-feed';
import type {
  AllDocsOptions,
  Change,
  ChangesOptions,
  ChangesPage,
  Database,
  DatabaseInfo,
  OpenOptions,
  Sequence,
  StorageEngine,
  StoredDocument,
  WriteOutcome,
} from './port';

type Pouch = PouchDB.Database<Record<string, unknown>>;

const levelDbOptions = {
  cacheSize: 2 * 1024 * 1024,
  writeBufferSize: 2 * 1024 * 1024,
  maxOpenFiles: 64,
  // Old revisions of a person's documents are personal data too: drop their bodies at
  // once instead of keeping every edit on disk until someone compacts.
  auto_compaction: true,
};

/**
 * A bulk load (the migration's `--data`, which owns the folder alone for the run): the
 * few databases it fills get LevelDB's larger write buffer and block cache, so that
 * millions of documents are flushed and compacted in fewer, larger steps, and the
 * lookups of every write (does the id exist?) find more blocks in memory.
 */
const bulkLoadOptions = {
  ...levelDbOptions,
  cacheSize: 8 * 1024 * 1024,
  writeBufferSize: 16 * 1024 * 1024,
  // Revision ids as random UUIDs instead of an MD5 of each document's JSON: a bulk load
  // writes every document once, so the content-derived id (which only lets two replicas
  // making the same edit agree) bought nothing but a stringify and a hash per document.
  deterministic_revs: false,
};

const isNotFound = (error: unknown): boolean => (error as { status?: number } | null)?.status === 404;

function toSequence(seq: number | string): Sequence {
  return String(seq);
}

function fromSequence(seq: Sequence): number {
  if (!/^[0-9]+$/.test(seq)) throw new RangeError(`not a sequence of this database: ${JSON.stringify(seq)}`);
  return Number(seq);
}

function toChange(change: PouchDB.Core.ChangesResponseChange<Record<string, unknown>>, withDoc: boolean): Change {
  const result: Change = { id: change.id, seq: toSequence(change.seq), deleted: change.deleted === true };
  if (withDoc && change.doc) result.doc = change.doc as unknown as StoredDocument;
  return result;
}

class EmbeddedDatabase extends SingleWrites implements Database {
  private readonly feed = new SharedFeed(
    (since) => this.changes({ since, limit: 500, includeDocs: false }),
    (wake, onError) => this.startLiveFeed(wake, onError),
  );

  constructor(
    readonly name: string,
    private readonly pouch: Pouch,
    public appendOnly: boolean,
  ) {
    super();
  }

  async makeAppendOnly(): Promise<void> {
    if (this.appendOnly) return;
    try {
      await this.pouch.put({ _id: appendOnlyMarkerId });
    } catch (error) {
      if ((error as { status?: number }).status !== 409) throw error;
    }
    this.appendOnly = true;
  }

  async get(id: string): Promise<StoredDocument | undefined> {
    if (isInternalId(id)) return undefined;
    try {
      return (await this.pouch.get(id)) as unknown as StoredDocument;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async getMany(ids: readonly string[]): Promise<Array<StoredDocument | undefined>> {
    // Concurrent gets: PouchDB's allDocs({ keys }) runs one range query per key and
    // measured three times slower on LevelDB.
    const unique = [...new Set(ids)];
    const docs = await Promise.all(unique.map((id) => this.get(id)));
    const found = new Map(unique.map((id, index) => [id, docs[index]]));
    return ids.map((id) => found.get(id));
  }

  async bulkWrite(docs: readonly StoredDocument[]): Promise<WriteOutcome[]> {
    const { outcomes, rows } = prepareWrites(docs);
    const toStore = this.appendOnly ? await this.refuseChanges(rows, outcomes) : rows;
    if (toStore.length > 0) {
      // PouchDB fills in _rev on the objects it is given: give it copies, not the caller's.
      const results = await this.pouch.bulkDocs(toStore.map(({ doc }) => ({ ...doc })));
      toStore.forEach(({ index, doc }, position) => {
        const result = results[position];
        if (result && 'ok' in result && result.ok && result.rev) {
          outcomes[index] = { id: doc._id, ok: true, rev: result.rev };
        } else {
          const error = result as PouchDB.Core.Error | undefined;
          outcomes[index] = failure(doc._id, failureKind(error?.name), error?.message ?? 'no result from the store');
        }
      });
    }
    return outcomes as WriteOutcome[];
  }

  /** Decides the rows the append-only rule refuses; returns the rows still to store. */
  private async refuseChanges(
    rows: Array<{ index: number; doc: StoredDocument }>,
    outcomes: Array<WriteOutcome | undefined>,
  ): Promise<Array<{ index: number; doc: StoredDocument }>> {
    const withRev = rows.filter(({ doc }) => doc._rev !== undefined).map(({ doc }) => doc._id);
    const current = new Map<string, string>();
    if (withRev.length > 0) {
      const response = await this.pouch.allDocs({ keys: withRev });
      for (const row of response.rows) if ('value' in row && !row.value.deleted) current.set(row.id, row.value.rev);
    }
    return rows.filter(({ index, doc }) => {
      const refusal = appendOnlyRefusal(doc, current.get(doc._id));
      if (refusal) outcomes[index] = refusal;
      return refusal === undefined;
    });
  }

  async allDocs(options: AllDocsOptions): Promise<Array<{ id: string; rev: string; doc?: StoredDocument }>> {
    if (options.limit !== undefined) assertPageLimit(options.limit);
    const response = await this.pouch.allDocs({
      include_docs: options.includeDocs,
      ...(options.startKey === undefined ? {} : { startkey: options.startKey }),
      ...(options.endKey === undefined ? {} : { endkey: options.endKey }),
      ...(options.limit === undefined ? {} : { limit: options.limit }),
      ...(options.descending === undefined ? {} : { descending: options.descending }),
    });
    return response.rows
      .filter((row) => !isInternalId(row.id))
      .map((row) =>
        options.includeDocs && row.doc
          ? { id: row.id, rev: row.value.rev, doc: row.doc as unknown as StoredDocument }
          : { id: row.id, rev: row.value.rev },
      );
  }

  async changes(options: ChangesOptions): Promise<ChangesPage> {
    assertPageLimit(options.limit);
    const response = await this.pouch.changes({
      since: fromSequence(options.since),
      limit: options.limit,
      include_docs: options.includeDocs,
      return_docs: true,
    });
    // Read after the page, so that `complete` is never true while a change is unread.
    const { update_seq: updateSeq } = await this.pouch.info();
    const lastSeq = toSequence(response.last_seq);
    return {
      results: response.results.filter((c) => !isInternalId(c.id)).map((c) => toChange(c, options.includeDocs)),
      lastSeq,
      complete: fromSequence(lastSeq) >= Number(updateSeq),
    };
  }

  watch(since: Sequence, onChange: (change: Change) => void, onError?: (error: Error) => void): () => void {
    fromSequence(since);
    return this.feed.watch(since, onChange, onError ?? (() => undefined));
  }

  /** PouchDB's live feed, only as the shared feed's wake-up call. */
  private startLiveFeed(wake: () => void, onError: (error: Error) => void): { ready: Promise<void>; stop: () => void } {
    let feed: PouchDB.Core.Changes<Record<string, unknown>> | undefined;
    let stopped = false;
    const ready = this.pouch.info().then(({ update_seq: since }) => {
      if (stopped) return;
      feed = this.pouch.changes({ live: true, since, include_docs: false, return_docs: false });
      feed.on('change', wake);
      feed.on('error', (error: unknown) => onError(error instanceof Error ? error : new Error(String(error))));
    });
    return {
      ready,
      stop: () => {
        stopped = true;
        feed?.cancel();
      },
    };
  }

  async info(): Promise<DatabaseInfo> {
    const info = await this.pouch.info();
    return { name: this.name, docCount: info.doc_count, updateSeq: toSequence(info.update_seq) };
  }

  stopWatching(): void {
    this.feed.stopAll();
  }

  async close(): Promise<void> {
    this.stopWatching();
    await this.pouch.close();
  }

  async destroy(): Promise<void> {
    this.stopWatching();
    await this.pouch.destroy();
  }
}

/** LevelDB holds a lock on each folder: a second process gets a message saying who. */
function describeOpenError(error: unknown, folder: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/LOCK|lock/.test(message)) {
    return new Error(`database folder ${folder} is in use by another process (is the Kizuna server running?): ${message}`);
  }
  return error instanceof Error ? error : new Error(message);
}

class EmbeddedStorage implements StorageEngine {
  readonly kind = 'embedded' as const;
  private readonly databases = new OpenDatabases((name) => this.openDatabase(name));

  constructor(
    private readonly folder: string,
    private readonly options: typeof levelDbOptions = levelDbOptions,
  ) {}

  open(name: string, options?: OpenOptions): Promise<Database> {
    return this.databases.open(name, options);
  }

  private async openDatabase(name: string): Promise<EmbeddedDatabase> {
    const folder = path.join(this.folder, name);
    const pouch: Pouch = new PouchDB(folder, this.options as PouchDB.Configuration.DatabaseConfiguration);
    // Every changes() call listens on the handle until it ends; the server runs many at
    // once (a pull per client), which is not the leak Node's default limit of ten warns of.
    pouch.setMaxListeners(0);
    let marker: unknown;
    try {
      marker = await pouch.get(appendOnlyMarkerId).catch((error: unknown) => {
        if (isNotFound(error)) return undefined;
        throw error;
      });
    } catch (error) {
      throw describeOpenError(error, folder);
    }
    return new EmbeddedDatabase(name, pouch, marker !== undefined);
  }

  async exists(name: string): Promise<boolean> {
    if (!isValidDatabaseName(name)) return false;
    try {
      return (await stat(path.join(this.folder, name))).isDirectory();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async list(): Promise<string[]> {
    const entries = await readdir(this.folder, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory() && isValidDatabaseName(entry.name))
      .map((entry) => entry.name)
      .sort();
  }

  async destroy(name: string): Promise<void> {
    assertValidDatabaseName(name);
    const open = await this.databases.forget(name);
    if (open) {
      await open.destroy();
    } else if (await this.exists(name)) {
      await new PouchDB(path.join(this.folder, name), levelDbOptions as PouchDB.Configuration.DatabaseConfiguration).destroy();
    }
  }

  async close(): Promise<void> {
    const open = await this.databases.closeAll();
    const results = await Promise.allSettled(open.map((database) => database.close()));
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

/** Opens (creating) the store under `dataDir`: its databases are the folders of `dataDir/db`. */
export async function createEmbeddedStorage(options: { dataDir: string; bulkLoad?: boolean }): Promise<StorageEngine> {
  const folder = path.join(path.resolve(options.dataDir), 'db');
  await mkdir(folder, { recursive: true });
  return new EmbeddedStorage(folder, options.bulkLoad === true ? bulkLoadOptions : levelDbOptions);
}
