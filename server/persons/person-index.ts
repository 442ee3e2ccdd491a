// The person search index: one in-memory map per center, filled from the center's
// `persons-<center>` change feed at start and kept current by watching it, so a search
// over 16,000 persons is a scan of short strings, not a database query. It holds only
// what a search list shows plus the keys it matches on.
import { normalizeKana, type Person } from '../../shared/index';
import type { Database, StorageEngine } from '../storage/port';
import { startOfFeed, type Sequence } from '../storage/port';
import { centerDatabaseName } from '../storage/names';

/** What `GET /api/persons?q=` lists for each match. */
export interface PersonSummary {
  id: string;
  residentCode: string;
  name: string;
  nameKana: string;
  birthDate: string;
  centerId: string;
}

interface Indexed {
  summary: PersonSummary;
  kanaKey: string;
  /** The name without spaces (full-width ones too), NFKC: 山田 太郎 and 山田太郎 match alike. */
  nameKey: string;
  insuredNumbers: string[];
}

const pageSize = 1000;

function indexed(person: Person): Indexed {
  const insuredNumbers = [person.insured?.insuredNumber, person.insuranceEligibility?.insuredNumber].filter((n): n is string => typeof n === 'string');
  return {
    summary: {
      id: person.id,
      residentCode: person.residentCode,
      name: person.name,
      nameKana: person.nameKana,
      birthDate: person.birthDate,
      centerId: person.centerId,
    },
    kanaKey: normalizeKana(person.nameKana),
    nameKey: compact(person.name),
    insuredNumbers: [...new Set(insuredNumbers)],
  };
}

const compact = (text: string): string => text.normalize('NFKC').replace(/[\s・]+/gu, '');

export interface SearchResult {
  items: PersonSummary[];
  /** More persons matched than `limit`. */
  more: boolean;
}

export class PersonIndex {
  private readonly byCenter = new Map<string, Map<string, Indexed>>();
  private readonly feeds = new Map<string, { db: Database; applied: Sequence; pulling: Promise<void> | undefined }>();
  private readonly stops: Array<() => void> = [];
  private sorted: Indexed[] | undefined;

  private constructor() {}

  static async open(storage: StorageEngine, centerIds: readonly string[]): Promise<PersonIndex> {
    const index = new PersonIndex();
    for (const centerId of centerIds) await index.follow(centerId, await storage.open(centerDatabaseName('persons', centerId)));
    return index;
  }

  private async follow(centerId: string, db: Database): Promise<void> {
    const persons = new Map<string, Indexed>();
    this.byCenter.set(centerId, persons);
    const feed = { db, applied: startOfFeed, pulling: undefined as Promise<void> | undefined, again: false };
    this.feeds.set(centerId, feed);
    // The live feed only says "something changed"; the documents are read in feed order
    // by paging from the last applied position, so the index never goes backwards.
    const pull = async () => {
      for (;;) {
        const page = await db.changes({ since: feed.applied, limit: pageSize, includeDocs: true });
        for (const change of page.results) {
          const doc = change.doc as unknown as Person | undefined;
          if (change.deleted || !doc) persons.delete(change.id);
          else persons.set(change.id, indexed(doc));
          this.sorted = undefined;
        }
        feed.applied = page.lastSeq;
        if (page.complete) return;
      }
    };
    const trigger = () => {
      if (feed.pulling) {
        feed.again = true;
        return;
      }
      feed.pulling = (async () => {
        do {
          feed.again = false;
          await pull();
        } while (feed.again);
      })()
        .catch((error: unknown) => console.error(`person index of ${centerId}: ${(error as Error).message}`))
        .finally(() => {
          feed.pulling = undefined;
        });
    };
    await pull();
    this.stops.push(db.watch(feed.applied, trigger, (error) => console.error(`person index of ${centerId}: ${error.message}`)));
  }

  /** Resolves once every change written so far has reached the index (tests, after seeding). */
  async caughtUp(): Promise<void> {
    for (const feed of this.feeds.values()) {
      for (;;) {
        await feed.pulling;
        if ((await feed.db.changes({ since: feed.applied, limit: 1, includeDocs: false })).results.length === 0) break;
        // Written but not yet announced by the live feed: wait for it rather than race it.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  }

  /** Where a person is now (for auditing a refused read); undefined when unknown. */
  centerOf(personId: string): string | undefined {
    for (const [centerId, persons] of this.byCenter) if (persons.has(personId)) return centerId;
    return undefined;
  }

  count(centerId: string): number {
    return this.byCenter.get(centerId)?.size ?? 0;
  }

  /**
   * Matches in the given centers only: digits against 住民コード and 被保険者番号 (from
   * the start), anything else against the kana key (normalizeKana) and the name as
   * written (kanji). Prefix matches come first, then by kana.
   */
  search(query: string, centerIds: readonly string[], limit: number): SearchResult {
    const text = compact(query);
    const digits = /^[0-9]+$/.test(text) ? text : undefined;
    const kana = digits ? '' : normalizeKana(text);
    const inScope = new Set(centerIds);
    // One pass in kana order: each rank's first `limit` matches are already in order, so
    // no sort per search even when a short prefix matches thousands.
    const byRank: PersonSummary[][] = [[], [], [], []];
    let matched = 0;
    for (const entry of this.inKanaOrder()) {
      if (!inScope.has(entry.summary.centerId)) continue;
      const rank = text === '' ? 1 : digits ? rankDigits(entry, digits) : rankText(entry, text, kana);
      if (rank === 0) continue;
      matched += 1;
      const bucket = byRank[rank] as PersonSummary[];
      if (bucket.length < limit) bucket.push(entry.summary);
    }
    const items = [...(byRank[3] ?? []), ...(byRank[2] ?? []), ...(byRank[1] ?? [])].slice(0, limit);
    return { items, more: matched > limit };
  }

  /** Every indexed person by kana, then id; rebuilt on the first search after a change. */
  private inKanaOrder(): Indexed[] {
    this.sorted ??= [...this.byCenter.values()]
      .flatMap((persons) => [...persons.values()])
      .sort((a, b) => compare(a.kanaKey, b.kanaKey) || compare(a.summary.id, b.summary.id));
    return this.sorted;
  }

  close(): void {
    for (const stop of this.stops.splice(0)) stop();
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function rankDigits(entry: Indexed, digits: string): number {
  let rank = entry.summary.residentCode === digits ? 3 : entry.summary.residentCode.startsWith(digits) ? 2 : 0;
  for (const code of entry.insuredNumbers) rank = Math.max(rank, code === digits ? 3 : code.startsWith(digits) ? 2 : 0);
  return rank;
}

function rankText(entry: Indexed, text: string, kana: string): number {
  if (entry.nameKey.startsWith(text) || (kana !== '' && entry.kanaKey.startsWith(kana))) return 2;
  if (entry.nameKey.includes(text) || (kana !== '' && entry.kanaKey.includes(kana))) return 1;
  return 0;
}
