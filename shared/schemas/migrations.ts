import { collections, type CollectionName } from './index';

// Schema versions and the path between them, from day one. When a schema's `version`
// goes from n-1 to n, add `n: (doc) => newDoc` here: RxDB runs it on each client's
// stored documents, the server runs it on documents pushed by clients that have not
// updated yet and on its own stores at start, and the migration toolkit writes only
// current versions. A strategy returning null drops the document.
export type PlainDocument = Record<string, unknown>;
export type MigrationStrategy = (oldDocument: PlainDocument) => PlainDocument | null;
export type MigrationPath = Readonly<Record<number, MigrationStrategy>>;

export const migrationPaths: Readonly<Record<CollectionName, MigrationPath>> = {
  persons: {},
  consultations: {},
  basicChecklists: {},
  carePlans: {},
  planEvaluations: {},
  providerPlans: {},
  providerEvaluations: {},
  lifeSupportSurveys: {},
  documents: {},
  conflicts: {},
  masters: {},
  auditEntries: {},
};

export const currentVersion = (collection: CollectionName): number => collections[collection].schema.version;

/** Every version from 1 to the current one needs a strategy; returns what is missing. */
export function missingMigrationSteps(collection: CollectionName, path: MigrationPath = migrationPaths[collection]): number[] {
  const missing: number[] = [];
  for (let v = 1; v <= currentVersion(collection); v++) if (typeof path[v] !== 'function') missing.push(v);
  return missing;
}

/** Brings a document written under `fromVersion` up to `toVersion` (the current one by default). */
export function migrateDocument(
  collection: CollectionName,
  document: PlainDocument,
  fromVersion: number,
  path: MigrationPath = migrationPaths[collection],
  toVersion: number = currentVersion(collection),
): PlainDocument | null {
  if (!Number.isInteger(fromVersion) || fromVersion < 0 || fromVersion > toVersion) {
    throw new RangeError(`cannot migrate ${collection} from version ${fromVersion} to ${toVersion}`);
  }
  let current: PlainDocument | null = document;
  for (let v = fromVersion + 1; v <= toVersion && current !== null; v++) {
    const step = path[v];
    if (!step) throw new RangeError(`no migration step for ${collection} version ${v}`);
    current = step(current);
  }
  return current;
}
