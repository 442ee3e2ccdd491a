import { initialSyncStatus, type SyncStatus, type SyncStatusStore } from '../../sync/status';
import type { ClientDatabase } from '../../store/database';

export function createSyncStatusStore(initial: Partial<SyncStatus> = {}): SyncStatusStore {
  let status: SyncStatus = { ...initialSyncStatus, ...initial };
  const listeners = new Set<() => void>();
  return {
    get: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(patch) {
      status = { ...status, ...patch };
      for (const listener of listeners) listener();
    },
  };
}

/** Until a sync engine says more, the browser's own online/offline state is all that is known. */
export function watchBrowserOnline(store: SyncStatusStore, target: Window = window): () => void {
  const set = () => store.update({ online: target.navigator.onLine });
  set();
  target.addEventListener('online', set);
  target.addEventListener('offline', set);
  return () => {
    target.removeEventListener('online', set);
    target.removeEventListener('offline', set);
  };
}

/**
 * Conflicts and rejected pushes are counted from the local store, where the sync records
 * them. A find rather than a count: RxDB refuses counts its indexes cannot answer, and
 * these lists are short.
 */
export function watchLocalIssueCounts(db: ClientDatabase, store: SyncStatusStore): () => void {
  const open = { selector: { resolvedAt: { $exists: false } } };
  const conflicts = db.conflicts.find(open).$.subscribe((docs) => store.update({ conflicts: docs.length }));
  const rejections = db.rejections.find(open).$.subscribe((docs) => store.update({ rejections: docs.length }));
  return () => {
    conflicts.unsubscribe();
    rejections.unsubscribe();
  };
}
