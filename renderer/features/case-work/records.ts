import { useEffect, useState } from 'react';
import type { RxCollection } from 'rxdb';
import type { ClientDatabase, ClientDocumentTypes } from '../../store/database';

// The case records of one person from the local store, kept current while a screen is
// open: the sync may bring a colleague's record in at any moment.

export type CaseCollection = 'consultations' | 'basicChecklists' | 'carePlans' | 'planEvaluations';

export type Loaded<T> = { state: 'loading' } | { state: 'missing' } | { state: 'found'; value: T };

/** Every record of the collection for the person, or undefined while loading. */
export function usePersonRecords<K extends CaseCollection>(db: ClientDatabase, collection: K, personId: string): ClientDocumentTypes[K][] | undefined {
  const [records, setRecords] = useState<{ key: string; rows: ClientDocumentTypes[K][] } | undefined>();
  const key = `${collection}:${personId}`;
  useEffect(() => {
    // RxDB's generics do not follow a collection chosen by a type parameter.
    const source = db[collection] as unknown as RxCollection<ClientDocumentTypes[K]>;
    const subscription = source.find({ selector: { personId } as never }).$.subscribe((docs) => {
      setRecords({ key, rows: docs.map((doc) => doc.toMutableJSON() as ClientDocumentTypes[K]) });
    });
    return () => subscription.unsubscribe();
  }, [db, collection, personId, key]);
  return records?.key === key ? records.rows : undefined;
}

/** One record by id, kept current. */
export function useRecord<K extends CaseCollection>(db: ClientDatabase, collection: K, id: string): Loaded<ClientDocumentTypes[K]> {
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded<ClientDocumentTypes[K]> } | undefined>();
  const key = `${collection}:${id}`;
  useEffect(() => {
    const source = db[collection] as unknown as RxCollection<ClientDocumentTypes[K]>;
    const subscription = source.findOne(id).$.subscribe((doc) => {
      setLoaded({ key, value: doc ? { state: 'found', value: doc.toMutableJSON() as ClientDocumentTypes[K] } : { state: 'missing' } });
    });
    return () => subscription.unsubscribe();
  }, [db, collection, id, key]);
  return loaded?.key === key ? loaded.value : { state: 'loading' };
}

/** A new document id: the kind, then a random UUID, so devices offline at once never collide. */
export function newRecordId(kind: string): string {
  return `${kind}-${globalThis.crypto.randomUUID()}`;
}
