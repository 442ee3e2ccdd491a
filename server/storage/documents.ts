// What both engines do the same way around a write: refuse rows the store would reject as
// a whole request (CouchDB and PouchDB fail a whole _bulk_docs on one reserved id), so
// that one bad row never fails the others, and turn refusals into the port's errors.
import {
  StorageConflictError,
  StorageForbiddenError,
  StorageInvalidError,
  type StoredDocument,
  type WriteOutcome,
} from './port';

type Failure = Extract<WriteOutcome, { ok: false }>;

/** Design (`_design/`) and local (`_local/`) documents belong to the engines. */
export const isInternalId = (id: string): boolean => id.startsWith('_');

const allowedSpecialFields = new Set(['_id', '_rev', '_deleted']);
const revisionPattern = /^[1-9][0-9]*-[0-9a-zA-Z]+$/;

function invalidReason(doc: unknown): string | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'a document must be a JSON object';
  const record = doc as Record<string, unknown>;
  const id = record._id;
  if (typeof id !== 'string' || id === '') return '_id must be a non-empty string';
  if (isInternalId(id)) return `_id ${JSON.stringify(id)} must not start with "_"`;
  if ('_rev' in record && (typeof record._rev !== 'string' || !revisionPattern.test(record._rev))) {
    return `_rev ${JSON.stringify(record._rev)} is not a revision`;
  }
  if ('_deleted' in record && typeof record._deleted !== 'boolean') return '_deleted must be true or false';
  const special = Object.keys(record).find((key) => key.startsWith('_') && !allowedSpecialFields.has(key));
  return special === undefined ? undefined : `field ${special} is reserved`;
}

export const failure = (id: string, error: Failure['error'], reason: string): Failure => ({ id, ok: false, error, reason });

const idOf = (doc: unknown): string => {
  const id = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>)._id : undefined;
  return typeof id === 'string' ? id : '';
};

/**
 * Splits a batch into outcomes decided here (invalid rows, repeated ids) and the rows to
 * send, each with its position in the batch.
 */
export function prepareWrites(docs: readonly StoredDocument[]): {
  outcomes: Array<WriteOutcome | undefined>;
  rows: Array<{ index: number; doc: StoredDocument }>;
} {
  const outcomes: Array<WriteOutcome | undefined> = new Array<WriteOutcome | undefined>(docs.length);
  const rows: Array<{ index: number; doc: StoredDocument }> = [];
  const seen = new Set<string>();
  docs.forEach((doc, index) => {
    const reason = invalidReason(doc);
    if (reason !== undefined) {
      outcomes[index] = failure(idOf(doc), 'invalid', reason);
    } else if (seen.has(doc._id)) {
      outcomes[index] = failure(doc._id, 'conflict', 'the same _id appears earlier in this batch');
    } else {
      seen.add(doc._id);
      rows.push({ index, doc });
    }
  });
  return { outcomes, rows };
}

/** Maps CouchDB's and PouchDB's per-row error names to the port's. */
export function failureKind(error: unknown): Failure['error'] {
  switch (error) {
    case 'conflict':
      return 'conflict';
    case 'forbidden':
    case 'unauthorized':
      return 'forbidden';
    case 'bad_request':
    case 'doc_validation':
    case 'invalid':
      return 'invalid';
    default:
      return 'unknown';
  }
}

/** For the single-document calls: the outcome's refusal as the port's error. */
function throwUnlessWritten(outcome: WriteOutcome | undefined): { id: string; rev: string } {
  if (outcome === undefined) throw new Error('the store returned no outcome for the write');
  if (outcome.ok) return { id: outcome.id, rev: outcome.rev };
  switch (outcome.error) {
    case 'conflict':
      throw new StorageConflictError(outcome.id);
    case 'forbidden':
      throw new StorageForbiddenError(outcome.id, outcome.reason);
    case 'invalid':
      throw new StorageInvalidError(outcome.id, outcome.reason);
    default:
      throw new Error(`write of ${outcome.id} failed: ${outcome.reason}`);
  }
}

export function assertPageLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
}

/** The reason CouchDB's validate_doc_update and the embedded engine give alike. */
export const appendOnlyReason = 'append-only database: existing documents cannot be changed or deleted';

/** The single-document writes, as one-row batches: one path for every write and its rules. */
export abstract class SingleWrites {
  abstract bulkWrite(docs: readonly StoredDocument[]): Promise<WriteOutcome[]>;

  async put(doc: StoredDocument): Promise<{ id: string; rev: string }> {
    const [outcome] = await this.bulkWrite([doc]);
    return throwUnlessWritten(outcome);
  }

  async remove(id: string, rev: string): Promise<{ id: string; rev: string }> {
    return this.put({ _id: id, _rev: rev, _deleted: true });
  }
}
