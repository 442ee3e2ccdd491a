import { useEffect, useState } from 'react';
import type { RxCollection } from 'rxdb';
import type { Person } from '../../../shared/index';
import type { ClientDatabase } from '../../store/database';

// What the sync-issue screens read from the local store, kept current while they are
// open: the sync may resolve a conflict elsewhere or change the record at any moment.

export type Loaded<T> = { state: 'loading' } | { state: 'missing' } | { state: 'found'; value: T };

/** A collection of the local store by name; undefined for a name it does not hold. */
export function collectionOf(db: ClientDatabase, name: string): RxCollection | undefined {
  return (db.collections as Record<string, RxCollection | undefined>)[name];
}

/** One document by id, as plain data, or missing (also when the collection is not on this device). */
export function useLiveDocument<T>(collection: RxCollection | undefined, id: string): Loaded<T> {
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded<T> } | undefined>();
  const key = `${collection?.name ?? ''}:${id}`;
  useEffect(() => {
    if (!collection) {
      setLoaded({ key, value: { state: 'missing' } });
      return;
    }
    const subscription = collection.findOne(id).$.subscribe((doc) => {
      setLoaded({ key, value: doc ? { state: 'found', value: doc.toMutableJSON() as T } : { state: 'missing' } });
    });
    return () => subscription.unsubscribe();
  }, [collection, id, key]);
  return loaded?.key === key ? loaded.value : { state: 'loading' };
}

/** The names of the persons among `ids` that this device holds. */
export function usePersonNames(db: ClientDatabase, ids: readonly string[]): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const key = [...new Set(ids)].sort().join('\n');
  useEffect(() => {
    const wanted = key === '' ? [] : key.split('\n');
    if (wanted.length === 0) {
      setNames(new Map());
      return;
    }
    const subscription = db.persons.findByIds(wanted).$.subscribe((found) => {
      setNames(new Map([...found.values()].map((doc) => [doc.id, (doc.toMutableJSON() as Person).name])));
    });
    return () => subscription.unsubscribe();
  }, [db, key]);
  return names;
}
