// One page of a pull: the changes after the client's checkpoint in each of the user's
// feeds, in feed order, at most `batchSize` documents. Feeds are read one after the
// other (a first sync fills up from the first center, then the next), and the
// checkpoint records how far each feed got.
import { feedStart, positionsOf, type CollectionName, type PullResponse, type SyncCheckpoint, type WireDocument } from '../../shared/index';
import type { StorageEngine } from '../storage/port';
import { databaseOf } from './feeds';
import { deletionOf, movedToField, toWire } from './wire';

export async function readPullPage(
  storage: StorageEngine,
  collection: CollectionName,
  keys: readonly string[],
  checkpoint: SyncCheckpoint | null,
  batchSize: number,
): Promise<PullResponse> {
  const seqs = positionsOf(checkpoint, keys);
  const documents: WireDocument[] = [];
  let hasMore = false;
  for (const [index, key] of keys.entries()) {
    const room = batchSize - documents.length;
    if (room <= 0) {
      hasMore = index < keys.length;
      break;
    }
    const db = await storage.open(databaseOf(collection, key));
    const since = seqs[key] ?? feedStart;
    // A position this engine never handed out (the store was moved to the other engine):
    // that feed starts over, which only re-sends what the client has.
    const page = await db.changes({ since, limit: room, includeDocs: true }).catch((error: unknown) => {
      if (error instanceof RangeError && since !== feedStart) return db.changes({ since: feedStart, limit: room, includeDocs: true });
      throw error;
    });
    for (const change of page.results) {
      if (!change.deleted && change.doc) {
        documents.push(toWire(change.doc));
        continue;
      }
      // Moved to another center this user also sees: the copy there comes through that feed.
      const movedTo = change.doc?.[movedToField];
      if (typeof movedTo === 'string' && keys.includes(movedTo)) continue;
      documents.push(deletionOf(change.id));
    }
    seqs[key] = page.lastSeq;
    if (!page.complete) {
      hasMore = true;
      break;
    }
  }
  return { documents, checkpoint: { seqs }, hasMore };
}
