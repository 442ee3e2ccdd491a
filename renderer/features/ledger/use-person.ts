import { useEffect, useState } from 'react';
import type { Person } from '../../../shared/index';
import type { ClientDatabase } from '../../store/database';

export type Loaded<T> = { state: 'loading' } | { state: 'missing' } | { state: 'found'; value: T };

/** A person from the local store, kept current while the screen is open (the sync may change it). */
export function usePerson(db: ClientDatabase, personId: string): Loaded<Person> {
  const [loaded, setLoaded] = useState<Loaded<Person>>({ state: 'loading' });
  useEffect(() => {
    setLoaded({ state: 'loading' });
    const subscription = db.persons.findOne(personId).$.subscribe((doc) => {
      setLoaded(doc ? { state: 'found', value: doc.toMutableJSON() as Person } : { state: 'missing' });
    });
    return () => subscription.unsubscribe();
  }, [db, personId]);
  return loaded;
}

/** Names of the medical institutions and providers a ledger refers to, from the masters. */
export function useMasterNames(db: ClientDatabase, ids: readonly string[]): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const key = ids.join('|');
  useEffect(() => {
    const wanted = key === '' ? [] : key.split('|');
    if (wanted.length === 0) {
      setNames(new Map());
      return;
    }
    let cancelled = false;
    void db.masters
      .findByIds(wanted)
      .exec()
      .then((found) => {
        if (!cancelled) setNames(new Map([...found.values()].map((doc) => [doc.id, doc.name])));
      });
    return () => {
      cancelled = true;
    };
  }, [db, key]);
  return names;
}
