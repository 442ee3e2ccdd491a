// One collection's replication with the server, on RxDB's generic replicateRxCollection:
// the pull follows the server's checkpoints, the push answers with the server state of
// every row it did not take as sent, and a Subject fed by the live stream asks for a
// pull (RESYNC). Three things RxDB cannot do alone live here:
// - deletions arrive without content, and a document that left the user's scope (a
//   person moved to another center, a center taken out of their scope) must leave the
//   device: both become deletions of the local copy, written as the server's state (so
//   never pushed back) and purged from storage afterwards;
// - a refused row comes back with a reason, recorded in the local `rejections` collection
//   for the user to see, until a change of that document gets through;
// - a page the server had to skip through (tombstones of documents moved elsewhere in
//   scope) may be empty with more behind it, so the pull asks again rather than stop.
import { Subject } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import {
  collections,
  droppedKeys,
  jsonEqual,
  replicationPaths,
  type CollectionName,
  type PullResponse,
  type PushRejection,
  type PushResponse,
  type PushRow,
  type SyncCheckpoint,
  type WireDocument,
} from '../../shared/index';
import type { Rejection } from '../store/local-schemas';
import type { SyncTransport } from './transport';

type Doc = Record<string, unknown> & { id: string };
type PulledDoc = Doc & { _deleted: boolean };

export interface CollectionReplicationOptions {
  name: CollectionName;
  collection: RxCollection;
  transport: SyncTransport;
  /** Where refused rows are recorded (absent: they are only reported). */
  rejections?: RxCollection<Rejection>;
  /** Names this replication's stored state (checkpoints): one per server. */
  identifier: string;
  pullBatchSize: number;
  pushBatchSize: number;
  live: boolean;
  /** Pull a collection at all (upload-only collections and ones the user may not read do not). */
  pull: boolean;
  /** Called with every page of documents handed to the local store (tests check scope on each). */
  onPulled?: (collection: CollectionName, documents: readonly WireDocument[]) => void;
  /** Called when a pull reached the end of the server's feeds. */
  onPullComplete?: () => void;
  /** Called after the local store took deletions, so their tombstones can be purged. */
  onDeletionsPulled?: () => void;
  now?: () => Date;
}

export interface CollectionReplication {
  name: CollectionName;
  state: RxReplicationState<Doc, SyncCheckpoint>;
  /** Ask for a pull (the live stream's RESYNC). */
  resync(): void;
  /** True while the last pull reached the end of the server's feeds. */
  pullComplete(): boolean;
}

/** A stored document as the replication compares it: its fields and the deletion flag, without RxDB's bookkeeping. */
function wireStateOf(doc: Readonly<Record<string, unknown>>): PulledDoc {
  const state: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) state[key] = value;
  return { ...(state as Doc), _deleted: doc._deleted === true };
}

const isBodiless = (doc: WireDocument): boolean => doc._deleted && Object.keys(doc).every((key) => key === 'id' || key === '_deleted');
const checkpointKey = (checkpoint: SyncCheckpoint | undefined): string => JSON.stringify(checkpoint?.seqs ?? null);

/** The local documents (live ones) among `ids`, as plain data. */
async function localDocuments(collection: RxCollection, ids: readonly string[]): Promise<Map<string, Doc>> {
  const found = await collection.findByIds([...ids]).exec();
  const plain = new Map<string, Doc>();
  for (const [id, doc] of found) plain.set(id, doc.toMutableJSON() as Doc);
  return plain;
}

export function replicateCollection(options: CollectionReplicationOptions): CollectionReplication {
  const { name, collection, transport } = options;
  const resync$ = new Subject<RxReplicationPullStreamItem<Doc, SyncCheckpoint>>();
  const centerScoped = collections[name].scope === 'center';
  const uploadOnly = collections[name].scope === 'uploadOnly';
  // Checkpoints RxDB did not store because the page they ended held no document for it.
  const skippedTo = new Map<string, SyncCheckpoint>();
  let complete = false;

  /** Deletions with the local content they need to pass the schema; unknown ones drop out. */
  async function withLocalContent(documents: WireDocument[], purgeCenters: readonly string[]): Promise<PulledDoc[]> {
    const bodiless = documents.filter(isBodiless).map((doc) => doc.id);
    const local = bodiless.length > 0 ? await localDocuments(collection, bodiless) : new Map<string, Doc>();
    const out: PulledDoc[] = [];
    for (const doc of documents) {
      if (!isBodiless(doc)) out.push(doc);
      else {
        const known = local.get(doc.id);
        if (known) out.push({ ...known, _deleted: true });
      }
    }
    if (purgeCenters.length > 0 && centerScoped) {
      // A center that left the user's scope: everything of it leaves the device.
      const leaving = await collection.find({ selector: { centerId: { $in: [...purgeCenters] } } }).exec();
      for (const doc of leaving) out.push({ ...(doc.toMutableJSON() as Doc), _deleted: true });
    }
    return out;
  }

  async function pull(lastCheckpoint: SyncCheckpoint | undefined, batchSize: number): Promise<{ documents: PulledDoc[]; checkpoint: SyncCheckpoint | undefined }> {
    let checkpoint = skippedTo.get(checkpointKey(lastCheckpoint)) ?? lastCheckpoint;
    const documents: PulledDoc[] = [];
    complete = false;
    for (;;) {
      const page = await transport.post<PullResponse>(replicationPaths.pull(name), { checkpoint: checkpoint ?? null, batchSize });
      const taken = await withLocalContent(page.documents, droppedKeys(checkpoint, page.checkpoint));
      documents.push(...taken);
      checkpoint = page.checkpoint;
      options.onPulled?.(name, page.documents);
      if (!page.hasMore) {
        complete = true;
        options.onPullComplete?.();
      }
      if (!page.hasMore || documents.length >= batchSize) break;
    }
    if (documents.length === 0 && checkpoint !== undefined) skippedTo.set(checkpointKey(lastCheckpoint), checkpoint);
    if (documents.some((doc) => doc._deleted === true)) options.onDeletionsPulled?.();
    return { documents, checkpoint };
  }

  async function push(allRows: Array<{ assumedMasterState?: PulledDoc; newDocumentState: PulledDoc }>): Promise<PulledDoc[]> {
    // A device drops audit entries the server has chained; that is not news to the server
    // (and the log is never shortened), so only entries dropped before an answer travel.
    const wanted = uploadOnly ? allRows.filter((row) => !(row.newDocumentState._deleted && row.assumedMasterState)) : allRows;
    const rows = await withoutUndone(wanted);
    if (rows.length === 0) return [];
    const body: { rows: PushRow[] } = {
      rows: rows.map((row) => ({
        newDocumentState: row.newDocumentState as WireDocument,
        ...(row.assumedMasterState ? { assumedMasterState: row.assumedMasterState as WireDocument } : {}),
      })),
    };
    const answer = await transport.post<PushResponse>(replicationPaths.push(name), body);
    const sent = new Map(rows.map((row) => [row.newDocumentState.id, row.newDocumentState]));
    if (answer.rejections.length > 0) await recordRejections(answer.rejections, sent);
    await clearRejections(acceptedChanges(rows, answer.rejections));
    // The server's state of each row it did not take as sent; a deletion comes without
    // content, which the local copy supplies (the schema wants a whole document).
    return answer.conflicts.flatMap((doc) => {
      if (!isBodiless(doc)) return [doc];
      const mine = sent.get(doc.id);
      return mine ? [{ ...mine, _deleted: true }] : [];
    });
  }

  /**
   * RxDB retries a failed push with the rows it first read. A change the user discarded
   * meanwhile (the device holds the server's version again) must not reach the server
   * late: such rows are left out, and RxDB's next round sees the device as it is now.
   */
  async function withoutUndone<T extends { assumedMasterState?: PulledDoc; newDocumentState: PulledDoc }>(rows: T[]): Promise<T[]> {
    if (rows.length === 0) return rows;
    const current = await collection.storageInstance.findDocumentsById(
      rows.map((row) => row.newDocumentState.id),
      true,
    );
    const now = new Map(current.map((doc) => [doc.id as string, wireStateOf(doc as Doc)]));
    return rows.filter((row) => {
      const local = now.get(row.newDocumentState.id);
      const undone = row.assumedMasterState ? local !== undefined && jsonEqual(local, row.assumedMasterState) : local === undefined || local._deleted;
      return !undone;
    });
  }

  /**
   * A refused change stops waiting for the user once a change of its document got through.
   * RxDB pushes a refusal's outcome (the server's own state) back once more: that is no
   * change, and must not clear the refusal it answered.
   */
  function acceptedChanges(rows: ReadonlyArray<{ assumedMasterState?: PulledDoc; newDocumentState: PulledDoc }>, rejections: readonly PushRejection[]): string[] {
    const refused = new Set(rejections.map((rejection) => rejection.id));
    return rows
      .filter((row) => !refused.has(row.newDocumentState.id) && !(row.assumedMasterState && jsonEqual(row.assumedMasterState, row.newDocumentState)))
      .map((row) => row.newDocumentState.id);
  }

  async function clearRejections(ids: readonly string[]): Promise<void> {
    if (!options.rejections || ids.length === 0) return;
    await options.rejections.find({ selector: { collectionName: name, documentId: { $in: [...ids] } } }).remove();
  }

  async function recordRejections(rejections: readonly PushRejection[], sent: ReadonlyMap<string, PulledDoc>): Promise<void> {
    if (!options.rejections) return;
    const at = (options.now?.() ?? new Date()).toISOString();
    const records: Rejection[] = rejections.map((rejection) => {
      const doc: Doc = sent.get(rejection.id) ?? { id: rejection.id };
      const { _deleted: _ignored, ...document } = doc;
      const personId = name === 'persons' ? doc.id : doc.personId;
      return {
        id: `${name}:${globalThis.crypto.randomUUID()}`,
        collectionName: name,
        documentId: rejection.id,
        ...(typeof personId === 'string' && personId.length > 0 && personId.length <= 120 ? { personId } : {}),
        ...(typeof doc.centerId === 'string' && /^([0-9]{2}|cityHall)$/.test(doc.centerId) ? { centerId: doc.centerId } : {}),
        reason: rejection.reason,
        message: rejection.message.slice(0, 200),
        document,
        rejectedAt: at,
      };
    });
    await options.rejections.bulkInsert(records);
  }

  const state = replicateRxCollection<Doc, SyncCheckpoint>({
    replicationIdentifier: options.identifier,
    collection: collection as RxCollection<Doc>,
    live: options.live,
    autoStart: true,
    ...(options.pull ? { pull: { handler: pull, batchSize: options.pullBatchSize, stream$: resync$.asObservable() } } : {}),
    push: { handler: push, batchSize: options.pushBatchSize },
  });

  return {
    name,
    state,
    resync: () => resync$.next('RESYNC'),
    pullComplete: () => complete,
  };
}
