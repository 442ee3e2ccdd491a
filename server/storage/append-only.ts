// The append-only rule (the audit log): only new documents may be written. CouchDB keeps
// it as a validate_doc_update design document, so it binds every client of the cluster
// and not only this server; the embedded engine applies the same rule in code.
import { appendOnlyReason, failure } from './documents';
import type { StoredDocument, WriteOutcome } from './port';

export const appendOnlyDesignId = '_design/kizuna-append-only';

/**
 * CouchDB runs it for every write except design documents (admins only). With a stale
 * `_rev` CouchDB answers conflict before the function runs, as the embedded rule does.
 */
export const appendOnlyValidateDocUpdate = `function (newDoc, oldDoc) {
  if (oldDoc || newDoc._deleted) {
    throw({ forbidden: ${JSON.stringify(appendOnlyReason)} });
  }
}`;

/** Where the embedded engine records that a database is append-only (not replicated, not listed). */
export const appendOnlyMarkerId = '_local/kizuna-append-only';

/**
 * The embedded rule for one row: a deletion or a write carrying the current `_rev` (an
 * update) is refused; any other `_rev` cannot match and is a conflict, as on CouchDB. Rows
 * without `_rev` go to the store, which refuses them as conflicts when the id exists.
 */
export function appendOnlyRefusal(doc: StoredDocument, currentRev: string | undefined): WriteOutcome | undefined {
  if (doc._deleted === true) return failure(doc._id, 'forbidden', appendOnlyReason);
  if (doc._rev === undefined) return undefined;
  return doc._rev === currentRev
    ? failure(doc._id, 'forbidden', appendOnlyReason)
    : failure(doc._id, 'conflict', 'Document update conflict');
}
