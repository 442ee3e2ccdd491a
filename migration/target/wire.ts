// Import units as they travel to a storage thread: JSON text in which the lists units
// share (the owned fields, a projection's fields) are sent once per batch and named by
// number. Every consultation carries the same owned list and projection, which made up
// nearly half of the text: stringifying, posting and parsing them again per unit cost
// tens of seconds at 160,000 persons, on both sides of the thread boundary.
import type { ImportUnit } from '../../server/migration/store';
import type { Projection } from '../../server/migration/projection';

/** A unit with its lists as L: the lists themselves, or their numbers on the wire. */
interface UnitWith<L> {
  collection: ImportUnit['collection'];
  doc: ImportUnit['doc'];
  owned: L;
  defaulted?: L;
  checks: ReadonlyArray<{ path?: string; match?: Projection['match']; fields: L; rootFields?: L }>;
  files?: ImportUnit['files'];
}

interface WireBatch {
  lists: Array<readonly string[]>;
  units: Array<UnitWith<number>>;
}

/** The same unit with every list replaced by `swap` of it. */
function swapLists<A, B>(unit: UnitWith<A>, swap: (list: A) => B): UnitWith<B> {
  return {
    collection: unit.collection,
    doc: unit.doc,
    owned: swap(unit.owned),
    ...(unit.defaulted !== undefined ? { defaulted: swap(unit.defaulted) } : {}),
    checks: unit.checks.map((check) => ({
      ...(check.path !== undefined ? { path: check.path } : {}),
      ...(check.match !== undefined ? { match: check.match } : {}),
      fields: swap(check.fields),
      ...(check.rootFields !== undefined ? { rootFields: swap(check.rootFields) } : {}),
    })),
    ...(unit.files !== undefined ? { files: unit.files } : {}),
  };
}

/** The units as one JSON text; lists are shared by identity (the mapper reuses them). */
export function encodeUnits(units: readonly ImportUnit[]): string {
  const lists: Array<readonly string[]> = [];
  const numbers = new Map<readonly string[], number>();
  const intern = (list: readonly string[]): number => {
    let n = numbers.get(list);
    if (n === undefined) {
      n = lists.length;
      lists.push(list);
      numbers.set(list, n);
    }
    return n;
  };
  return JSON.stringify({ lists, units: units.map((unit) => swapLists<readonly string[], number>(unit, intern)) } satisfies WireBatch);
}

export function decodeUnits(text: string): ImportUnit[] {
  const { lists, units } = JSON.parse(text) as WireBatch;
  const list = (n: number): readonly string[] => {
    const found = lists[n];
    if (!found) throw new Error(`import batch names list ${n}, which it does not carry`);
    return found;
  };
  return units.map((unit) => swapLists(unit, list));
}
