import { normalizeKana, type Person } from '../../shared/index';
import { nameKey } from '../../renderer/features/search/name-key';
import { parseQuery, type SearchTerm } from '../../renderer/features/search/query';
import { summarize, type PersonSummary, type SearchResult } from '../../renderer/features/search/person-index';

// The baseline the benchmark compares with: the same query language, but no index: every
// keystroke normalises every person's fields afresh, scans them all and sorts the hits.

// The same matching rules as the index (from the start of the family or given name).
const given = (text: string): string => text.trim().split(/\s+/u).slice(1).join('');

function matches(person: Person, term: SearchTerm): boolean {
  const insured = person.insured?.insuredNumber ?? person.insuranceEligibility?.insuredNumber ?? '';
  switch (term.kind) {
    case 'number':
      return person.residentCode.startsWith(term.digits) || insured.startsWith(term.digits) || person.birthDate === term.birthDate;
    case 'birthDate':
      return person.birthDate.startsWith(term.prefix);
    case 'kana':
      return normalizeKana(person.nameKana).startsWith(term.key) || normalizeKana(given(person.nameKana)).startsWith(term.key);
    case 'name':
      return nameKey(person.name).startsWith(term.key) || nameKey(given(person.name)).startsWith(term.key);
  }
}

export class NaiveSearch {
  constructor(private readonly persons: readonly Person[]) {}

  get size(): number {
    return this.persons.length;
  }

  household(householdNumber: string): PersonSummary[] {
    return this.persons.filter((person) => person.household?.householdNumber === householdNumber).map(summarize);
  }

  search(query: string, limit = 50): SearchResult {
    const terms = parseQuery(query);
    if (terms.length === 0) return { total: 0, hits: [] };
    const found = this.persons
      .filter((person) => terms.every((term) => matches(person, term)))
      .map((person) => ({ person, key: normalizeKana(person.nameKana) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { total: found.length, hits: found.slice(0, limit).map(({ person }) => summarize(person)) };
  }
}
