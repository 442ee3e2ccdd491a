import { describe, it, expect } from 'vitest';
import {
  parseWareki,
  toWareki,
  toWarekiShort,
  toWarekiParts,
  isIsoDate,
  compareIsoDates,
  addDays,
  addMonths,
  eras,
  warekiErrors,
  type WarekiError,
} from '../../../shared/index';

function iso(text: string): string {
  const result = parseWareki(text);
  if (!result.ok) throw new Error(`${JSON.stringify(text)} failed with ${result.error}`);
  return result.iso;
}

function errorOf(text: string): WarekiError | undefined {
  const result = parseWareki(text);
  return result.ok ? undefined : result.error;
}

describe('parseWareki: every legacy date style', () => {
  it.each([
    ['5060401', '2024-04-01'],
    ['R06.04.01', '2024-04-01'],
    ['R06/04/01', '2024-04-01'],
    ['R06-04-01', '2024-04-01'],
    ['R6.4.1', '2024-04-01'],
    ['r06.04.01', '2024-04-01'],
    ['令和6年4月1日', '2024-04-01'],
    ['令和06年04月01日', '2024-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['H31/04/30', '2019-04-30'],
    ['H元.1.8', '1989-01-08'],
    ['S64.01.07', '1989-01-07'],
    ['T15.12.24', '1926-12-24'],
    ['M45.07.29', '1912-07-29'],
    ['平成6.4.1', '1994-04-01'],
    ['2024/04/01', '2024-04-01'],
    ['2024-04-01', '2024-04-01'],
    ['2024.4.1', '2024-04-01'],
    ['2024年4月1日', '2024-04-01'],
    ['20240401', '2024-04-01'],
  ])('%s → %s', (text, expected) => {
    expect(parseWareki(text)).toEqual({ ok: true, iso: expected });
  });

  it('reads full-width digits, letters and separators', () => {
    expect(iso('５０６０４０１')).toBe('2024-04-01');
    expect(iso('Ｒ０６．０４．０１')).toBe('2024-04-01');
    expect(iso('Ｈ３１／０４／３０')).toBe('2019-04-30');
    expect(iso('令和６年４月１日')).toBe('2024-04-01');
    expect(iso('２０２４－０４－０１')).toBe('2024-04-01');
    expect(iso('２０２４/０４/０１')).toBe('2024-04-01');
  });

  it('reads dashes typed with an IME (ー, ‐, −) as separators', () => {
    expect(iso('2024ー04ー01')).toBe('2024-04-01');
    expect(iso('R6‐4‐1')).toBe('2024-04-01');
    expect(iso('2024−04−01')).toBe('2024-04-01');
  });

  it('reads the single-character era signs ㍻ and ㋿', () => {
    expect(iso('㍻31年4月30日')).toBe('2019-04-30');
    expect(iso('㋿元年5月1日')).toBe('2019-05-01');
  });

  it('ignores surrounding and inner whitespace, including full-width spaces and tabs', () => {
    expect(iso('  5060401 ')).toBe('2024-04-01');
    expect(iso('\t2024/04/01\r\n')).toBe('2024-04-01');
    expect(iso('　令和　6年　4月　1日　')).toBe('2024-04-01');
  });

  it('reads two-digit era years and every era digit in the 7-digit format', () => {
    expect(iso('1450729')).toBe('1912-07-29');
    expect(iso('2010730')).toBe('1912-07-30');
    expect(iso('3011225')).toBe('1926-12-25');
    expect(iso('3640107')).toBe('1989-01-07');
    expect(iso('4010108')).toBe('1989-01-08');
    expect(iso('4310430')).toBe('2019-04-30');
    expect(iso('5010501')).toBe('2019-05-01');
    expect(iso('3200815')).toBe('1945-08-15');
  });

  it('rejects unknown era digits in the 7-digit format', () => {
    expect(errorOf('6010101')).toBe('invalid-format');
    expect(errorOf('0060401')).toBe('invalid-format');
    expect(errorOf('9060401')).toBe('invalid-format');
  });
});

describe('parseWareki: era boundaries', () => {
  // Each era's first day and the day before it, in both kanji and 7-digit styles.
  it.each([
    ['明治元年1月25日', '1010125', '1868-01-25'],
    ['明治45年7月29日', '1450729', '1912-07-29'],
    ['大正元年7月30日', '2010730', '1912-07-30'],
    ['大正15年12月24日', '2151224', '1926-12-24'],
    ['昭和元年12月25日', '3011225', '1926-12-25'],
    ['昭和64年1月7日', '3640107', '1989-01-07'],
    ['平成元年1月8日', '4010108', '1989-01-08'],
    ['平成31年4月30日', '4310430', '2019-04-30'],
    ['令和元年5月1日', '5010501', '2019-05-01'],
  ])('%s and %s are %s', (kanji, digits, expected) => {
    expect(iso(kanji)).toBe(expected);
    expect(iso(digits)).toBe(expected);
  });

  it.each([
    ['昭和64年1月8日'],
    ['S64.01.08'],
    ['3640108'],
    ['平成31年5月1日'],
    ['H31.05.01'],
    ['4310501'],
    ['令和1年4月30日'],
    ['令和元年4月30日'],
    ['5010430'],
    ['大正元年7月29日'],
    ['2010729'],
    ['昭和元年12月24日'],
    ['平成元年1月7日'],
    ['明治45年7月30日'],
    ['大正15年12月25日'],
    ['明治元年1月24日'],
    ['明治元年1月1日'],
    ['令和0年5月1日'],
    ['5000501'],
    ['平成50年1月1日'],
  ])('%s is outside its era', (text) => {
    expect(errorOf(text)).toBe('outside-era');
  });

  it('rejects Gregorian dates before 明治 (1868-01-25), the earliest supported', () => {
    expect(iso('1868-01-25')).toBe('1868-01-25');
    expect(errorOf('1868-01-24')).toBe('outside-era');
    expect(errorOf('1800/01/01')).toBe('outside-era');
  });

  it('accepts Gregorian dates in any era, across the boundaries', () => {
    expect(iso('1989-01-07')).toBe('1989-01-07');
    expect(iso('1989-01-08')).toBe('1989-01-08');
    expect(iso('2019-04-30')).toBe('2019-04-30');
    expect(iso('2019-05-01')).toBe('2019-05-01');
  });
});

describe('parseWareki: calendar validity', () => {
  it('accepts 29 February in leap years, including 2000 (divisible by 400)', () => {
    expect(iso('平成12年2月29日')).toBe('2000-02-29');
    expect(iso('4120229')).toBe('2000-02-29');
    expect(iso('2024-02-29')).toBe('2024-02-29');
    expect(iso('R06.02.29')).toBe('2024-02-29');
    expect(iso('明治33年2月28日')).toBe('1900-02-28');
  });

  it('rejects 29 February in common years, including 1900 (divisible by 100)', () => {
    expect(errorOf('1900-02-29')).toBe('impossible-date');
    expect(errorOf('明治33年2月29日')).toBe('impossible-date');
    expect(errorOf('2023-02-29')).toBe('impossible-date');
    expect(errorOf('5050229')).toBe('impossible-date');
  });

  it.each([['令和6年2月30日'], ['2024/02/30'], ['R06.04.31'], ['2024-13-01'], ['2024-00-10'], ['2024-04-00'], ['5061301'], ['5060432'], ['20240230']])(
    '%s is an impossible date',
    (text) => {
      expect(errorOf(text)).toBe('impossible-date');
    },
  );

  it('checks the calendar before the era: 平成31年2月29日 is impossible, not outside', () => {
    expect(errorOf('平成31年2月29日')).toBe('impossible-date');
  });
});

describe('parseWareki: no date, open-ended and invalid are distinct', () => {
  it.each([[''], ['   '], ['　'], ['0000000'], ['００００００００'], ['00000000']])('%j is empty', (text) => {
    expect(parseWareki(text)).toEqual({ ok: false, error: 'empty' });
  });

  it('9999999 is open-ended, not invalid and not empty', () => {
    expect(parseWareki('9999999')).toEqual({ ok: false, error: 'open-ended' });
    expect(parseWareki('９９９９９９９')).toEqual({ ok: false, error: 'open-ended' });
    expect(parseWareki('99999999')).toEqual({ ok: false, error: 'open-ended' });
  });

  it('treats null and undefined from untyped callers as empty, and other non-strings as invalid', () => {
    expect(parseWareki(null as unknown as string)).toEqual({ ok: false, error: 'empty' });
    expect(parseWareki(undefined as unknown as string)).toEqual({ ok: false, error: 'empty' });
    expect(parseWareki(20240401 as unknown as string)).toEqual({ ok: false, error: 'invalid-format' });
  });

  it.each([
    ['abc'],
    ['2024'],
    ['2024/04'],
    ['令和6年4月'],
    ['2024/04-01'],
    ['R06.04/01'],
    ['X06.04.01'],
    ['506041'],
    ['506040111'],
    ['2024/4/1/1'],
    ['令和六年四月一日'],
    ['24/04/01'],
    ['R123.1.1'],
    ['0'],
  ])('%s is an invalid format', (text) => {
    expect(errorOf(text)).toBe('invalid-format');
  });

  it('exports each error code once', () => {
    expect(new Set(warekiErrors)).toEqual(new Set(['empty', 'open-ended', 'invalid-format', 'impossible-date', 'outside-era']));
  });
});

describe('toWareki', () => {
  it.each([
    ['1868-01-25', '明治元年1月25日', 'M1.1.25'],
    ['1912-07-29', '明治45年7月29日', 'M45.7.29'],
    ['1912-07-30', '大正元年7月30日', 'T1.7.30'],
    ['1926-12-24', '大正15年12月24日', 'T15.12.24'],
    ['1926-12-25', '昭和元年12月25日', 'S1.12.25'],
    ['1945-08-15', '昭和20年8月15日', 'S20.8.15'],
    ['1989-01-07', '昭和64年1月7日', 'S64.1.7'],
    ['1989-01-08', '平成元年1月8日', 'H1.1.8'],
    ['2000-02-29', '平成12年2月29日', 'H12.2.29'],
    ['2019-04-30', '平成31年4月30日', 'H31.4.30'],
    ['2019-05-01', '令和元年5月1日', 'R1.5.1'],
    ['2024-04-01', '令和6年4月1日', 'R6.4.1'],
    ['2020-01-01', '令和2年1月1日', 'R2.1.1'],
  ])('%s → %s (%s)', (date, long, short) => {
    expect(toWareki(date)).toBe(long);
    expect(toWarekiShort(date)).toBe(short);
  });

  it('round-trips through parseWareki at every era boundary', () => {
    for (const era of eras) {
      expect(iso(toWareki(era.start))).toBe(era.start);
      if (era.end) expect(iso(toWareki(era.end))).toBe(era.end);
    }
  });

  it('gives the parts for boxed forms', () => {
    const parts = toWarekiParts('2019-05-01');
    expect(parts.era.name).toBe('令和');
    expect(parts).toMatchObject({ yearInEra: 1, month: 5, day: 1 });
  });

  it('throws on dates it cannot name', () => {
    expect(() => toWareki('1868-01-24')).toThrow(RangeError);
    expect(() => toWareki('2024-02-30')).toThrow(RangeError);
    expect(() => toWareki('2024/04/01')).toThrow(RangeError);
    expect(() => toWareki('')).toThrow(RangeError);
    expect(() => toWarekiShort('R6.4.1')).toThrow(RangeError);
  });
});

describe('ISO date helpers', () => {
  it('isIsoDate accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-04-01')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2024-4-1')).toBe(false);
    expect(isIsoDate('2024/04/01')).toBe(false);
    expect(isIsoDate('2024-04-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(' 2024-04-01')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate(20240401)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('compareIsoDates orders dates and rejects non-dates', () => {
    expect(compareIsoDates('2019-04-30', '2019-05-01')).toBe(-1);
    expect(compareIsoDates('2019-05-01', '2019-05-01')).toBe(0);
    expect(compareIsoDates('2020-01-01', '2019-12-31')).toBe(1);
    expect(() => compareIsoDates('2019-5-1', '2019-05-01')).toThrow(RangeError);
  });

  it('addMonths clamps to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-04-01', 12)).toBe('2025-04-01');
    expect(addMonths('2024-04-01', -4)).toBe('2023-12-01');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-04-15', 0)).toBe('2024-04-15');
    expect(() => addMonths('2024-04-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
  });

  it('addDays crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('2000-03-01', -1)).toBe('2000-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2019-05-01', -1)).toBe('2019-04-30');
    expect(addDays('1868-01-25', 365 * 200)).toBe('2067-12-07');
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
  });

  it('a one-year certification period ends the day before the same date next year', () => {
    expect(addDays(addMonths('2024-03-01', 12), -1)).toBe('2025-02-28');
  });
});
