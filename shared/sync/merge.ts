// The server's three-way merge of a pushed document (DESIGN.md decision 3): per top-level
// field of (the state the client started from, the client's new state, the server's
// current state). Disjoint edits merge; where both sides changed the same field to
// different values the server's current value wins and the caller keeps the client's
// version as a conflict record, so that no edit is lost.
import { jsonEqual } from './json-equal';

export type SyncDocument = Readonly<Record<string, unknown>>;

/**
 * Who wrote last and when: every save changes them, so they are not edits of their own
 * and never make two saves overlap.
 */
export const changeStampFields: readonly string[] = ['updatedAt', 'updatedBy'];

/** The replication's deletion flag (RxDB's `_deleted`), merged like a field. */
export const deletedField = '_deleted';

export interface MergeResult {
  /** The document to keep on the server. */
  merged: Record<string, unknown>;
  /** Fields (top-level) where the client's edit lost; empty when nothing was lost. */
  conflictFields: string[];
}

const isDeleted = (doc: SyncDocument | undefined): boolean => doc?.[deletedField] === true;

function contentFields(...docs: Array<SyncDocument | undefined>): string[] {
  const fields = new Set<string>();
  for (const doc of docs) for (const key of Object.keys(doc ?? {})) if (key !== deletedField && !changeStampFields.includes(key)) fields.add(key);
  return [...fields].sort();
}

/** The content fields `doc` changed relative to `base` (deletion aside). */
export function changedFields(base: SyncDocument | undefined, doc: SyncDocument): string[] {
  return contentFields(base, doc).filter((field) => !jsonEqual(base?.[field], doc[field]));
}

/** Equal as documents: same content and deletion state; who saved last does not matter. */
export function sameContent(a: SyncDocument, b: SyncDocument): boolean {
  return isDeleted(a) === isDeleted(b) && changedFields(a, b).length === 0;
}

const instant = (doc: SyncDocument): number => {
  const value = doc.updatedAt;
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? 0 : time;
};

function withStampsOf(target: Record<string, unknown>, source: SyncDocument): Record<string, unknown> {
  for (const field of changeStampFields) {
    if (source[field] === undefined) delete target[field];
    else target[field] = source[field];
  }
  return target;
}

/**
 * Merges `mine` (the client's new state, which started from `base`) into `theirs` (the
 * server's current state). `base` undefined means the client created the document without
 * having seen the server's: every field the two set differently is then an overlap.
 * A deletion on one side against a content edit on the other is an overlap too: the
 * server's state wins whole, and the client's version becomes the conflict.
 */
export function mergeDocuments(base: SyncDocument | undefined, mine: SyncDocument, theirs: SyncDocument): MergeResult {
  const mineChanged = changedFields(base, mine);
  const theirsChanged = changedFields(base, theirs);
  const mineDeletes = isDeleted(mine) !== isDeleted(base);
  const theirsDeletes = isDeleted(theirs) !== isDeleted(base);
  const oneSideDeletes = isDeleted(mine) !== isDeleted(theirs);
  if (oneSideDeletes && ((mineDeletes && theirsChanged.length > 0) || (theirsDeletes && mineChanged.length > 0))) {
    return { merged: { ...theirs }, conflictFields: [deletedField, ...mineChanged] };
  }
  const merged: Record<string, unknown> = { ...theirs };
  const conflictFields: string[] = [];
  for (const field of mineChanged) {
    if (theirsChanged.includes(field) && !jsonEqual(mine[field], theirs[field])) {
      conflictFields.push(field);
    } else if (mine[field] === undefined) {
      delete merged[field];
    } else {
      merged[field] = mine[field];
    }
  }
  if (mineDeletes) merged[deletedField] = isDeleted(mine);
  if (sameContent(merged, theirs)) return { merged: withStampsOf(merged, theirs), conflictFields };
  if (sameContent(merged, mine)) return { merged: withStampsOf(merged, mine), conflictFields };
  // A true merge carries the later of the two saves' stamps.
  return { merged: withStampsOf(merged, instant(mine) >= instant(theirs) ? mine : theirs), conflictFields };
}
