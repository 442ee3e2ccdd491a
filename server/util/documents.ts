// Between the storage port's documents (`_id`, `_rev`) and the domain's (`id`).
import type { StoredDocument } from '../storage/port';

/** The domain object: every field but the storage ones. */
export function fromStored<T>(doc: StoredDocument): T {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) plain[key] = value;
  return plain as T;
}

export function toStored(id: string, value: object, rev?: string): StoredDocument {
  return { ...value, _id: id, ...(rev ? { _rev: rev } : {}) };
}
