// How many local changes the server has not accepted yet: the documents written on this
// device since the replication's last upstream checkpoint whose state differs from the
// server state RxDB assumes. The same test RxDB's upstream applies before pushing, so the
// count is what would be pushed, and it survives closing the app (both live in storage).
import { getAssumedMasterState, getChangedDocumentsSince, getLastCheckpointDoc, writeDocToDocState, type RxDocumentData, type RxStorageInstanceReplicationState } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';

const page = 500;

export type ReplicationState = RxStorageInstanceReplicationState<Record<string, unknown>>;
type AssumedMaster = Awaited<ReturnType<typeof getAssumedMasterState<Record<string, unknown>>>>[string];

/** The local document is what the server has accepted: RxDB would not push it. */
export function matchesServer(state: ReplicationState, doc: RxDocumentData<Record<string, unknown>>, master: AssumedMaster | undefined): boolean {
  if (!master || master.metaDocument.isResolvedConflict === doc._rev) return false;
  return state.input.conflictHandler.isEqual(master.docData, writeDocToDocState(doc, state.hasAttachments, false), 'kizuna-matches-server');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any document type: only RxDB's own metadata is read
export async function countPending(replication: RxReplicationState<any, any>): Promise<number> {
  const state = replication.internalReplicationState as ReplicationState | undefined;
  if (!state || !replication.push) return 0;
  let checkpoint: unknown = await getLastCheckpointDoc(state, 'up');
  let pending = 0;
  for (;;) {
    const changed = await getChangedDocumentsSince(state.input.forkInstance, page, checkpoint);
    if (changed.documents.length === 0) return pending;
    const ids = changed.documents.map((doc) => doc[state.primaryPath] as string);
    const assumed = await getAssumedMasterState(state, ids);
    for (const doc of changed.documents) {
      if (!matchesServer(state, doc, assumed[doc[state.primaryPath] as string])) pending += 1;
    }
    if (changed.documents.length < page) return pending;
    checkpoint = changed.checkpoint;
  }
}
