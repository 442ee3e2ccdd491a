// The one storage port (DESIGN.md decision 6). Everything in the server stores and reads
// documents through these two interfaces; two engines implement them:
// - embedded (default): PouchDB on LevelDB, each database a folder DIR/db/<name>;
// - couchdb (production): Apache CouchDB 3 through nano.
// One contract suite (tests/integration/storage/) runs against both.

/**
 * A stored document: CouchDB's shape, `_id` and `_rev` managed by the engine. Ids starting
 * with `_` (design and local documents) and other top-level `_` fields are the engines'
 * own: writes with them are refused as invalid, and reads never return such documents.
 */
export interface StoredDocument {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  [field: string]: unknown;
}

/**
 * Change-feed positions are opaque strings: PouchDB's are integers, CouchDB's are
 * cluster sequence strings. Only ever pass back a value the engine returned.
 */
export type Sequence = string;

/** The position before the first change. */
export const startOfFeed: Sequence = '0';

export interface Change {
  id: string;
  seq: Sequence;
  deleted: boolean;
  /** The current winning revision, when includeDocs was asked. Deleted: the tombstone. */
  doc?: StoredDocument;
}

export interface ChangesPage {
  results: Change[];
  /** Pass as `since` to continue after this page. */
  lastSeq: Sequence;
  /**
   * True when the feed had nothing after lastSeq at the time of the call; never true
   * while changes remain. A full page from a server that does not count what remains
   * (express-pouchdb) says false, and the next call returns no results and true.
   */
  complete: boolean;
}

export type WriteOutcome =
  | { id: string; ok: true; rev: string }
  | { id: string; ok: false; error: 'conflict' | 'forbidden' | 'invalid' | 'unknown'; reason: string };

export interface ChangesOptions {
  since: Sequence;
  limit: number;
  includeDocs: boolean;
}

export interface AllDocsOptions {
  /** Inclusive id range. */
  startKey?: string;
  endKey?: string;
  limit?: number;
  includeDocs: boolean;
  descending?: boolean;
}

export interface DatabaseInfo {
  name: string;
  docCount: number;
  updateSeq: Sequence;
}

export interface Database {
  readonly name: string;
  /** The current winning revision, or undefined when absent or deleted. */
  get(id: string): Promise<StoredDocument | undefined>;
  getMany(ids: readonly string[]): Promise<Array<StoredDocument | undefined>>;
  /**
   * Writes one document. A missing or stale `_rev` for an existing document is a
   * conflict (StorageConflictError), never a silent overwrite.
   */
  put(doc: StoredDocument): Promise<{ id: string; rev: string }>;
  /**
   * Writes many in one round trip; each row succeeds or fails on its own (no partial
   * row), outcomes in input order. A second row with an id already in the batch is a
   * conflict. Throws only when the store cannot be reached at all: then any row may or
   * may not be written, and retrying with the same `_rev`s is safe.
   */
  bulkWrite(docs: readonly StoredDocument[]): Promise<WriteOutcome[]>;
  /** Deletes (a tombstone that replicates as a deletion); a stale rev is a conflict. */
  remove(id: string, rev: string): Promise<{ id: string; rev: string }>;
  /** Live documents only, in id order (CouchDB's: with `descending`, startKey is the high end). */
  allDocs(options: AllDocsOptions): Promise<Array<{ id: string; rev: string; doc?: StoredDocument }>>;
  /** One page of the change feed after `since`, in feed order, each id at most once. */
  changes(options: ChangesOptions): Promise<ChangesPage>;
  /** Live changes after `since` until the returned function is called. */
  watch(since: Sequence, onChange: (change: Change) => void, onError?: (error: Error) => void): () => void;
  info(): Promise<DatabaseInfo>;
  /** True when only new documents may be written (see OpenOptions.appendOnly). */
  readonly appendOnly: boolean;
}

export interface OpenOptions {
  /**
   * Only new documents may be written: changing or deleting an existing one is refused
   * (StorageForbiddenError / `{ ok: false, error: 'forbidden' }`). The rule is stored
   * with the database, so it holds for every later open and, on CouchDB, for every
   * client of the cluster (a `validate_doc_update` design document).
   */
  appendOnly?: boolean;
}

export interface StorageEngine {
  readonly kind: 'embedded' | 'couchdb';
  /**
   * Opens (creating when absent) the database `name`: `[a-z][a-z0-9_$()+-]*`, CouchDB's
   * rule without `/` so that it is also a folder name (see names.ts). Handles are cached.
   */
  open(name: string, options?: OpenOptions): Promise<Database>;
  exists(name: string): Promise<boolean>;
  list(): Promise<string[]>;
  /** Removes a database and everything in it (tests, purges). */
  destroy(name: string): Promise<void>;
  close(): Promise<void>;
}

export class StorageConflictError extends Error {
  constructor(readonly id: string) {
    super(`document update conflict: ${id}`);
    this.name = 'StorageConflictError';
  }
}

/** A document the store cannot take as it is (a reserved id or field, a missing `_id`). */
export class StorageInvalidError extends Error {
  constructor(
    readonly id: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'StorageInvalidError';
  }
}

export class StorageForbiddenError extends Error {
  constructor(
    readonly id: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'StorageForbiddenError';
  }
}
