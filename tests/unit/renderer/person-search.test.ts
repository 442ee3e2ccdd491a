import { describe, expect, it } from 'vitest';
import { normalizeKana, type Person } from '../../../shared/index';
import { generateDemoData } from '../../../shared/demo/generate';
import { PersonSearchIndex } from '../../../renderer/features/search/person-index';
import { parseQuery } from '../../../renderer/features/search/query';

// Invented persons with the spellings the search has to see through.
function person(id: string, fields: Partial<Person> & Pick<Person, 'name' | 'nameKana' | 'birthDate'>): Person {
  return {
    id,
    residentCode: fields.residentCode ?? `90000000${id.slice(-2)}`,
    centerId: '01',
    nameKanaKey: normalizeKana(fields.nameKana),
    sex: 'female',
    residentStatus: 'resident',
    updatedAt: '2026-01-01T00:00:00Z',
    ...fields,
  };
}

const persons: Person[] = [
  person('p-01', { name: '髙橋　ハル', nameKana: 'ﾀｶﾊｼ ﾊﾙ', birthDate: '1938-05-03', residentCode: '9000000101', insured: { insuredNumber: '0000123456', category: 'first', specialAddressRule: false } }),
  person('p-02', { name: '高橋　一郎', nameKana: 'タカハシ　イチロウ', birthDate: '1950-03-01', residentCode: '9000000102', sex: 'male' }),
  person('p-03', { name: '大野　ケイコ', nameKana: 'おおの　けいこ', birthDate: '1950-12-24', residentCode: '9000000103' }),
  person('p-04', { name: '山﨑　節子', nameKana: 'ヤマザキ　セツコ', birthDate: '1941-07-30', residentCode: '9000000204' }),
  person('p-05', { name: '中村　ヨーコ', nameKana: 'ナカムラ　ヨーコ', birthDate: '1926-12-25', residentCode: '9000000205' }),
];

const ids = (index: PersonSearchIndex, query: string): string[] => index.search(query).hits.map((hit) => hit.id);

describe('person search', () => {
  const index = new PersonSearchIndex();
  index.upsertMany(persons);

  it('finds kana typed in hiragana, katakana or half-width, with or without the space', () => {
    for (const query of ['たかはし', 'タカハシ', 'ﾀｶﾊｼ', 'たかはし　はる', 'タカハシハル']) {
      expect(ids(index, query), query).toContain('p-01');
    }
    expect(ids(index, 'たかはし')).toEqual(['p-02', 'p-01']);
    expect(ids(index, 'オーノ')).toEqual(['p-03']);
    expect(ids(index, 'ヨウコ')).toEqual(['p-05']);
  });

  it('finds a given name, after the family names that start with it, and matches from the start only', () => {
    expect(ids(index, 'セツコ')).toEqual(['p-04']);
    expect(ids(index, 'ハシ')).toEqual([]); // inside タカハシ, the start of neither name
  });

  it('finds kanji names across variant forms and spacing', () => {
    expect(ids(index, '高橋').sort()).toEqual(['p-01', 'p-02']);
    expect(ids(index, '髙橋').sort()).toEqual(['p-01', 'p-02']);
    expect(ids(index, '山崎節子')).toEqual(['p-04']);
    expect(ids(index, '佐藤')).toEqual([]);
  });

  it('finds a 住民コード or 被保険者番号 from its first digits, in any width', () => {
    expect(ids(index, '9000000101')).toEqual(['p-01']);
    expect(ids(index, '９００００００２').sort()).toEqual(['p-04', 'p-05']);
    expect(ids(index, '0000123456')).toEqual(['p-01']);
  });

  it('finds a birth date written in 西暦 or 和暦, whole or by year and month', () => {
    for (const query of ['1950-03-01', '1950/3/1', '昭和25年3月1日', 'S25.3.1', 's25.03.01', '3250301', '19500301']) {
      expect(ids(index, query), query).toEqual(['p-02']);
    }
    expect(ids(index, '昭和25年').sort()).toEqual(['p-02', 'p-03']);
    expect(ids(index, 'S25.12')).toEqual(['p-03']);
    expect(ids(index, '昭和元年')).toEqual(['p-05']);
    expect(ids(index, '1941年7月')).toEqual(['p-04']);
  });

  it('requires every term: a common surname narrowed by birth year', () => {
    expect(ids(index, 'たかはし S25')).toEqual(['p-02']);
    expect(ids(index, '高橋 1938')).toEqual([]);
  });

  it('shows nothing for an empty box rather than everyone', () => {
    expect(index.search('   ').total).toBe(0);
  });

  it('ignores the romaji an IME holds while it composes', () => {
    expect(parseQuery('やまざk')).toEqual([{ kind: 'kana', key: 'ヤマザ' }]);
    expect(ids(index, 'やまざk')).toEqual(['p-04']);
  });

  it('follows changes: an updated name is found by the new name only, a removed person not at all', () => {
    const local = new PersonSearchIndex();
    local.upsertMany(persons);
    expect(ids(local, 'やまざき')).toEqual(['p-04']);
    const renamed = { ...persons[3]!, name: '森　節子', nameKana: 'モリ　セツコ' };
    local.upsert(renamed);
    expect(ids(local, 'やまざき')).toEqual([]);
    expect(ids(local, 'もり')).toEqual(['p-04']);
    local.remove('p-04');
    expect(ids(local, 'もり')).toEqual([]);
  });

  it('lists the persons of one household in kana order, following moves and removals', () => {
    const local = new PersonSearchIndex();
    const household = (number: string, relationship: string) => ({ household: { householdNumber: number, relationship } });
    local.upsertMany([
      { ...persons[0]!, ...household('H1', '妻') },
      { ...persons[1]!, ...household('H1', '世帯主') },
      { ...persons[2]!, ...household('H2', '世帯主') },
      persons[3]!,
    ]);
    expect(local.household('H1').map((m) => [m.id, m.relationship])).toEqual([
      ['p-02', '世帯主'],
      ['p-01', '妻'],
    ]);
    local.upsert({ ...persons[2]!, ...household('H1', '母') });
    expect(local.household('H1').map((m) => m.id)).toEqual(['p-03', 'p-02', 'p-01']);
    local.remove('p-02');
    expect(local.household('H1').map((m) => m.id)).toEqual(['p-03', 'p-01']);
    expect(local.household('H2')).toEqual([]);
  });
});

describe('person search over a generated city', () => {
  const { persons: generated } = generateDemoData({ persons: 3000, personsOnly: true, seed: 7 });
  const index = new PersonSearchIndex();
  index.upsertMany(generated);

  // The reference answer: every person's kana normalised on the spot and matched from the
  // start of the family name or of the given name.
  const naive = (query: string): Set<string> => {
    const key = normalizeKana(query);
    return new Set(
      generated
        .filter((p) => normalizeKana(p.nameKana).startsWith(key) || normalizeKana(p.nameKana.split(/\s+/u)[1] ?? '').startsWith(key))
        .map((p) => p.id),
    );
  };

  it('finds, keystroke by keystroke, exactly the persons a scan of everyone finds', () => {
    for (const typed of ['ヤマモトカズコ', 'カズコ', 'サ']) {
      for (let i = 1; i <= typed.length; i++) {
        const query = typed.slice(0, i);
        const result = index.search(query, 100_000);
        expect(new Set(result.hits.map((h) => h.id)), query).toEqual(naive(query));
        expect(result.total).toBe(naive(query).size);
      }
    }
  });

  it('gives the same answers however many searches came before (kanji names, numbers, dates)', () => {
    const given = (text: string) => text.split(/\s+/u)[1] ?? '';
    const reference: Record<string, (p: Person) => boolean> = {
      // 山下 sorts first by kanji but third by kana (ヤマシタ): the two orders disagree.
      山: (p) => p.name.startsWith('山') || given(p.name).startsWith('山'),
      山本: (p) => p.name.startsWith('山本'),
      佐藤: (p) => p.name.startsWith('佐藤'),
      子: (p) => given(p.name).startsWith('子'),
      '100000': (p) => p.residentCode.startsWith('100000') || (p.insured?.insuredNumber ?? '').startsWith('100000'),
      S15: (p) => p.birthDate.startsWith('1940'),
    };
    for (let round = 0; round < 3; round++) {
      for (const [query, matches] of Object.entries(reference)) {
        const expected = new Set(generated.filter(matches).map((p) => p.id));
        const result = index.search(query, 100_000);
        expect(new Set(result.hits.map((h) => h.id)), `${query} (round ${round})`).toEqual(expected);
      }
    }
  });

  it('counts every match but returns only the first page, prefix matches first', () => {
    const result = index.search('カ', 50);
    expect(result.hits).toHaveLength(50);
    expect(result.total).toBe(naive('カ').size);
    expect(result.total).toBeGreaterThan(50);
    expect(normalizeKana(result.hits[0]!.nameKana).startsWith('カ')).toBe(true);
  });
});
