import { eras, normalizeKana, parseWareki } from '../../../shared/index';
import { nameKey } from './name-key';

// What the one search box understands. A query is split at spaces into terms, and a
// person matches when every term matches one of their fields, so "山田 S25" narrows a
// common surname by birth year. Each term is read as what it can be:
// - digits: the start of a 住民コード or 被保険者番号, and, when it is a whole date
//   (20240401, 5060401), a birth date;
// - a date, whole (昭和25年3月1日, S25.3.1, 1950/3/1) or partial (昭和25年, S25.3,
//   1950年3月): a birth date or its year/month;
// - kana (any width, hiragana or katakana): the start of the family or the given name's
//   kana, compared by normalizeKana's search key;
// - anything else (kanji): the start of the family or the given name, with spaces and
//   old/variant kanji folded.

export type SearchTerm =
  | { kind: 'number'; digits: string; birthDate?: string }
  | { kind: 'birthDate'; prefix: string }
  | { kind: 'kana'; key: string }
  | { kind: 'name'; key: string };

const KANA_ONLY = /^[\u30A1-\u30FA\u30FC]+$/;
// While an IME composes, the box briefly holds kana followed by romaji (やまd).
const TRAILING_ROMAJI = /(?<=[\u30A1-\u30FA\u30FC])[a-z]+$/i;
const DIGITS = /^[0-9]+$/;
const ERA_PARTIAL = /^(明治|大正|昭和|平成|令和|[MTSHR])(\d{1,2}|元)(?:年|[./-])?(?:(\d{1,2})(?:月|[./-])?)?$/;
const YEAR_PARTIAL = /^(\d{4})(?:年|[./-])(?:(\d{1,2})(?:月|[./-])?)?$/;

const pad2 = (n: number): string => String(n).padStart(2, '0');

function partialDate(text: string): string | undefined {
  const s = text.toUpperCase();
  let m = ERA_PARTIAL.exec(s);
  if (m) {
    const era = eras.find((e) => e.name === m?.[1] || e.letter === m?.[1]);
    if (!era) return undefined;
    const yearInEra = m[2] === '元' ? 1 : Number(m[2]);
    if (yearInEra < 1) return undefined;
    const year = Number(era.start.slice(0, 4)) + yearInEra - 1;
    return withMonth(year, m[3]);
  }
  m = YEAR_PARTIAL.exec(s);
  if (m) return withMonth(Number(m[1]), m[2]);
  return undefined;
}

function withMonth(year: number, month: string | undefined): string | undefined {
  if (month === undefined) return String(year);
  const n = Number(month);
  return n >= 1 && n <= 12 ? `${year}-${pad2(n)}` : undefined;
}

export function parseTerm(raw: string): SearchTerm | undefined {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return undefined;
  if (DIGITS.test(text.replace(/-/g, ''))) {
    const digits = text.replace(/-/g, '');
    const date = digits.length === 7 || digits.length === 8 ? parseWareki(digits) : undefined;
    return date?.ok ? { kind: 'number', digits, birthDate: date.iso } : { kind: 'number', digits };
  }
  const date = parseWareki(text);
  if (date.ok) return { kind: 'birthDate', prefix: date.iso };
  const partial = partialDate(text);
  if (partial !== undefined) return { kind: 'birthDate', prefix: partial };
  const kana = normalizeKana(text).replace(TRAILING_ROMAJI, '');
  if (kana !== '' && KANA_ONLY.test(kana)) return { kind: 'kana', key: kana };
  return { kind: 'name', key: nameKey(text) };
}

/** The terms of a query; an empty list means "show nothing" rather than everyone. */
export function parseQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const part of query.normalize('NFKC').split(/\s+/u)) {
    const term = parseTerm(part);
    if (term) terms.push(term);
  }
  return terms;
}
