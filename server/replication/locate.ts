// Where a pushed document lives now. The client says which center it believes (the
// document's `centerId`), but a person may have moved since, so the person's current
// center is looked up first and the others follow. Reads go straight to storage, not to
// an index fed by change feeds, so a transfer that just finished is never missed.
import { allScopeCenters } from '../../shared/access/policy';
import type { CollectionName } from '../../shared/index';
import { centerDatabaseName } from '../storage/names';
import type { StorageEngine, StoredDocument } from '../storage/port';

export interface Located {
  centerId: string;
  doc: StoredDocument;
}

const unique = (values: ReadonlyArray<string | undefined>): string[] => [...new Set(values.filter((v): v is string => v !== undefined))];

export class Locator {
  /** Person id → center, within one row's attempt (a person may move between two). */
  private readonly personCenters = new Map<string, string | undefined>();

  constructor(private readonly storage: StorageEngine) {}

  /** The first of `hints`, then every other center, that holds the live document. */
  async find(collection: CollectionName, id: string, hints: ReadonlyArray<string | undefined>, everywhere: boolean): Promise<Located | undefined> {
    const order = unique([...hints, ...(everywhere ? allScopeCenters : [])]);
    for (const centerId of order) {
      if (!allScopeCenters.includes(centerId)) continue;
      const doc = await (await this.storage.open(centerDatabaseName(collection, centerId))).get(id);
      if (doc) return { centerId, doc };
    }
    return undefined;
  }

  /** The person's current center, or undefined when the server has no such person (yet). */
  async personCenter(personId: string, hints: ReadonlyArray<string | undefined>): Promise<string | undefined> {
    if (!this.personCenters.has(personId)) this.personCenters.set(personId, (await this.find('persons', personId, hints, true))?.centerId);
    return this.personCenters.get(personId);
  }
}
