// Reading one person by id looks only in the databases of the caller's centers, so a
// person outside scope cannot be returned by construction (DEVELOPERS.md, data layout).
import type { Person } from '../../shared/index';
import type { StorageEngine } from '../storage/port';
import { centerDatabaseName } from '../storage/names';
import { fromStored } from '../util/documents';

export async function readPersonInCenters(storage: StorageEngine, personId: string, centerIds: readonly string[], hint?: string): Promise<Person | undefined> {
  // The index's idea of where the person is goes first; the others follow in case it lags.
  const order = hint !== undefined && centerIds.includes(hint) ? [hint, ...centerIds.filter((c) => c !== hint)] : centerIds;
  for (const centerId of order) {
    const doc = await (await storage.open(centerDatabaseName('persons', centerId))).get(personId);
    if (doc) return fromStored<Person>(doc);
  }
  return undefined;
}
