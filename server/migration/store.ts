// Writes migrated documents through the storage port, the same way for `npm run migrate
// --data DIR` and for the server's import endpoint:
// - ids come from legacy keys, so a document either exists (compare, update) or not;
// - only the fields the import owns are replaced: what staff added to a migrated
//   document (fields the legacy system never had) survives a re-run;
// - a document whose center changed moves: written to the new center's database first,
//   then removed from the old one (a crash in between leaves a copy the next run
//   removes, never a loss);
// - after writing, every document is read back and each legacy row's projection hashed,
//   which is what the reconciliation report compares.
import { centerIds, cityHall, type CollectionName, type PlainDocument } from '../../shared/index';
import { centerDatabaseName, globalDatabases, parseCenterDatabaseName } from '../storage/names';
import type { Database, Sequence, StorageEngine, StoredDocument, WriteOutcome } from '../storage/port';
import { fromStored, toStored } from '../util/documents';
import type { FileStore } from '../files/store';
import { canonicalJson, projectionHash, type Projection } from './projection';

export interface ImportUnit {
  collection: CollectionName;
  /** The complete document as the import maps it (with `id`, and `centerId` for a person's). */
  doc: PlainDocument;
  /** Top-level fields the import sets, and removes when the legacy row leaves them empty. */
  owned: readonly string[];
  /** Top-level fields set only when the document is created (staff may change them later). */
  defaulted?: readonly string[];
  /** One projection per legacy row the document holds. */
  checks: readonly Projection[];
  /** Files the document names (stored beforehand), verified on read-back. */
  files?: ReadonlyArray<{ centerId: string; sha256: string }>;
}

export type ImportStatus = 'added' | 'updated' | 'unchanged' | 'failed';

export interface ImportOutcome {
  id: string;
  status: ImportStatus;
  /** The center the document was in before, when it moved. */
  movedFrom?: string;
  error?: string;
  /** Per check: the row's hash in the store before this import (null: not there). */
  before: Array<string | null>;
  /** Per check: the hash as read back after writing (null in a dry run or when absent). */
  after: Array<string | null>;
  /** False when a named file is missing or its bytes do not hash to its id. */
  filesVerified: boolean;
}

export interface WrittenDocument {
  collection: CollectionName;
  id: string;
  centerId?: string;
  personId?: string;
  operation: 'create' | 'update';
  movedFrom?: string;
}

export interface MigrationStoreOptions {
  files: FileStore;
  /** Who and when, when the caller decides it (the server's clock and the logged-in user). */
  stamp?: () => { at: string; by: string };
  /** Told about every document written, for the audit log. */
  onWritten?: (written: readonly WrittenDocument[]) => Promise<void>;
}

export interface ImportOptions {
  /** Compare and report, write nothing. */
  dryRun?: boolean;
  /** Overrides the store's stamp and audit hook for this batch (the request that sent it). */
  stamp?: MigrationStoreOptions['stamp'];
  onWritten?: MigrationStoreOptions['onWritten'];
}

export interface MigrationStore {
  importBatch(units: readonly ImportUnit[], options?: ImportOptions): Promise<ImportOutcome[]>;
}

const STAMPS = ['createdAt', 'createdBy', 'updatedAt', 'updatedBy'] as const;
const MASTERS: string = globalDatabases.masters;
const MAX_ATTEMPTS = 3;

function contentOf(doc: PlainDocument): string {
  const content: PlainDocument = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_') && !(STAMPS as readonly string[]).includes(key)) content[key] = value;
  return canonicalJson(content);
}

function centerOf(unit: ImportUnit): string | undefined {
  return unit.collection === 'masters' ? undefined : String(unit.doc.centerId);
}

function databaseOf(collection: CollectionName, centerId: string | undefined): string {
  return centerId === undefined ? MASTERS : centerDatabaseName(collection, centerId);
}

/** The merge rule: owned fields from the import, everything else as stored. */
function merge(unit: ImportUnit, existing: PlainDocument | undefined, stamp: { at: string; by: string } | undefined): PlainDocument {
  const merged: PlainDocument = existing ? { ...existing } : {};
  for (const field of unit.owned) {
    if (Object.hasOwn(unit.doc, field)) merged[field] = unit.doc[field];
    else delete merged[field];
  }
  for (const field of unit.defaulted ?? []) {
    if (!existing || !Object.hasOwn(existing, field)) {
      if (Object.hasOwn(unit.doc, field)) merged[field] = unit.doc[field];
    }
  }
  merged.createdAt = existing?.createdAt ?? stamp?.at ?? unit.doc.createdAt;
  merged.createdBy = existing?.createdBy ?? stamp?.by ?? unit.doc.createdBy;
  merged.updatedAt = stamp?.at ?? unit.doc.updatedAt;
  merged.updatedBy = stamp?.by ?? unit.doc.updatedBy;
  return merged;
}

/**
 * Reads back the documents a write stored, by the change feed after the position the
 * database had before it (one sequential read instead of a lookup per document, which
 * LevelDB serves several times slower); a document the page does not hold (written over
 * by a later batch, or another writer's in between on a server) is read by id.
 */
async function readWritten(db: Database, name: string, since: Sequence, results: readonly WriteOutcome[], into: Map<string, StoredDocument>): Promise<void> {
  const wanted = new Set(results.filter((r) => r.ok).map((r) => r.id));
  if (wanted.size === 0) return;
  const page = await db.changes({ since, limit: wanted.size, includeDocs: true });
  for (const change of page.results) {
    if (!wanted.has(change.id) || change.deleted || !change.doc) continue;
    into.set(`${name}\u0000${change.id}`, change.doc);
    wanted.delete(change.id);
  }
  if (wanted.size === 0) return;
  const ids = [...wanted];
  const docs = await db.getMany(ids);
  docs.forEach((doc, i) => {
    if (doc) into.set(`${name}\u0000${ids[i] ?? ''}`, doc);
  });
}

export function createMigrationStore(engine: StorageEngine, options: MigrationStoreOptions): MigrationStore {
  /** Where each document of a collection is now: id → the centers holding it (more than one only after a crash mid-move). */
  const locations = new Map<CollectionName, Map<string, string[]>>();
  const handles = new Map<string, Promise<Database>>();

  /**
   * One write per database at a time, the position before it read under the same lock:
   * the write's documents are then the feed's next entries after that position.
   */
  const queues = new Map<string, Promise<unknown>>();
  function exclusive(db: string, task: () => Promise<void>): Promise<void> {
    const run = (queues.get(db) ?? Promise.resolve()).then(task);
    const settled = run.catch(() => undefined);
    queues.set(db, settled);
    void settled.then(() => {
      if (queues.get(db) === settled) queues.delete(db);
    });
    return run;
  }

  const open = (name: string): Promise<Database> => {
    let handle = handles.get(name);
    if (!handle) handles.set(name, (handle = engine.open(name)));
    return handle;
  };

  /** Built once per collection and store (a promise, so two batches in flight share one scan). */
  const scans = new Map<CollectionName, Promise<Map<string, string[]>>>();
  function locationsOf(collection: CollectionName): Promise<Map<string, string[]>> {
    let scan = scans.get(collection);
    if (!scan) scans.set(collection, (scan = scanLocations(collection)));
    return scan;
  }

  async function scanLocations(collection: CollectionName): Promise<Map<string, string[]>> {
    const index = new Map<string, string[]>();
    const known = [...centerIds, cityHall];
    for (const name of await engine.list()) {
      // The center as documents write it (`cityHall`), not as the database name lowercases it.
      const centerId = parseCenterDatabaseName(name, known);
      if (centerId?.collection !== collection) continue;
      for (const row of await (await open(name)).allDocs({ includeDocs: false })) index.set(row.id, [...(index.get(row.id) ?? []), centerId.centerId]);
    }
    locations.set(collection, index);
    return index;
  }

  async function readMany(requests: ReadonlyArray<{ db: string; id: string }>): Promise<Map<string, StoredDocument>> {
    const byDb = new Map<string, string[]>();
    for (const { db, id } of requests) byDb.set(db, [...(byDb.get(db) ?? []), id]);
    const found = new Map<string, StoredDocument>();
    await Promise.all(
      [...byDb].map(async ([db, ids]) => {
        if (!handles.has(db) && !(await engine.exists(db))) return;
        const docs = await (await open(db)).getMany(ids);
        docs.forEach((doc, i) => {
          if (doc) found.set(`${db}\u0000${ids[i] ?? ''}`, doc);
        });
      }),
    );
    return found;
  }

  async function importOnce(units: readonly ImportUnit[], call: ImportOptions): Promise<ImportOutcome[]> {
    const dryRun = call.dryRun ?? false;
    const stamp = (call.stamp ?? options.stamp)?.();
    // Where each unit's document is now.
    const current: Array<Array<{ centerId: string | undefined; db: string }>> = [];
    for (const unit of units) {
      const id = String(unit.doc.id);
      if (unit.collection === 'masters') current.push([{ centerId: undefined, db: MASTERS }]);
      else current.push(((await locationsOf(unit.collection)).get(id) ?? []).map((centerId) => ({ centerId, db: databaseOf(unit.collection, centerId) })));
    }
    const stored = await readMany(units.flatMap((unit, i) => (current[i] ?? []).map(({ db }) => ({ db, id: String(unit.doc.id) }))));

    const outcomes: ImportOutcome[] = [];
    const writes = new Map<string, StoredDocument[]>();
    const removals = new Map<string, StoredDocument[]>();
    const written: WrittenDocument[] = [];
    const queue = (map: Map<string, StoredDocument[]>, db: string, doc: StoredDocument) => map.set(db, [...(map.get(db) ?? []), doc]);

    units.forEach((unit, i) => {
      const id = String(unit.doc.id);
      const centerId = centerOf(unit);
      const targetDb = databaseOf(unit.collection, centerId);
      const copies = (current[i] ?? []).map((place) => ({ ...place, doc: stored.get(`${place.db}\u0000${id}`) })).filter((c) => c.doc !== undefined);
      const inTarget = copies.find((c) => c.db === targetDb)?.doc;
      const elsewhere = copies.filter((c) => c.db !== targetDb);
      const existingStored = inTarget ?? elsewhere[0]?.doc;
      const existing = existingStored ? fromStored<PlainDocument>(existingStored) : undefined;
      const merged = merge(unit, existing, stamp);
      const before = unit.checks.map((p) => projectionHash(existing, p));
      const unchanged = existing !== undefined && inTarget !== undefined && elsewhere.length === 0 && contentOf(merged) === contentOf(existing);
      const status: ImportStatus = unchanged ? 'unchanged' : existing ? 'updated' : 'added';
      const movedFrom = !inTarget && elsewhere[0] ? elsewhere[0].centerId : undefined;
      outcomes.push({ id, status, ...(movedFrom !== undefined ? { movedFrom } : {}), before, after: unit.checks.map(() => null), filesVerified: true });
      if (unchanged || dryRun) return;
      queue(writes, targetDb, toStored(id, merged, inTarget?._rev));
      for (const copy of elsewhere) if (copy.doc?._rev) queue(removals, copy.db, { _id: id, _rev: copy.doc._rev, _deleted: true });
      written.push({
        collection: unit.collection,
        id,
        ...(centerId !== undefined ? { centerId } : {}),
        ...(typeof merged.personId === 'string' ? { personId: merged.personId } : unit.collection === 'persons' ? { personId: id } : {}),
        operation: existing ? 'update' : 'create',
        ...(movedFrom !== undefined ? { movedFrom } : {}),
      });
    });
    if (dryRun) return outcomes;

    const failures = new Map<string, string>();
    const readBack = new Map<string, StoredDocument>();
    const runWrites = async (map: Map<string, StoredDocument[]>, readAfter: boolean) => {
      await Promise.all(
        [...map].map(([db, docs]) =>
          (async () => {
            const handle = await open(db);
            let since: Sequence | undefined;
            let results: WriteOutcome[] = [];
            await exclusive(db, async () => {
              since = readAfter ? (await handle.info()).updateSeq : undefined;
              results = await handle.bulkWrite(docs);
            });
            for (const result of results) if (!result.ok) failures.set(`${db}\u0000${result.id}`, `${result.error}: ${result.reason}`);
            // Outside the lock: the next batch's write need not wait for this read.
            if (since !== undefined) await readWritten(handle, db, since, results, readBack);
          })(),
        ),
      );
    };
    await runWrites(writes, true);
    // Old copies go only once the new one is stored.
    for (const [db, docs] of removals) removals.set(db, docs.filter((d) => ![...failures.keys()].some((k) => k.endsWith(`\u0000${d._id}`))));
    await runWrites(removals, false);

    // What was written, as read back from the store; what was unchanged, as read before.
    const targetDbs = units.map((unit) => databaseOf(unit.collection, centerOf(unit)));
    units.forEach((unit, i) => {
      const db = targetDbs[i] ?? MASTERS;
      const key = `${db}\u0000${String(unit.doc.id)}`;
      const before = stored.get(key);
      if (!readBack.has(key) && outcomes[i]?.status === 'unchanged' && before) readBack.set(key, before);
    });
    const fileChecks = new Map<string, Set<string>>();
    for (const unit of units) for (const f of unit.files ?? []) fileChecks.set(f.centerId, (fileChecks.get(f.centerId) ?? new Set()).add(f.sha256));
    const fileResults = new Map<string, Map<string, boolean>>();
    for (const [centerId, shas] of fileChecks) fileResults.set(centerId, await options.files.verify(centerId, [...shas]));

    units.forEach((unit, i) => {
      const outcome = outcomes[i] as ImportOutcome;
      const db = targetDbs[i] ?? MASTERS;
      const failure = failures.get(`${db}\u0000${outcome.id}`);
      if (failure) {
        outcome.status = 'failed';
        outcome.error = failure;
        return;
      }
      // Projections read named fields only, so the stored document needs no copy without _id/_rev.
      const doc = readBack.get(`${db}\u0000${outcome.id}`);
      outcome.after = unit.checks.map((p) => projectionHash(doc, p));
      outcome.filesVerified = (unit.files ?? []).every((f) => fileResults.get(f.centerId)?.get(f.sha256) === true);
      // Keep the location index true for the rest of the run.
      if (unit.collection !== 'masters') {
        const index = locations.get(unit.collection);
        const centerId = centerOf(unit);
        if (index && centerId !== undefined) index.set(outcome.id, [centerId, ...(failures.size > 0 ? (index.get(outcome.id) ?? []).filter((c) => c !== centerId) : [])]);
      }
    });
    const done = written.filter((w) => !failures.has(`${databaseOf(w.collection, w.centerId)}\u0000${w.id}`));
    if (done.length > 0) await (call.onWritten ?? options.onWritten)?.(done);
    return outcomes;
  }

  return {
    async importBatch(units, call = {}) {
      let outcomes = await importOnce(units, call);
      // A conflict means someone wrote the document while we compared: read it again and redo.
      for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
        const retry = outcomes.map((o, i) => (o.status === 'failed' && o.error?.startsWith('conflict') ? i : -1)).filter((i) => i >= 0);
        if (retry.length === 0) break;
        const again = await importOnce(retry.map((i) => units[i] as ImportUnit), call);
        outcomes = outcomes.map((o, i) => {
          const at = retry.indexOf(i);
          return at >= 0 ? (again[at] as ImportOutcome) : o;
        });
      }
      return outcomes;
    },
  };
}
