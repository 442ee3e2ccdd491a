import { describe, expect, it } from 'vitest';
import { compileConverter } from '../../../migration/mapping/convert';
import type { ColumnMapping } from '../../../migration/mapping/schema';

const convert = (column: Partial<ColumnMapping> & Pick<ColumnMapping, 'type'>, raw: string) =>
  compileConverter({ column: '項目', ...column }, { sex: { '1': 'male', '2': 'female' } })(raw);
const value = (column: Partial<ColumnMapping> & Pick<ColumnMapping, 'type'>, raw: string) => {
  const result = convert(column, raw);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};
const reason = (column: Partial<ColumnMapping> & Pick<ColumnMapping, 'type'>, raw: string) => {
  const result = convert(column, raw);
  return result.ok ? undefined : result.kind;
};

describe('legacy cells to stored values', () => {
  it('reads every date style of the export, and never guesses an impossible one', () => {
    for (const raw of ['5060401', 'R06.04.01', '令和6年4月1日', 'R06/04/01', '2024/04/01', '２０２４/０４/０１ ']) {
      expect(value({ type: 'date' }, raw)).toBe('2024-04-01');
    }
    expect(value({ type: 'date' }, '令和元年5月1日')).toBe('2019-05-01');
    expect(value({ type: 'date' }, 'H31/04/30')).toBe('2019-04-30');
    expect(value({ type: 'date' }, '0000000')).toBeUndefined();
    expect(value({ type: 'date' }, '')).toBeUndefined();
    expect(reason({ type: 'date' }, '平成31年5月1日')).toBe('dateOutsideEra');
    expect(reason({ type: 'date' }, '5060230')).toBe('dateImpossible');
    expect(reason({ type: 'date' }, '令和6年4月')).toBe('dateFormat');
  });

  it('reads 9999999 as no end only where the mapping says so', () => {
    expect(value({ type: 'date', openEnded: 'absent' }, '9999999')).toBeUndefined();
    expect(reason({ type: 'date' }, '9999999')).toBe('dateOpenEnded');
  });

  it('normalises codes and numbers written in full width, and never pads a code', () => {
    expect(value({ type: 'code', pattern: '^[0-9]{10}$' }, '１０００００００１２ ')).toBe('1000000012');
    expect(value({ type: 'integer' }, '１２')).toBe(12);
    expect(value({ type: 'decimal' }, '１５６.５')).toBe(156.5);
    expect(value({ type: 'code', codes: 'sex' }, '２')).toBe('female');
    expect(reason({ type: 'code', codes: '@careLevel' }, '5')).toBe('code');
    expect(reason({ type: 'code', codes: 'sex' }, '01')).toBe('code');
  });

  it('reads care-level and independence codes through the shared tables', () => {
    expect(value({ type: 'code', codes: '@careLevel' }, '12')).toBe('12');
    expect(value({ type: 'code', codes: '@dementiaIndependence' }, 'IIa')).toBe('Ⅱa');
    expect(value({ type: 'code', codes: '@disabilityIndependence' }, 'ａ２')).toBe('A2');
  });

  it('stores half-width kana full-width, spaces made one full-width space', () => {
    expect(value({ type: 'kana' }, 'ﾔﾏﾀﾞ ﾀﾛｳ  ')).toBe('ヤマダ\u3000タロウ');
  });

  it('trims trailing padding of text but keeps its line breaks', () => {
    expect(value({ type: 'text' }, '膝が痛い。\r\n階段がつらい。\u3000 ')).toBe('膝が痛い。\n階段がつらい。');
    expect(value({ type: 'text' }, '   ')).toBeUndefined();
  });

  it('reads flags, answers and times the legacy ways', () => {
    expect(['1', '○', '0', ''].map((raw) => value({ type: 'flag' }, raw))).toEqual([true, true, false, false]);
    expect(reason({ type: 'flag' }, 'Y')).toBe('flag');
    expect(['1', '0', ''].map((raw) => value({ type: 'yesNo' }, raw))).toEqual([true, false, null]);
    expect(value({ type: 'time' }, '0930')).toBe('09:30');
    expect(value({ type: 'time' }, '9:05')).toBe('09:05');
    expect(reason({ type: 'time' }, '2575')).toBe('time');
    expect(reason({ type: 'time' }, '930')).toBe('time');
  });

  it('takes a file name, never a path out of its folder', () => {
    expect(value({ type: 'file', folder: 'images' }, 'IMG0001.pdf')).toBe('IMG0001.pdf');
    expect(reason({ type: 'file', folder: 'images' }, '../18_person.csv')).toBe('fileName');
  });

  it('names the column and the value in Japanese', () => {
    const result = convert({ type: 'date', column: '相談日' }, 'R05.02.30');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe('相談日「R05.02.30」は存在しない日付です');
  });
});
