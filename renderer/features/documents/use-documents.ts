import { useEffect, useState } from 'react';
import type { KizunaDocument } from '../../../shared/index';
import type { ClientDatabase } from '../../store/database';

/** A person's documents from the local store, newest received first, kept current while shown. */
export function usePersonDocuments(db: ClientDatabase, personId: string): KizunaDocument[] | undefined {
  const [documents, setDocuments] = useState<KizunaDocument[]>();
  useEffect(() => {
    const subscription = db.documents.find({ selector: { personId } }).$.subscribe((found) => {
      const docs = found.map((doc) => doc.toMutableJSON() as KizunaDocument);
      docs.sort((a, b) => (b.receivedOn ?? '').localeCompare(a.receivedOn ?? '') || a.fileName.localeCompare(b.fileName, 'ja'));
      setDocuments(docs);
    });
    return () => subscription.unsubscribe();
  }, [db, personId]);
  return documents;
}
