// Loads the seeded demo data (shared/demo) into the per-center databases on the first
// --demo start of a data folder; a marker in `server_meta` makes later starts keep
// what is there. Written in bulk; a load cut short is finished by the next start,
// because ids are stable and a row that already exists counts as loaded.
import { generateDemoData, type DemoData } from '../../shared/demo/index';
import { collections, isCollectionName, type CollectionName, type KizunaDocument } from '../../shared/index';
import { centerDatabaseName } from '../storage/names';
import type { StorageEngine, StoredDocument } from '../storage/port';
import { toStored } from '../util/documents';
import { createFileStore } from '../files/store';
import { demoScanFile, demoScans } from './demo-scans';

export const demoMarkerId = 'demo-data';
const chunkSize = 1000;

export interface DemoLoadResult {
  loaded: boolean;
  persons: number;
  documents: number;
}

function databaseOf(collection: CollectionName, doc: { centerId?: unknown }): string {
  if (collections[collection].scope === 'global') return collection;
  if (typeof doc.centerId !== 'string') throw new Error(`demo ${collection} document without centerId`);
  return centerDatabaseName(collection, doc.centerId);
}

/** Groups every generated document (and the scans' records, when given) by the database it belongs in. */
export function demoDocumentsByDatabase(data: DemoData & { documents?: KizunaDocument[] }): Map<string, StoredDocument[]> {
  const byDatabase = new Map<string, StoredDocument[]>();
  for (const [collection, docs] of Object.entries(data)) {
    if (!isCollectionName(collection)) throw new Error(`demo data has an unknown collection: ${collection}`);
    for (const doc of docs as Array<{ id: string; centerId?: unknown }>) {
      const name = databaseOf(collection, doc);
      let list = byDatabase.get(name);
      if (!list) byDatabase.set(name, (list = []));
      list.push(toStored(doc.id, doc));
    }
  }
  return byDatabase;
}

export async function loadDemoData(storage: StorageEngine, now: number): Promise<DemoLoadResult> {
  const meta = await storage.open('server_meta');
  const marker = await meta.get(demoMarkerId);
  if (marker) return { loaded: false, persons: Number(marker.persons ?? 0), documents: Number(marker.documents ?? 0) };
  const data = generateDemoData();
  // The scans' one file goes into each center's file store before any record names it.
  const scanFile = await demoScanFile();
  const scans = demoScans(data.persons, scanFile);
  const files = createFileStore(storage);
  for (const centerId of new Set(scans.map((scan) => scan.centerId))) await files.putFiles(centerId, [scanFile]);
  const byDatabase = demoDocumentsByDatabase({ ...data, documents: scans });
  let documents = 0;
  for (const [name, docs] of byDatabase) {
    const db = await storage.open(name);
    for (let i = 0; i < docs.length; i += chunkSize) {
      const outcomes = await db.bulkWrite(docs.slice(i, i + chunkSize));
      const failed = outcomes.find((o) => !o.ok && o.error !== 'conflict');
      if (failed && !failed.ok) throw new Error(`demo data: ${name}/${failed.id} was not stored: ${failed.reason}`);
    }
    documents += docs.length;
  }
  await meta.put({ _id: demoMarkerId, loadedAt: new Date(now).toISOString(), persons: data.persons.length, documents });
  return { loaded: true, persons: data.persons.length, documents };
}
