// The production engine: Apache CouchDB 3 (a cluster) through nano. Every call is one
// HTTP request whatever the number of documents (_bulk_docs, _all_docs with keys,
// _changes pages), sequences are passed through as CouchDB gives them, and an optional
// prefix lets several cities share one cluster.
import nano from 'nano';
import { appendOnlyDesignId, appendOnlyValidateDocUpdate } from './append-only';
import { assertPageLimit, failure, failureKind, isInternalId, prepareWrites, SingleWrites } from './documents';
import { defaultLongPollTuning, longPoll, type LongPollTuning } from './long-poll';
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

export interface CouchStorageConfig {
  url: string;
  username?: string;
  password?: string;
  /** Prepended to every database name, e.g. `hikarino_`: several cities on one cluster. */
  prefix?: string;
}

type Request = nano.RequestOptions & { signal?: AbortSignal };
type Send = <T>(request: Request) => Promise<T>;

interface CouchChange {
  id: string;
  seq: string | number;
  deleted?: boolean;
  doc?: StoredDocument | null;
}

interface CouchRow {
  id?: string;
  key: string;
  value?: { rev: string };
  doc?: StoredDocument | null;
}

type CouchWriteResult = { id: string; ok?: boolean; rev?: string; error?: string; reason?: string };

const statusOf = (error: unknown): number | undefined => (error as { statusCode?: number } | null)?.statusCode;

function toChange(change: CouchChange, withDoc: boolean): Change {
  const result: Change = { id: change.id, seq: String(change.seq), deleted: change.deleted === true };
  if (withDoc && change.doc) result.doc = change.doc;
  return result;
}

/** Each id once per page, at its latest position (a cluster may repeat one on resumption). */
function latestPerId(changes: CouchChange[]): CouchChange[] {
  const last = new Map<string, number>();
  changes.forEach((change, index) => last.set(change.id, index));
  return last.size === changes.length ? changes : changes.filter((change, index) => last.get(change.id) === index);
}

class CouchDatabase extends SingleWrites implements Database {
  private readonly feed = new SharedFeed(
    (since) => this.changes({ since, limit: 500, includeDocs: false }),
    (wake, onError) => this.startLongPoll(wake, onError),
  );

  constructor(
    readonly name: string,
    private readonly path: string,
    private readonly send: Send,
    public appendOnly: boolean,
    private readonly tuning: LongPollTuning,
  ) {
    super();
  }

  async makeAppendOnly(): Promise<void> {
    if (this.appendOnly) return;
    const existing = await this.send<{ _rev: string; validate_doc_update?: string }>({ db: this.path, doc: appendOnlyDesignId }).catch(
      (error: unknown) => {
        if (statusOf(error) === 404) return undefined;
        throw error;
      },
    );
    if (existing?.validate_doc_update !== appendOnlyValidateDocUpdate) {
      const design = { validate_doc_update: appendOnlyValidateDocUpdate, ...(existing ? { _rev: existing._rev } : {}) };
      await this.send({ db: this.path, doc: appendOnlyDesignId, method: 'PUT', body: design }).catch((error: unknown) => {
        // Another server process installed it at the same moment.
        if (statusOf(error) !== 409) throw error;
      });
    }
    this.appendOnly = true;
  }

  async get(id: string): Promise<StoredDocument | undefined> {
    if (isInternalId(id)) return undefined;
    try {
      return await this.send<StoredDocument>({ db: this.path, path: encodeURIComponent(id) });
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async getMany(ids: readonly string[]): Promise<Array<StoredDocument | undefined>> {
    const keys = [...new Set(ids.filter((id) => !isInternalId(id)))];
    if (keys.length === 0) return ids.map(() => undefined);
    // _bulk_get, as CouchDB's replicator reads; express-pouchdb answers _all_docs?keys
    // one range query per key, seven times slower.
    const response = await this.send<{ results: Array<{ id: string; docs: Array<{ ok?: StoredDocument }> }> }>({
      db: this.path,
      path: '_bulk_get',
      method: 'POST',
      body: { docs: keys.map((id) => ({ id })) },
    });
    const found = new Map<string, StoredDocument>();
    for (const result of response.results) {
      const doc = result.docs[0]?.ok;
      if (doc && doc._deleted !== true) found.set(result.id, doc);
    }
    return ids.map((id) => found.get(id));
  }

  async bulkWrite(docs: readonly StoredDocument[]): Promise<WriteOutcome[]> {
    const { outcomes, rows } = prepareWrites(docs);
    if (rows.length > 0) {
      const results = await this.send<CouchWriteResult[]>({
        db: this.path,
        path: '_bulk_docs',
        method: 'POST',
        body: { docs: rows.map(({ doc }) => doc) },
      });
      // CouchDB answers in request order; express-pouchdb puts validation refusals first.
      // Ids are unique within the request (prepareWrites), so match by id.
      const byId = new Map(results.map((result) => [result.id, result]));
      for (const { index, doc } of rows) {
        const result = byId.get(doc._id);
        outcomes[index] =
          result && !result.error && result.rev
            ? { id: doc._id, ok: true, rev: result.rev }
            : failure(doc._id, failureKind(result?.error), result?.reason ?? 'no result from the store');
      }
    }
    return outcomes as WriteOutcome[];
  }

  async allDocs(options: AllDocsOptions): Promise<Array<{ id: string; rev: string; doc?: StoredDocument }>> {
    if (options.limit !== undefined) assertPageLimit(options.limit);
    const rows: Array<{ id: string; rev: string; doc?: StoredDocument }> = [];
    let startKey = options.startKey;
    let skip = 0;
    // Design documents sort among the ids and are dropped here: fetch on until the limit
    // is met with the caller's documents or the range is exhausted.
    for (;;) {
      const wanted = options.limit === undefined ? undefined : options.limit - rows.length;
      const response = await this.send<{ rows: CouchRow[] }>({
        db: this.path,
        path: '_all_docs',
        qs: {
          include_docs: options.includeDocs,
          ...(startKey === undefined ? {} : { startkey: startKey }),
          ...(options.endKey === undefined ? {} : { endkey: options.endKey }),
          ...(wanted === undefined ? {} : { limit: wanted }),
          ...(skip === 0 ? {} : { skip }),
          ...(options.descending ? { descending: true } : {}),
        },
      });
      for (const row of response.rows) {
        if (row.id === undefined || !row.value || isInternalId(row.id)) continue;
        rows.push(options.includeDocs && row.doc ? { id: row.id, rev: row.value.rev, doc: row.doc } : { id: row.id, rev: row.value.rev });
      }
      const last = response.rows.at(-1);
      if (wanted === undefined || response.rows.length < wanted || rows.length >= (options.limit ?? 0) || !last) return rows;
      startKey = last.key;
      skip = 1;
    }
  }

  async changes(options: ChangesOptions): Promise<ChangesPage> {
    assertPageLimit(options.limit);
    const response = await this.send<{ results: CouchChange[]; last_seq: string | number; pending?: number }>({
      db: this.path,
      path: '_changes',
      qs: { since: options.since, limit: options.limit, include_docs: options.includeDocs },
    });
    return {
      results: latestPerId(response.results)
        .filter((change) => !isInternalId(change.id))
        .map((change) => toChange(change, options.includeDocs)),
      lastSeq: String(response.last_seq),
      // CouchDB says how many changes remain; servers that do not (express-pouchdb) have
      // more to give exactly when they filled the page.
      complete: typeof response.pending === 'number' ? response.pending === 0 : response.results.length < options.limit,
    };
  }

  watch(since: Sequence, onChange: (change: Change) => void, onError?: (error: Error) => void): () => void {
    return this.feed.watch(since, onChange, onError ?? (() => undefined));
  }

  /** One long poll per database, however many watch it: the shared feed's wake-up call. */
  private startLongPoll(wake: () => void, onError: (error: Error) => void): { ready: Promise<void>; stop: () => void } {
    let stop: (() => void) | undefined;
    let stopped = false;
    const ready = this.info().then(({ updateSeq }) => {
      if (!stopped) stop = longPoll((cursor, timeoutMs, signal) => this.poll(cursor, timeoutMs, signal), updateSeq, wake, onError, this.tuning);
    });
    return {
      ready,
      stop: () => {
        stopped = true;
        stop?.();
      },
    };
  }

  private async poll(since: Sequence, timeoutMs: number, signal: AbortSignal): Promise<{ results: Change[]; lastSeq: Sequence }> {
    const response = await this.send<{ results?: CouchChange[]; last_seq?: string | number } | string>({
      db: this.path,
      path: '_changes',
      qs: { feed: 'longpoll', since, timeout: timeoutMs, limit: 1000 },
      signal,
    });
    if (typeof response !== 'object' || !Array.isArray(response.results) || response.last_seq === undefined) {
      throw new Error(`unexpected _changes response from ${this.name}`);
    }
    return { results: response.results.map((change) => toChange(change, false)), lastSeq: String(response.last_seq) };
  }

  async info(): Promise<DatabaseInfo> {
    const [info, designs] = await Promise.all([
      this.send<{ doc_count: number; update_seq: string | number }>({ db: this.path }),
      this.send<{ rows: CouchRow[] }>({ db: this.path, path: '_all_docs', qs: { startkey: '_design/', endkey: '_design0' } }),
    ]);
    return { name: this.name, docCount: info.doc_count - designs.rows.length, updateSeq: String(info.update_seq) };
  }

  stopWatching(): void {
    this.feed.stopAll();
  }
}

class CouchStorage implements StorageEngine {
  readonly kind = 'couchdb' as const;
  private readonly databases = new OpenDatabases((name) => this.openDatabase(name));

  constructor(
    private readonly send: Send,
    private readonly prefix: string,
    private readonly tuning: LongPollTuning,
  ) {}

  open(name: string, options?: OpenOptions): Promise<Database> {
    return this.databases.open(name, options);
  }

  private async openDatabase(name: string): Promise<CouchDatabase> {
    const path = this.prefix + name;
    await this.send({ db: path, method: 'PUT' }).catch(async (error: unknown) => {
      // 412: it exists. A member who is not a server admin may not create databases and
      // hears 401/403 even for one that exists: then it must exist already.
      if (statusOf(error) === 412) return;
      if ((statusOf(error) === 401 || statusOf(error) === 403) && (await this.exists(name))) return;
      throw error;
    });
    const design = await this.send<{ validate_doc_update?: string }>({ db: path, doc: appendOnlyDesignId }).catch((error: unknown) => {
      if (statusOf(error) === 404) return undefined;
      throw error;
    });
    return new CouchDatabase(name, path, this.send, design?.validate_doc_update !== undefined, this.tuning);
  }

  async exists(name: string): Promise<boolean> {
    if (!isValidDatabaseName(name)) return false;
    try {
      await this.send({ db: this.prefix + name, method: 'HEAD' });
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  async list(): Promise<string[]> {
    const all = await this.send<string[]>({ path: '_all_dbs' });
    return all
      .filter((name) => name.startsWith(this.prefix))
      .map((name) => name.slice(this.prefix.length))
      .filter(isValidDatabaseName)
      .sort();
  }

  async destroy(name: string): Promise<void> {
    assertValidDatabaseName(name);
    (await this.databases.forget(name))?.stopWatching();
    await this.send({ db: this.prefix + name, method: 'DELETE' }).catch((error: unknown) => {
      if (statusOf(error) !== 404) throw error;
    });
  }

  async close(): Promise<void> {
    for (const database of await this.databases.closeAll()) database.stopWatching();
  }
}

export async function createCouchStorage(config: CouchStorageConfig, tuning: LongPollTuning = defaultLongPollTuning): Promise<StorageEngine> {
  const prefix = config.prefix ?? '';
  if (prefix !== '' && !isValidDatabaseName(prefix)) {
    throw new Error(`invalid CouchDB database prefix ${JSON.stringify(prefix)}: lowercase letters first, then a-z 0-9 _ $ ( ) + -`);
  }
  const headers: Record<string, string> = {};
  if (config.username !== undefined) {
    headers.Authorization = `Basic ${Buffer.from(`${config.username}:${config.password ?? ''}`).toString('base64')}`;
  }
  // parseUrl: false, or nano would take a path in the URL (a reverse proxy's) for a database.
  const server = nano({ url: config.url, parseUrl: false, headers } as nano.Configuration);
  const send: Send = (request) => server.request(request as nano.RequestOptions) as Promise<never>;
  // Fail at start, not at the first request, when the URL or the credentials are wrong.
  await send({ path: '' }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot reach CouchDB at ${new URL(config.url).origin}: ${reason}`);
  });
  return new CouchStorage(send, prefix, tuning);
}
