import type { Person } from '../../../shared/index';
import type { ClientDatabase } from '../../store/database';
import { PersonSearchIndex } from './person-index';

// Keeps the in-memory search index equal to the persons in the local store: everyone
// once after unlock, then every change the sync or an edit makes. Changes that arrive
// while the first load runs are replayed after it, so the load cannot overwrite them
// with an older state.

/** What the search screen and the ledger ask of an index (the benchmark also runs a naive scan behind it). */
export type PersonSearch = Pick<PersonSearchIndex, 'size' | 'search' | 'household'>;

export interface PersonIndexFeed {
  readonly index: PersonSearch;
  /** True once every stored person is in the index. */
  ready(): boolean;
  /** Counts changes, so that screens know when to search again. */
  version(): number;
  subscribe(listener: () => void): () => void;
  stop(): void;
}

type Change = { kind: 'upsert'; person: Person } | { kind: 'remove'; id: string };

export function startPersonIndex(db: ClientDatabase): PersonIndexFeed {
  const index = new PersonSearchIndex();
  const listeners = new Set<() => void>();
  let loaded = false;
  let version = 0;
  let stopped = false;
  let queued: Change[] = [];

  // A first sync brings thousands of persons one change event each: the index takes
  // each at once, the screen hears about them at most a few times a second.
  let scheduled: ReturnType<typeof setTimeout> | undefined;
  const notifyNow = () => {
    scheduled = undefined;
    version++;
    for (const listener of listeners) listener();
  };
  const notify = () => {
    scheduled ??= setTimeout(notifyNow, 250);
  };
  const apply = (change: Change) => (change.kind === 'upsert' ? index.upsert(change.person) : index.remove(change.id));

  const subscription = db.persons.$.subscribe((event) => {
    const change: Change =
      event.operation === 'DELETE' ? { kind: 'remove', id: event.documentId } : { kind: 'upsert', person: event.documentData as unknown as Person };
    if (!loaded) {
      queued.push(change);
      return;
    }
    apply(change);
    notify();
  });

  void db.persons
    .find()
    .exec()
    .then((documents) => {
      if (stopped) return;
      index.upsertMany(documents.map((doc) => doc.toMutableJSON() as Person));
      for (const change of queued) apply(change);
      queued = [];
      loaded = true;
      notifyNow();
    });

  return {
    index,
    ready: () => loaded,
    version: () => version,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      if (scheduled) clearTimeout(scheduled);
      subscription.unsubscribe();
      index.clear();
    },
  };
}
