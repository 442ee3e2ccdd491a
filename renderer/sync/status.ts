// What the sync status bar shows (issue 5, item 7), as a plain type the sync engine
// (issue 4) fills in. The client shows exactly this: no field may claim more than
// happened — lastSuccessAt stays null until a sync has really completed.

export interface SyncStatus {
  /** Whether a sync engine is attached and running on this device. */
  engine: 'none' | 'running' | 'stopped';
  /** The device can reach the network (the engine refines this to "the server answers"). */
  online: boolean;
  /** A pull or push is in progress. */
  syncing: boolean;
  /** Local changes not yet accepted by the server; null while unknown. */
  pending: number | null;
  /** When the last complete sync ended (ISO), or null if none has. */
  lastSuccessAt: string | null;
  /** The last failure since that success, with a Japanese message. */
  lastError: { at: string; message: string } | null;
  /** Unresolved conflict records (the `conflicts` collection). */
  conflicts: number;
  /** Unresolved rejected pushes (the client-local `rejections` collection). */
  rejections: number;
}

export const initialSyncStatus: SyncStatus = {
  engine: 'none',
  online: false,
  syncing: false,
  pending: null,
  lastSuccessAt: null,
  lastError: null,
  conflicts: 0,
  rejections: 0,
};

/** Where the status bar reads from; the engine and the client's own watchers write through `update`. */
export interface SyncStatusStore {
  get(): SyncStatus;
  subscribe(listener: () => void): () => void;
  update(patch: Partial<SyncStatus>): void;
}
