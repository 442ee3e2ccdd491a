// Between stored documents (`_id`, `_rev`, tombstones) and the replication's wire form
// (shared/sync/protocol.ts): the document's own fields plus `_deleted`.
import type { WireDocument } from '../../shared/index';
import type { StoredDocument } from '../storage/port';
import { fromStored, toStored } from '../util/documents';

/**
 * Where a moved person's document went: written on the tombstone left in the old
 * center's database, so that a pull can tell "moved within your scope" (skip: the new
 * copy arrives from the other center) from "left your scope" (purge).
 */
export const movedToField = 'movedTo';

export function toWire(doc: StoredDocument): WireDocument {
  return { ...fromStored<Record<string, unknown>>(doc), id: doc._id, _deleted: false };
}

/** A deletion carries no content: nothing personal rides on it. */
export const deletionOf = (id: string): WireDocument => ({ id, _deleted: true });

/** The document's own fields, without the wire's `_deleted` or anything else storage-like. */
export function contentOf(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) plain[key] = value;
  return plain;
}

export function storedFrom(id: string, content: Readonly<Record<string, unknown>>, rev?: string): StoredDocument {
  return toStored(id, contentOf(content), rev);
}

export function tombstoneFor(id: string, rev: string, movedTo?: string): StoredDocument {
  return { _id: id, _rev: rev, _deleted: true, ...(movedTo !== undefined ? { [movedToField]: movedTo } : {}) };
}
