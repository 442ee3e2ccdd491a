import { formatIsoDate, isValidCalendarDate } from './calendar';
import { earliestSupportedDate, eraStartYear, findEra, isWithinEra } from './eras';

/**
 * Why a legacy date did not become an ISO date.
 * - `empty`: blank, `0000000` or `00000000`: no date was recorded.
 * - `open-ended`: `9999999` / `99999999`, an end date with no end; the caller decides
 *   what that means for its column.
 * - `invalid-format`: not a date style we know.
 * - `impossible-date`: the calendar has no such day (2月30日, 13月).
 * - `outside-era`: a real day, but not in the era named (平成31年5月1日, 昭和64年1月8日,
 *   令和元年4月30日, 令和0年) or before 明治 began (1868-01-25).
 */
export type WarekiError = 'empty' | 'open-ended' | 'invalid-format' | 'impossible-date' | 'outside-era';

export const warekiErrors: readonly WarekiError[] = ['empty', 'open-ended', 'invalid-format', 'impossible-date', 'outside-era'];

export type WarekiParseResult = { ok: true; iso: string } | { ok: false; error: WarekiError };

// Dash look-alikes that IMEs and spreadsheets put into dates; NFKC leaves them alone.
const DASHES = /[\u2010-\u2015\u2212\u30FC\uFF70]/g;
const EMPTY = /^0{7,8}$/;
const OPEN_ENDED = /^9{7,8}$/;
const SEVEN_DIGIT = /^(\d)(\d{2})(\d{2})(\d{2})$/;
const COMPACT_GREGORIAN = /^(\d{4})(\d{2})(\d{2})$/;
const ERA_SEPARATED = /^(明治|大正|昭和|平成|令和|[MTSHR])(\d{1,2}|元)([./-])(\d{1,2})\3(\d{1,2})$/;
const ERA_KANJI = /^(明治|大正|昭和|平成|令和|[MTSHR])(\d{1,2}|元)年(\d{1,2})月(\d{1,2})日$/;
const GREGORIAN_SEPARATED = /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})$/;
const GREGORIAN_KANJI = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

function fail(error: WarekiError): WarekiParseResult {
  return { ok: false, error };
}

function gregorian(year: number, month: number, day: number): WarekiParseResult {
  if (!isValidCalendarDate(year, month, day)) return fail('impossible-date');
  const iso = formatIsoDate(year, month, day);
  return iso < earliestSupportedDate ? fail('outside-era') : { ok: true, iso };
}

function japanese(eraToken: string, eraYear: string, month: number, day: number): WarekiParseResult {
  const era = findEra(eraToken);
  if (!era) return fail('invalid-format');
  const yearInEra = eraYear === '元' ? 1 : Number(eraYear);
  const year = eraStartYear(era) + yearInEra - 1;
  if (!isValidCalendarDate(year, month, day)) return fail('impossible-date');
  const iso = formatIsoDate(year, month, day);
  return yearInEra >= 1 && isWithinEra(era, iso) ? { ok: true, iso } : fail('outside-era');
}

/**
 * Reads every date style of the legacy export (legacy/FORMAT.md) into an ISO date:
 * `5060401`, `R06.04.01` (M/T/S/H/R with `.`, `/` or `-`), `令和6年4月1日`, `令和元年5月1日`,
 * `H31/04/30`, `2024/04/01`, `2024-04-01`, `2024年4月1日`, `20240401`, in full- or
 * half-width, with any whitespace. Never guesses: a day the era or the calendar does not
 * have is an error. Dates before 1873 are read as proleptic Gregorian (明治元年1月25日 =
 * 1868-01-25), not converted from the old lunisolar calendar.
 */
export function parseWareki(text: string): WarekiParseResult {
  const raw: unknown = text;
  if (raw === null || raw === undefined) return fail('empty');
  if (typeof raw !== 'string') return fail('invalid-format');
  // NFKC turns full-width digits, letters and separators into ASCII and ㍻/㋿ into 平成/令和.
  const s = raw.normalize('NFKC').replace(/\s+/gu, '').replace(DASHES, '-').toUpperCase();
  if (s === '' || EMPTY.test(s)) return fail('empty');
  if (OPEN_ENDED.test(s)) return fail('open-ended');

  let m = SEVEN_DIGIT.exec(s);
  if (m) return japanese(m[1] ?? '', m[2] ?? '', Number(m[3]), Number(m[4]));
  m = ERA_SEPARATED.exec(s);
  if (m) return japanese(m[1] ?? '', m[2] ?? '', Number(m[4]), Number(m[5]));
  m = ERA_KANJI.exec(s);
  if (m) return japanese(m[1] ?? '', m[2] ?? '', Number(m[3]), Number(m[4]));
  m = COMPACT_GREGORIAN.exec(s) ?? GREGORIAN_KANJI.exec(s);
  if (m) return gregorian(Number(m[1]), Number(m[2]), Number(m[3]));
  m = GREGORIAN_SEPARATED.exec(s);
  if (m) return gregorian(Number(m[1]), Number(m[3]), Number(m[4]));
  return fail('invalid-format');
}
