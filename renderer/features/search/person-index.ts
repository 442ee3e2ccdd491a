import { normalizeKana, type Person } from '../../../shared/index';
import { nameKey } from './name-key';
import { narrows, parseQuery, type SearchTerm } from './query';

// The in-memory person index the search box reads. Personal fields are encrypted at rest
// and so cannot be indexed by the storage; after unlock every person is decrypted once
// into this index, which keeps the search keys precomputed, keeps the entries in kana
// order so that hits come out sorted without sorting, and narrows the previous hits
// instead of rescanning when a keystroke only adds to the query.

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
}

interface Entry {
  summary: PersonSummary;
  kanaKey: string;
  nameKey: string;
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
  };
}

function entryOf(person: Person): Entry {
  return {
    summary: summarize(person),
    // Derived here rather than trusting the stored nameKanaKey, so that a key written by
    // an older normaliser still finds the person.
    kanaKey: normalizeKana(person.nameKana),
    nameKey: nameKey(person.name),
  };
}

function matches(entry: Entry, term: SearchTerm): boolean {
  switch (term.kind) {
    case 'number':
      return (
        entry.summary.residentCode.startsWith(term.digits) ||
        (entry.summary.insuredNumber?.startsWith(term.digits) ?? false) ||
        entry.summary.birthDate === term.birthDate
      );
    case 'birthDate':
      return entry.summary.birthDate.startsWith(term.prefix);
    case 'kana':
      return entry.kanaKey.includes(term.key);
    case 'name':
      return entry.nameKey.includes(term.key);
  }
}

const byKana = (a: Entry, b: Entry): number =>
  a.kanaKey < b.kanaKey ? -1 : a.kanaKey > b.kanaKey ? 1 : a.summary.birthDate < b.summary.birthDate ? -1 : a.summary.birthDate > b.summary.birthDate ? 1 : 0;

export class PersonSearchIndex {
  private readonly byId = new Map<string, Entry>();
  /** Entries in kana order; rebuilt lazily after a change. */
  private ordered: Entry[] | null = [];
  private last: { terms: SearchTerm[]; hits: Entry[] } | null = null;

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

  search(query: string, limit = 50): SearchResult {
    const terms = parseQuery(query);
    if (terms.length === 0) {
      this.last = null;
      return { total: 0, hits: [] };
    }
    const pool = this.last && narrows(this.last.terms, terms) ? this.last.hits : this.inKanaOrder();
    const found = pool.filter((entry) => terms.every((term) => matches(entry, term)));
    this.last = { terms, hits: found };
    return { total: found.length, hits: rank(found, terms, limit).map((entry) => entry.summary) };
  }

  private changed(): void {
    this.ordered = null;
    this.last = null;
  }

  private inKanaOrder(): Entry[] {
    this.ordered ??= [...this.byId.values()].sort(byKana);
    return this.ordered;
  }
}

/** Persons whose kana starts with what was typed come first; both groups stay in kana order. */
function rank(found: readonly Entry[], terms: readonly SearchTerm[], limit: number): Entry[] {
  const first = terms[0];
  if (first?.kind !== 'kana') return found.slice(0, limit);
  const prefix: Entry[] = [];
  const rest: Entry[] = [];
  for (const entry of found) {
    if (entry.kanaKey.startsWith(first.key)) {
      prefix.push(entry);
      if (prefix.length >= limit) break;
    } else if (rest.length < limit) rest.push(entry);
  }
  return prefix.concat(rest).slice(0, limit);
}
