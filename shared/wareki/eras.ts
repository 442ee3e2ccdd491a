// The five modern eras. Each era ends the day before the next one starts; 明治 is
// the earliest the system supports (nobody in a care record was born earlier).

export type EraKey = 'meiji' | 'taisho' | 'showa' | 'heisei' | 'reiwa';
export type EraName = '明治' | '大正' | '昭和' | '平成' | '令和';
export type EraLetter = 'M' | 'T' | 'S' | 'H' | 'R';
/** The era digit of the legacy 7-digit date format (`5060401` = 令和6年4月1日). */
export type EraDigit = 1 | 2 | 3 | 4 | 5;

export interface Era {
  readonly key: EraKey;
  readonly name: EraName;
  readonly letter: EraLetter;
  readonly digit: EraDigit;
  /** First day, ISO. */
  readonly start: string;
  /** Last day, ISO; null for the current era. */
  readonly end: string | null;
}

export const eras: readonly Era[] = [
  { key: 'meiji', name: '明治', letter: 'M', digit: 1, start: '1868-01-25', end: '1912-07-29' },
  { key: 'taisho', name: '大正', letter: 'T', digit: 2, start: '1912-07-30', end: '1926-12-24' },
  { key: 'showa', name: '昭和', letter: 'S', digit: 3, start: '1926-12-25', end: '1989-01-07' },
  { key: 'heisei', name: '平成', letter: 'H', digit: 4, start: '1989-01-08', end: '2019-04-30' },
  { key: 'reiwa', name: '令和', letter: 'R', digit: 5, start: '2019-05-01', end: null },
];

export const earliestSupportedDate = '1868-01-25';

export function eraStartYear(era: Era): number {
  return Number(era.start.slice(0, 4));
}

/** Whether an ISO date lies within the era (both ends inclusive). */
export function isWithinEra(era: Era, iso: string): boolean {
  return iso >= era.start && (era.end === null || iso <= era.end);
}

/** The era an ISO date falls in, or undefined before 明治. */
export function eraOf(iso: string): Era | undefined {
  return eras.find((era) => isWithinEra(era, iso));
}

export function findEra(token: string): Era | undefined {
  return eras.find((era) => era.name === token || era.letter === token || String(era.digit) === token);
}
