// The reconciliation's read-back: which part of a stored document one legacy row
// produced, and its content hash. The migration hashes a row's mapped values when it
// reads the row; after writing, the same projection of the document as read back from
// the store must hash the same. The server computes it too (for `--server` imports), so
// an IT administrator proves the import without ever receiving case content.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export interface Projection {
  /** Embedded rows: where the item (or sub-object) is in the document. */
  path?: string;
  /** List items: the field values that identify the item. */
  match?: Readonly<Record<string, unknown>>;
  /** Fields relative to the item, or to the document for rows of their own. */
  fields: readonly string[];
  /** Fields of the document itself that an embedded row sets (its owner fields). */
  rootFields?: readonly string[];
}

/** Flat values keyed by field path; root fields are keyed `^field` so they never clash. */
export type ProjectedValues = Record<string, unknown>;

export const rootFieldKey = (field: string): string => `^${field}`;

export function getPath(value: unknown, path: string): unknown {
  let node: unknown = value;
  for (const segment of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && canonicalize(a) === canonicalize(b));
}

/** The values a projection selects from a document, or null when its item is not there. */
export function project(doc: Readonly<Record<string, unknown>>, projection: Projection): ProjectedValues | null {
  let item: unknown = doc;
  if (projection.path !== undefined) {
    const at = getPath(doc, projection.path);
    if (projection.match) {
      if (!Array.isArray(at)) return null;
      const match = Object.entries(projection.match);
      item = at.find((candidate: unknown) => match.every(([field, value]) => sameValue(getPath(candidate, field), value)));
    } else {
      item = at;
    }
    if (item === undefined || item === null || typeof item !== 'object') return null;
  }
  const values: ProjectedValues = {};
  for (const field of projection.fields) values[field] = getPath(item, field) ?? null;
  for (const field of projection.rootFields ?? []) values[rootFieldKey(field)] = getPath(doc, field) ?? null;
  return values;
}

export function hashValues(values: ProjectedValues): string {
  const text = canonicalize(values);
  if (text === undefined) throw new Error('values cannot be canonicalized');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The content hash of a row's part of a stored document; null when that part is absent. */
export function projectionHash(doc: Readonly<Record<string, unknown>> | undefined, projection: Projection): string | null {
  if (!doc) return null;
  const values = project(doc, projection);
  return values ? hashValues(values) : null;
}
