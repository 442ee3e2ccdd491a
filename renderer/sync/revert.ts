// Discarding a local change the server refused: the document goes back to the server's
// version as the replication last received it (RxDB's assumed master state), in one
// write that equals that state, so nothing is pushed; a pull then brings anything newer.
import { getAssumedMasterState } from 'rxdb';
import type { RxCollection } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { SyncCheckpoint } from '../../shared/index';
import { matchesServer, type ReplicationState } from './pending';

export type RevertOutcome =
  /** The local copy was changed back to the server's version (or removed, where the server has none). */
  | 'reverted'
  /** The local copy already was the server's version. */
  | 'unchanged'
  /** This collection is not replicated here: nothing is known of the server's version. */
  | 'unknown';

type Doc = Record<string, unknown> & { id: string };

/** The document's own fields: RxDB's bookkeeping and the deletion flag left out. */
function contentOf(doc: Readonly<Record<string, unknown>>): Doc {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) plain[key] = value;
  return plain as Doc;
}

export async function revertToServerState(replication: RxReplicationState<Doc, SyncCheckpoint>, id: string): Promise<RevertOutcome> {
  await replication.startPromise;
  const state = replication.internalReplicationState as ReplicationState | undefined;
  if (!state) return 'unknown';
  const collection = replication.collection as RxCollection<Doc>;
  const master = (await getAssumedMasterState(state, [id]))[id];
  const [raw] = await state.input.forkInstance.findDocumentsById([id], true);
  if (raw && matchesServer(state, raw, master)) return 'unchanged';
  const local = await collection.findOne(id).exec();
  if (!master) {
    // The server never took this document: the local copy is the refused change itself.
    if (!local) return 'unchanged';
    await local.remove();
    return 'reverted';
  }
  const server = master.docData as Doc & { _deleted: boolean };
  const content = contentOf(server);
  if (server._deleted) {
    if (!local) return 'unchanged';
    // Written with the content the server's deletion was recorded with, so it equals it.
    await local.incrementalModify(() => ({ ...content, _deleted: true }) as Doc);
  } else if (local) {
    await local.incrementalModify(() => content);
  } else {
    await collection.upsert(content);
  }
  return 'reverted';
}
