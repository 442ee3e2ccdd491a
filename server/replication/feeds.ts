// Which storage feeds a user replicates for a collection (DESIGN.md decision 2): the
// databases of the centers in their scope for a person's documents, the one global
// database for code masters, none for upload-only collections. A pull reads only these,
// so a document outside the user's scope cannot reach them by construction.
import { centersInScope, decide, type AccessAction, type Actor } from '../../shared/access/policy';
import { cityHall, collections, globalFeedKey, type CollectionName } from '../../shared/index';
import { centerDatabaseName, globalDatabases } from '../storage/names';

/** The action that lets a user receive the collection at all. */
export function readActionOf(collection: CollectionName): AccessAction | undefined {
  switch (collections[collection].scope) {
    case 'center':
      return 'case.read';
    case 'global':
      return 'master.read';
    default:
      return undefined;
  }
}

/** The action a pushed document needs in its center. */
export function writeActionOf(collection: CollectionName): AccessAction {
  if (collection === 'persons') return 'person.write';
  if (collection === 'masters') return 'master.write';
  if (collection === 'auditEntries') return 'audit.upload';
  return 'case.write';
}

/** Feed keys in a stable order: center ids, or `*` for the global database. */
export function feedKeysOf(actor: Actor, collection: CollectionName): string[] {
  const action = readActionOf(collection);
  if (action === undefined || !decide(actor, action).allowed) return [];
  return collections[collection].scope === 'center' ? centersInScope(actor, action) : [globalFeedKey];
}

export function databaseOf(collection: CollectionName, key: string): string {
  if (key === globalFeedKey) {
    if (collection !== 'masters') throw new Error(`collection ${collection} has no global database`);
    return globalDatabases.masters;
  }
  return centerDatabaseName(collection, key);
}

/** Conflicts are kept per center; a code master's conflict belongs to City Hall, which keeps the masters. */
export const conflictCenterOf = (key: string): string => (key === globalFeedKey ? cityHall : key);
