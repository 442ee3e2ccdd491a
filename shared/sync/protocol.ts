// The replication wire format between the client's engine (renderer/sync/) and the
// server's endpoints (server/replication/), documented in server/API.md. Documents travel
// as RxDB's "with deleted" form: the document's own fields plus `_deleted`. A deletion
// travels as `{ id, _deleted: true }` alone, so that no personal data rides on it.
import type { SyncCheckpoint } from './checkpoint';

export type WireDocument = Record<string, unknown> & { id: string; _deleted: boolean };

export interface PullRequest {
  checkpoint: SyncCheckpoint | null;
  batchSize: number;
}

export interface PullResponse {
  documents: WireDocument[];
  checkpoint: SyncCheckpoint;
  /**
   * More changes wait after this page. A page may hold fewer than `batchSize` documents
   * and still have more behind it (a moved document's old tombstone is skipped), so the
   * client asks again while this is true rather than judging by the page's length.
   */
  hasMore: boolean;
}

export interface PushRow {
  /** The server state the client's change started from; absent for a document new to the client. */
  assumedMasterState?: WireDocument | null;
  newDocumentState: WireDocument;
}

export interface PushRequest {
  rows: PushRow[];
}

/** Why the server refused a pushed row (each is audited, and the client records it). */
export const rejectionReasons = ['invalid', 'outOfScope', 'forbidden', 'personMoved', 'centerMismatch', 'reassignForbidden'] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export interface PushRejection {
  id: string;
  reason: RejectionReason;
  /** For the user, in Japanese, naming the field at fault. */
  message: string;
  fields?: Array<{ field: string; message: string }>;
}

export interface PushResponse {
  /**
   * The server's state of every row it did not store exactly as sent: a merge, a lost
   * overlap, a refusal. The client takes these as the master state (RxDB's conflicts).
   */
  conflicts: WireDocument[];
  rejections: PushRejection[];
}

/** One line of the live stream: something changed in this collection for this user. */
export interface StreamChange {
  collection: string;
}

export const maxPullBatchSize = 2000;
export const maxPushRows = 500;

export const replicationPaths = {
  pull: (collection: string) => `/api/replication/${collection}/pull`,
  push: (collection: string) => `/api/replication/${collection}/push`,
  stream: '/api/replication/stream',
} as const;
