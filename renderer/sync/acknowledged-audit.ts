// Offline audit entries leave the device once the server has chained them: the device
// must not keep a growing list of whom its users opened. An entry counts as chained when
// the replication holds it as the server's state (the upload was answered without a
// refusal); the deletion that follows is never sent (collection-replication.ts), and the
// tombstones are purged with the next cleanup. Only entries older than a few minutes go:
// screens that just wrote an entry may read it back (the case-work tests do), and what
// stays is bounded by that window, not by how long the device has been in use.
import { getAssumedMasterState, type RxCollection } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { matchesServer, type ReplicationState } from './pending';

const page = 500;

/** Entries stay this long after they happened, chained or not. */
export const defaultAuditRetentionMs = 10 * 60_000;

/** Removes the chained entries that happened before `before` (ISO) from the local collection; returns how many. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any document type: only RxDB's own metadata is read
export async function dropAcknowledgedEntries(replication: RxReplicationState<any, any>, before: string): Promise<number> {
  const state = replication.internalReplicationState as ReplicationState | undefined;
  if (!state) return 0;
  const collection = replication.collection as RxCollection<Record<string, unknown> & { id: string }>;
  let dropped = 0;
  let after: string | undefined;
  for (;;) {
    const docs = await collection.find({ selector: { at: { $lt: before }, ...(after === undefined ? {} : { id: { $gt: after } }) }, sort: [{ id: 'asc' }], limit: page }).exec();
    if (docs.length === 0) return dropped;
    const ids = docs.map((doc) => doc.primary);
    const [assumed, raw] = await Promise.all([getAssumedMasterState(state, ids), state.input.forkInstance.findDocumentsById(ids, false)]);
    const chained = raw.filter((doc) => matchesServer(state, doc, assumed[doc[state.primaryPath] as string])).map((doc) => doc[state.primaryPath] as string);
    if (chained.length > 0) await collection.bulkRemove(chained);
    dropped += chained.length;
    after = ids[ids.length - 1];
    if (docs.length < page) return dropped;
  }
}
