import { describe, it, expect } from 'vitest';
import {
  normalizeDigits,
  isValidInsuredNumber,
  isValidInsurerNumber,
  careLevels,
  careLevelLabel,
  isCareLevelCode,
  isSupportLevel,
  isProgramEligibleLevel,
  isCareLevel,
  careLevelCode,
  dementiaIndependenceLevels,
  disabilityIndependenceLevels,
  isDementiaIndependenceLevel,
  isDisabilityIndependenceLevel,
  toDementiaIndependenceLevel,
  toDisabilityIndependenceLevel,
  type CareLevelCode,
} from '../../../shared/index';

describe('normalizeDigits', () => {
  it('turns full-width digits into ASCII and leaves everything else', () => {
    expect(normalizeDigits('０１２３４５６７８９')).toBe('0123456789');
    expect(normalizeDigits('１２ab３－４')).toBe('12ab3－4');
    expect(normalizeDigits('')).toBe('');
  });
});

describe('isValidInsuredNumber', () => {
  it.each([['0123456789'], ['０１２３４５６７８９'], ['01234５６７８９'], ['  0123456789  '], ['　0123456789　'], ['0000000000']])('accepts %j', (text) => {
    expect(isValidInsuredNumber(text)).toBe(true);
  });

  it.each([
    [''],
    ['012345678'],
    ['01234567890'],
    ['012345678a'],
    ['0123-456789'],
    ['01234 56789'],
    ['０１２３４５６７８'],
    ['١٢٣٤٥٦٧٨٩٠'],
    ['+123456789'],
    ['1.23456789'],
  ])('rejects %j', (text) => {
    expect(isValidInsuredNumber(text)).toBe(false);
  });

  it('rejects non-strings from untyped callers', () => {
    expect(isValidInsuredNumber(123456789 as unknown as string)).toBe(false);
    expect(isValidInsuredNumber(null as unknown as string)).toBe(false);
  });
});

describe('isValidInsurerNumber', () => {
  it('accepts exactly 6 digits, half- or full-width', () => {
    expect(isValidInsurerNumber('131016')).toBe(true);
    expect(isValidInsurerNumber('１３１０１６')).toBe(true);
    expect(isValidInsurerNumber(' 131016 ')).toBe(true);
  });

  it('rejects other lengths and characters', () => {
    expect(isValidInsurerNumber('13101')).toBe(false);
    expect(isValidInsurerNumber('1310160')).toBe(false);
    expect(isValidInsurerNumber('13101A')).toBe(false);
    expect(isValidInsurerNumber('')).toBe(false);
  });
});

describe('care levels (要介護度)', () => {
  it('has the twelve codes of legacy/FORMAT.md with their labels', () => {
    expect(careLevels.map(({ code, label }) => `${code} ${label}`)).toEqual([
      '01 非該当',
      '06 事業対象者',
      '09 みなし非該当',
      '12 要支援1',
      '13 要支援2',
      '19 みなし要支援',
      '21 要介護1',
      '22 要介護2',
      '23 要介護3',
      '24 要介護4',
      '25 要介護5',
      '99 なし',
    ]);
  });

  it('agrees with the codes the schemas validate against', () => {
    expect(careLevels.map(({ code }) => code)).toEqual([...careLevelCode.enum]);
  });

  it('labels known codes and returns undefined for others', () => {
    expect(careLevelLabel('06')).toBe('事業対象者');
    expect(careLevelLabel('25')).toBe('要介護5');
    expect(careLevelLabel('1')).toBeUndefined();
    expect(careLevelLabel('26')).toBeUndefined();
  });

  it('recognises codes only in their zero-padded string form', () => {
    expect(isCareLevelCode('01')).toBe(true);
    expect(isCareLevelCode('99')).toBe(true);
    expect(isCareLevelCode('1')).toBe(false);
    expect(isCareLevelCode('02')).toBe(false);
    expect(isCareLevelCode(12)).toBe(false);
    expect(isCareLevelCode('')).toBe(false);
  });

  it('classifies every code into at most one of support, program-eligible and care', () => {
    const classify = (code: CareLevelCode) =>
      [isSupportLevel(code) && 'support', isProgramEligibleLevel(code) && 'program', isCareLevel(code) && 'care'].filter(Boolean);
    const table = Object.fromEntries(careLevels.map(({ code }) => [code, classify(code)]));
    expect(table).toEqual({
      '01': [],
      '06': ['program'],
      '09': [],
      '12': ['support'],
      '13': ['support'],
      '19': [],
      '21': ['care'],
      '22': ['care'],
      '23': ['care'],
      '24': ['care'],
      '25': ['care'],
      '99': [],
    });
  });
});

describe('independence levels (自立度)', () => {
  it('lists the dementia and disability scales of legacy/FORMAT.md', () => {
    expect(dementiaIndependenceLevels).toEqual(['自立', 'Ⅰ', 'Ⅱa', 'Ⅱb', 'Ⅲa', 'Ⅲb', 'Ⅳ', 'M']);
    expect(disabilityIndependenceLevels).toEqual(['自立', 'J1', 'J2', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
  });

  it('recognises the exact values only', () => {
    expect(isDementiaIndependenceLevel('Ⅱa')).toBe(true);
    expect(isDementiaIndependenceLevel('IIa')).toBe(false);
    expect(isDisabilityIndependenceLevel('J1')).toBe(true);
    expect(isDisabilityIndependenceLevel('J3')).toBe(false);
  });

  it.each([
    ['自立', '自立'],
    ['Ⅰ', 'Ⅰ'],
    ['I', 'Ⅰ'],
    ['IIa', 'Ⅱa'],
    ['ii a', 'Ⅱa'],
    ['Ⅱａ', 'Ⅱa'],
    ['ＩＩｂ', 'Ⅱb'],
    ['IIIa', 'Ⅲa'],
    ['Ⅲb', 'Ⅲb'],
    ['IV', 'Ⅳ'],
    ['Ⅳ', 'Ⅳ'],
    ['m', 'M'],
    ['Ｍ', 'M'],
  ])('reads the dementia level %j as %s', (text, level) => {
    expect(toDementiaIndependenceLevel(text)).toBe(level);
  });

  it.each([['Ⅱ'], ['Ⅲ'], ['V'], ['IIc'], [''], ['2a']])('does not guess a dementia level from %j', (text) => {
    expect(toDementiaIndependenceLevel(text)).toBeNull();
  });

  it('reads disability levels in any width and case, and nothing else', () => {
    expect(toDisabilityIndependenceLevel('ｊ１')).toBe('J1');
    expect(toDisabilityIndependenceLevel(' C2 ')).toBe('C2');
    expect(toDisabilityIndependenceLevel('自立')).toBe('自立');
    expect(toDisabilityIndependenceLevel('J')).toBeNull();
    expect(toDisabilityIndependenceLevel('D1')).toBeNull();
  });
});
