// The reconciliation's read-back: which part of a stored document one legacy row
// produced, and its content hash. The migration hashes a row's mapped values when it
// reads the row; after writing, the same projection of the document as read back from
// the store must hash the same. The server computes it too (for `--server` imports), so
// an IT administrator proves the import without ever receiving case content.
import { hash } from 'node:crypto';

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

const splitCache = new Map<string, readonly string[]>();

export function getPath(value: unknown, path: string): unknown {
  if (!path.includes('.')) return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[path] : undefined;
  let segments = splitCache.get(path);
  if (!segments) splitCache.set(path, (segments = path.split('.')));
  let node: unknown = value;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * A JSON value with every object's keys in code-unit order, copying only what is out of
 * order. JSON.stringify of it is the RFC 8785 canonical form for the values documents
 * hold (strings, finite numbers, booleans, null, arrays, plain objects). The
 * `canonicalize` package gives the same text about four times slower, which at millions
 * of legacy rows (each hashed at least twice) was a fifth of an import's time.
 */
function inOrder(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(inOrder);
  let previous: string | undefined;
  for (const key in value) {
    if (previous !== undefined && previous > key) return false;
    previous = key;
    if (!inOrder((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function ordered(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || inOrder(value)) return value;
  return reordered(value);
}

function reordered(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = reordered(value[i]);
      if (item !== value[i]) (copy ??= value.slice())[i] = item;
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let changed = false;
  for (let i = 1; i < keys.length && !changed; i++) changed = (keys[i - 1] as string) > (keys[i] as string);
  const entries: Array<[string, unknown]> = [];
  for (const key of keys) {
    const item = reordered(record[key]);
    if (item !== record[key]) changed = true;
    entries.push([key, item]);
  }
  if (!changed) return value;
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(entries);
}

/** Canonical JSON (keys sorted at every level, undefined members left out). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(ordered(value)) ?? 'null';
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && canonicalJson(a) === canonicalJson(b));
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
  // Root keys (`^…`) first: they sort before field names, and hashing an object already in order skips a copy.
  const values: ProjectedValues = {};
  for (const field of projection.rootFields ?? []) values[rootFieldKey(field)] = getPath(doc, field) ?? null;
  for (const field of projection.fields) values[field] = getPath(item, field) ?? null;
  return values;
}

export function hashValues(values: ProjectedValues): string {
  return hash('sha256', canonicalJson(values), 'hex');
}

/** The content hash of a row's part of a stored document; null when that part is absent. */
export function projectionHash(doc: Readonly<Record<string, unknown>> | undefined, projection: Projection): string | null {
  if (!doc) return null;
  const values = project(doc, projection);
  return values ? hashValues(values) : null;
}
