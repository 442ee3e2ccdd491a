import { normalizeKana, type Person } from '../../../shared/index';
import { nameKey } from './name-key';
import { parseQuery, type SearchTerm } from './query';

// The in-memory person index the search box reads. Personal fields are encrypted at rest
// and so cannot be indexed by the storage; after unlock every person is decrypted once
// into this index. Every field is matched from its start (前方一致), as staff search:
// the kana and the kanji name from the family name or from the given name, the numbers
// and the birth date from their first characters. The entries are kept in kana order
// with a sorted copy of each field, so every term is a binary search and the hits come
// out in kana order without sorting, whatever the number of persons.

/** What a result row shows, and what the index needs to find it. */
export interface PersonSummary {
  id: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: Person['sex'];
  residentCode: string;
  insuredNumber?: string;
  centerId: string;
  address?: string;
  careLevel?: string;
  residentStatus: Person['residentStatus'];
  /** 世帯番号 and 続柄, for the ledger's list of the persons sharing a household. */
  householdNumber?: string;
  relationship?: string;
}

export interface SearchResult {
  /** How many persons match. */
  total: number;
  /** The first `limit` of them: kana-prefix matches first, each group in kana order. */
  hits: PersonSummary[];
}

export function summarize(person: Person): PersonSummary {
  const insuredNumber = person.insured?.insuredNumber ?? person.insuranceEligibility?.insuredNumber;
  return {
    id: person.id,
    name: person.name,
    nameKana: person.nameKana,
    birthDate: person.birthDate,
    sex: person.sex,
    residentCode: person.residentCode,
    ...(insuredNumber !== undefined && { insuredNumber }),
    centerId: person.centerId,
    ...(person.address !== undefined && { address: person.address }),
    ...(person.insuranceEligibility?.careLevel !== undefined && { careLevel: person.insuranceEligibility.careLevel }),
    residentStatus: person.residentStatus,
    ...(person.household && { householdNumber: person.household.householdNumber }),
    ...(person.household?.relationship !== undefined && { relationship: person.household.relationship }),
  };
}

interface Entry {
  summary: PersonSummary;
  /** normalizeKana of the whole kana name, and of the given name alone. */
  kanaKey: string;
  givenKanaKey: string;
  /** nameKey of the whole name, and of the given name alone. */
  nameKey: string;
  givenNameKey: string;
}

/** The part after the first space: the given name, in the way the ledger writes names. */
const givenPart = (text: string): string => text.trim().split(/\s+/u).slice(1).join('');

function entryOf(person: Person): Entry {
  return {
    summary: summarize(person),
    // Derived here rather than trusting the stored nameKanaKey, so that a key written by
    // an older normaliser still finds the person.
    kanaKey: normalizeKana(person.nameKana),
    givenKanaKey: normalizeKana(givenPart(person.nameKana)),
    nameKey: nameKey(person.name),
    givenNameKey: nameKey(givenPart(person.name)),
  };
}

/** A field sorted, with each value's position in kana order, for prefix ranges by binary search. */
interface SortedField {
  values: string[];
  positions: Int32Array;
}

/** The entries in kana order, one flat array per search key, and sorted copies for prefix ranges. */
interface Built {
  summaries: PersonSummary[];
  kana: string[];
  givenKana: string[];
  names: string[];
  givenNames: string[];
  residentCodes: string[];
  insuredNumbers: string[];
  birthDates: string[];
  byGivenKana: SortedField;
  byName: SortedField;
  byGivenName: SortedField;
  byResidentCode: SortedField;
  byInsuredNumber: SortedField;
  byBirthDate: SortedField;
}

function sortedField(values: readonly string[]): SortedField {
  const order = Array.from(values.keys()).filter((i) => values[i] !== '');
  order.sort((a, b) => ((values[a] ?? '') < (values[b] ?? '') ? -1 : (values[a] ?? '') > (values[b] ?? '') ? 1 : a - b));
  return { values: order.map((i) => values[i] ?? ''), positions: Int32Array.from(order) };
}

/** The first index whose value is >= key. */
function lowerBound(values: readonly string[], key: string): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const endOfPrefix = (prefix: string): string => `${prefix}\uffff`;

/** Kana-order positions whose value starts with the prefix. */
function prefixRange(field: SortedField, prefix: string): Int32Array {
  return field.positions.subarray(lowerBound(field.values, prefix), lowerBound(field.values, endOfPrefix(prefix)));
}

function build(entries: Iterable<Entry>): Built {
  const ordered = [...entries].sort((a, b) =>
    a.kanaKey < b.kanaKey ? -1 : a.kanaKey > b.kanaKey ? 1 : a.summary.birthDate < b.summary.birthDate ? -1 : a.summary.birthDate > b.summary.birthDate ? 1 : 0,
  );
  const column = <T,>(pick: (entry: Entry) => T): T[] => ordered.map(pick);
  const givenKana = column((e) => e.givenKanaKey);
  const names = column((e) => e.nameKey);
  const givenNames = column((e) => e.givenNameKey);
  const residentCodes = column((e) => e.summary.residentCode);
  const insuredNumbers = column((e) => e.summary.insuredNumber ?? '');
  const birthDates = column((e) => e.summary.birthDate);
  return {
    summaries: column((e) => e.summary),
    kana: column((e) => e.kanaKey),
    givenKana,
    names,
    givenNames,
    residentCodes,
    insuredNumbers,
    birthDates,
    byGivenKana: sortedField(givenKana),
    byName: sortedField(names),
    byGivenName: sortedField(givenNames),
    byResidentCode: sortedField(residentCodes),
    byInsuredNumber: sortedField(insuredNumbers),
    byBirthDate: sortedField(birthDates),
  };
}

/**
 * The positions matching one term, found by binary search over the sorted copies: the
 * widest range as it is, the others without the persons it already holds. Kana and name
 * terms come back in kana order; numbers in the order of the number typed, birth dates
 * by date, which is how staff scan those lists.
 */
function positionsFor(built: Built, term: SearchTerm): Int32Array {
  switch (term.kind) {
    case 'kana': {
      // The entries are in kana order, so the full-kana prefix range is a run of positions.
      const from = lowerBound(built.kana, term.key);
      const to = lowerBound(built.kana, endOfPrefix(term.key));
      const run = Int32Array.from({ length: to - from }, (_, i) => from + i);
      const given = prefixRange(built.byGivenKana, term.key).filter((p) => !(built.kana[p] ?? '').startsWith(term.key));
      return given.length === 0 ? run : inKanaOrder([run, given]);
    }
    case 'name': {
      const family = prefixRange(built.byName, term.key);
      const given = prefixRange(built.byGivenName, term.key).filter((p) => !(built.names[p] ?? '').startsWith(term.key));
      return inKanaOrder([family, given]);
    }
    case 'number': {
      // Most typed digits start only one kind of number: skip the overlap checks then.
      const byCode = prefixRange(built.byResidentCode, term.digits);
      let byInsured = prefixRange(built.byInsuredNumber, term.digits);
      if (byCode.length > 0 && byInsured.length > 0) byInsured = byInsured.filter((p) => !(built.residentCodes[p] ?? '').startsWith(term.digits));
      let byBirth = term.birthDate ? prefixRange(built.byBirthDate, term.birthDate) : new Int32Array();
      if (byBirth.length > 0) byBirth = byBirth.filter((p) => !(built.residentCodes[p] ?? '').startsWith(term.digits) && !(built.insuredNumbers[p] ?? '').startsWith(term.digits));
      return concat([byCode, byInsured, byBirth]);
    }
    case 'birthDate':
      return prefixRange(built.byBirthDate, term.prefix);
  }
}

/** A new array (never a view into a sorted copy, which sorting would corrupt), in kana order. */
function inKanaOrder(parts: readonly Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out.sort();
}

function concat(parts: readonly Int32Array[]): Int32Array {
  const nonEmpty = parts.filter((part) => part.length > 0);
  if (nonEmpty.length === 1) return nonEmpty[0] ?? new Int32Array();
  const out = new Int32Array(nonEmpty.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of nonEmpty) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Whether the entry at a position matches a term (for the terms after the most selective one). */
function matchesAt(built: Built, position: number, term: SearchTerm): boolean {
  switch (term.kind) {
    case 'kana':
      return (built.kana[position] ?? '').startsWith(term.key) || (built.givenKana[position] ?? '').startsWith(term.key);
    case 'name':
      return (built.names[position] ?? '').startsWith(term.key) || (built.givenNames[position] ?? '').startsWith(term.key);
    case 'number':
      return (
        (built.residentCodes[position] ?? '').startsWith(term.digits) ||
        (built.insuredNumbers[position] ?? '').startsWith(term.digits) ||
        built.birthDates[position] === term.birthDate
      );
    case 'birthDate':
      return (built.birthDates[position] ?? '').startsWith(term.prefix);
  }
}

export class PersonSearchIndex {
  private readonly byId = new Map<string, Entry>();
  private built: Built | null = null;

  get size(): number {
    return this.byId.size;
  }

  upsert(person: Person): void {
    this.byId.set(person.id, entryOf(person));
    this.changed();
  }

  upsertMany(persons: Iterable<Person>): void {
    for (const person of persons) this.byId.set(person.id, entryOf(person));
    this.changed();
  }

  remove(id: string): void {
    if (this.byId.delete(id)) this.changed();
  }

  clear(): void {
    this.byId.clear();
    this.changed();
  }

  get(id: string): PersonSummary | undefined {
    return this.byId.get(id)?.summary;
  }

  /**
   * The persons in this store who share a household, in kana order. A scan rather than a
   * kept map: it runs once per ledger opened, and a center's persons scan in about a
   * millisecond, while every sync change would have to keep a map current.
   */
  household(householdNumber: string): PersonSummary[] {
    const members: Entry[] = [];
    for (const entry of this.byId.values()) if (entry.summary.householdNumber === householdNumber) members.push(entry);
    return members.sort((a, b) => (a.kanaKey < b.kanaKey ? -1 : a.kanaKey > b.kanaKey ? 1 : 0)).map((entry) => entry.summary);
  }

  search(query: string, limit = 50): SearchResult {
    const terms = parseQuery(query);
    if (terms.length === 0) return { total: 0, hits: [] };
    this.built ??= build(this.byId.values());
    const built = this.built;
    // Every term by binary search; the fewest hits are then checked against the other terms.
    const candidates = terms.map((term) => ({ term, positions: positionsFor(built, term) })).sort((a, b) => a.positions.length - b.positions.length);
    const [narrowest, ...others] = candidates;
    let found = narrowest?.positions ?? new Int32Array();
    if (others.length > 0) found = found.filter((position) => others.every(({ term }) => matchesAt(built, position, term)));
    return { total: found.length, hits: rank(built, found, terms, limit) };
  }

  private changed(): void {
    this.built = null;
  }
}

/** Persons whose kana starts with what was typed come first; both groups stay in kana order. */
function rank(built: Built, found: Int32Array, terms: readonly SearchTerm[], limit: number): PersonSummary[] {
  const first = terms[0];
  const prefix: PersonSummary[] = [];
  const rest: PersonSummary[] = [];
  for (const position of found) {
    const summary = built.summaries[position];
    if (!summary) continue;
    if (first?.kind === 'kana' && (built.kana[position] ?? '').startsWith(first.key)) {
      prefix.push(summary);
      if (prefix.length >= limit) break;
    } else if (rest.length < limit) {
      rest.push(summary);
      if (first?.kind !== 'kana' && rest.length >= limit) break;
    }
  }
  return prefix.concat(rest).slice(0, limit);
}
