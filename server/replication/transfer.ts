// Moving a person to another center (a 転居 into another center's area): their documents
// leave the old center's databases for the new one's. Each moved document leaves a
// tombstone naming where it went, which tells the old center's devices to purge it and
// lets the server refuse their later pushes. A journal in server_meta makes the move
// finish after a crash: the person is written at the new center first (from then on
// that is where they are), then their records follow, then the old copy goes.
import { personOwnedCollections } from '../../shared/index';
import { centerDatabaseName, globalDatabases } from '../storage/names';
import type { Database, StorageEngine, StoredDocument } from '../storage/port';
import { contentOf, storedFrom, tombstoneFor } from './wire';

const journalPrefix = 'transfer-';
const pageSize = 500;

export interface TransferJournal {
  personId: string;
  from: string;
  to: string;
  startedAt: string;
}

/** Every live document in `db` of this person, read in id order a page at a time. */
async function ownedBy(db: Database, personId: string): Promise<StoredDocument[]> {
  const owned: StoredDocument[] = [];
  let startKey: string | undefined;
  for (;;) {
    const rows = await db.allDocs({ includeDocs: true, limit: pageSize + (startKey === undefined ? 0 : 1), ...(startKey !== undefined ? { startKey } : {}) });
    const page = startKey === undefined ? rows : rows.filter((row) => row.id !== startKey);
    for (const row of page) if (row.doc?.personId === personId) owned.push(row.doc);
    if (page.length < pageSize) return owned;
    startKey = page[page.length - 1]?.id;
  }
}

function assertWritten(outcomes: ReadonlyArray<{ ok: boolean; id: string; reason?: string }>, what: string): void {
  const failed = outcomes.find((o) => !o.ok);
  if (failed) throw new Error(`transfer: ${what} ${failed.id} was not written: ${failed.reason ?? 'unknown'}`);
}

/** Copies the person's records of every collection to `to`, then tombstones them at `from`. Idempotent. */
export async function moveOwnedDocuments(storage: StorageEngine, personId: string, from: string, to: string): Promise<number> {
  let moved = 0;
  for (const collection of personOwnedCollections) {
    if (collection === 'persons') continue;
    const source = await storage.open(centerDatabaseName(collection, from));
    const target = await storage.open(centerDatabaseName(collection, to));
    const docs = await ownedBy(source, personId);
    for (let i = 0; i < docs.length; i += pageSize) {
      const chunk = docs.slice(i, i + pageSize);
      // A copy already there is from an interrupted earlier run: overwrite it.
      const existing = await target.getMany(chunk.map((doc) => doc._id));
      assertWritten(await target.bulkWrite(chunk.map((doc, k) => storedFrom(doc._id, { ...contentOf(doc), centerId: to }, existing[k]?._rev))), `copy of ${collection}`);
      assertWritten(await source.bulkWrite(chunk.map((doc) => tombstoneFor(doc._id, doc._rev ?? '', to))), `tombstone of ${collection}`);
      moved += chunk.length;
    }
  }
  return moved;
}

async function removeOld(storage: StorageEngine, personId: string, from: string, to: string): Promise<void> {
  const persons = await storage.open(centerDatabaseName('persons', from));
  const old = await persons.get(personId);
  if (old?._rev) await persons.put(tombstoneFor(personId, old._rev, to));
}

/**
 * Writes `person` (already carrying `centerId: to`) at its new center and moves everything
 * of theirs from `from`. Call it with the person's lock held. Returns how many records moved.
 */
export async function transferPerson(storage: StorageEngine, person: Readonly<Record<string, unknown>> & { id: string }, from: string, to: string, now: number): Promise<number> {
  const meta = await storage.open(globalDatabases.serverMeta);
  const journalId = `${journalPrefix}${person.id}`;
  const journal: TransferJournal = { personId: person.id, from, to, startedAt: new Date(now).toISOString() };
  const previous = await meta.get(journalId);
  const { rev } = await meta.put({ ...journal, _id: journalId, ...(previous?._rev ? { _rev: previous._rev } : {}) });
  const persons = await storage.open(centerDatabaseName('persons', to));
  const existing = await persons.get(person.id);
  await persons.put(storedFrom(person.id, person, existing?._rev));
  const moved = await moveOwnedDocuments(storage, person.id, from, to);
  await removeOld(storage, person.id, from, to);
  await meta.remove(journalId, rev);
  return moved;
}

/** Finishes transfers a crash interrupted (run before the first push is served). */
export async function resumeTransfers(storage: StorageEngine): Promise<number> {
  const meta = await storage.open(globalDatabases.serverMeta);
  const rows = await meta.allDocs({ includeDocs: true, startKey: journalPrefix, endKey: `${journalPrefix}\uffff` });
  for (const row of rows) {
    const journal = row.doc as unknown as TransferJournal | undefined;
    if (!journal) continue;
    const arrived = await (await storage.open(centerDatabaseName('persons', journal.to))).get(journal.personId);
    // Not written at the new center yet: nothing moved, and the client retries its push.
    if (arrived) {
      await moveOwnedDocuments(storage, journal.personId, journal.from, journal.to);
      await removeOld(storage, journal.personId, journal.from, journal.to);
    }
    await meta.remove(row.id, row.rev);
  }
  return rows.length;
}
