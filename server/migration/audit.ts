// How an import's writes are audited, the same for `--data` and the server's endpoint:
// one entry per person per batch (the export is sorted by person, so a batch holds a
// person's documents of that file together), naming the collections and counts written
// and the run, instead of one per document. An auditor filtering by person finds every
// migration write that touched the person; a document without a person (a master) keeps
// an entry of its own. At ~140,000 documents for 16,000 persons, per-document entries
// were a sixth of an import's CPU time for no more information than this.
import { format, migrationMessages, type CollectionName } from '../../shared/index';
import type { WrittenDocument } from './store';

/** Documents of one person (or one document without a person) written alike in one batch. */
export interface WrittenGroup {
  personId?: string;
  centerId?: string;
  operation: WrittenDocument['operation'];
  movedFrom?: string;
  ids: string[];
  counts: Map<CollectionName, number>;
}

export function groupWritten(written: readonly WrittenDocument[]): WrittenGroup[] {
  const groups = new Map<string, WrittenGroup>();
  for (const w of written) {
    // A document without a person is its own group: its entry names it.
    const key = w.personId === undefined ? `\u0001${w.collection}\u0000${w.id}` : `${w.personId}\u0000${w.operation}\u0000${w.centerId ?? ''}\u0000${w.movedFrom ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        ...(w.personId !== undefined ? { personId: w.personId } : {}),
        ...(w.centerId !== undefined ? { centerId: w.centerId } : {}),
        operation: w.operation,
        ...(w.movedFrom !== undefined ? { movedFrom: w.movedFrom } : {}),
        ids: [],
        counts: new Map(),
      };
      groups.set(key, group);
    }
    group.ids.push(w.id);
    group.counts.set(w.collection, (group.counts.get(w.collection) ?? 0) + 1);
  }
  return [...groups.values()];
}

/** What an entry of a group says: the run, what was written, and a move between centers. */
export function groupDetail(group: WrittenGroup, base: string, runId: string): string {
  // Codes, not prose (as other audit detail codes): the run id and `collection count` pairs.
  const counts = [...group.counts].map(([collection, count]) => `${collection} ${count}`).join(', ');
  const detail = `${base} run ${runId}: ${counts}`;
  return (group.movedFrom !== undefined ? format(migrationMessages.audit.moved, { detail, from: group.movedFrom, to: group.centerId ?? '' }) : detail).slice(0, 200);
}

/**
 * The entry's target: the person, and as the document the person's own record when it is
 * among those written (else the one document, when the group is one).
 */
export function groupTarget(group: WrittenGroup): { targetPersonId?: string; targetDocumentId?: string } {
  const document = group.personId !== undefined && group.ids.includes(group.personId) ? group.personId : group.ids.length === 1 ? group.ids[0] : undefined;
  return {
    ...(group.personId !== undefined ? { targetPersonId: group.personId } : {}),
    ...(document !== undefined ? { targetDocumentId: document } : {}),
  };
}
