// How many local changes the server has not accepted yet: the documents written on this
// device since the replication's last upstream checkpoint whose state differs from the
// server state RxDB assumes. The same test RxDB's upstream applies before pushing, so the
// count is what would be pushed, and it survives closing the app (both live in storage).
import { getAssumedMasterState, getChangedDocumentsSince, getLastCheckpointDoc, writeDocToDocState, type RxStorageInstanceReplicationState } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';

const page = 500;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any document type: only RxDB's own metadata is read
export async function countPending(replication: RxReplicationState<any, any>): Promise<number> {
  const state = replication.internalReplicationState as RxStorageInstanceReplicationState<Record<string, unknown>> | undefined;
  if (!state || !replication.push) return 0;
  let checkpoint: unknown = await getLastCheckpointDoc(state, 'up');
  let pending = 0;
  for (;;) {
    const changed = await getChangedDocumentsSince(state.input.forkInstance, page, checkpoint);
    if (changed.documents.length === 0) return pending;
    const ids = changed.documents.map((doc) => doc[state.primaryPath] as string);
    const assumed = await getAssumedMasterState(state, ids);
    for (const doc of changed.documents) {
      const master = assumed[doc[state.primaryPath] as string];
      const local = writeDocToDocState(doc, state.hasAttachments, false);
      if (!master || master.metaDocument.isResolvedConflict === doc._rev || !state.input.conflictHandler.isEqual(master.docData, local, 'kizuna-pending-count')) pending += 1;
    }
    if (changed.documents.length < page) return pending;
    checkpoint = changed.checkpoint;
  }
}
