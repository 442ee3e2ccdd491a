import { parseIsoDate } from './calendar';
import { type Era, eraOf, eraStartYear } from './eras';

export interface WarekiParts {
  readonly era: Era;
  /** 1 for 元年. */
  readonly yearInEra: number;
  readonly month: number;
  readonly day: number;
}

/** The era, year in era, month and day of an ISO date, for forms that print them in boxes. */
export function toWarekiParts(iso: string): WarekiParts {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  const era = eraOf(iso);
  if (!era) throw new RangeError(`before 明治 (1868-01-25), which has no supported era: ${iso}`);
  return { era, yearInEra: date.year - eraStartYear(era) + 1, month: date.month, day: date.day };
}

/**
 * `2024-04-01` → `令和6年4月1日`, with 元年 for an era's first year. Throws a RangeError
 * for anything but a valid ISO date from 1868-01-25 on: callers hold validated dates,
 * and a wrong era printed on an official form is worse than a visible failure.
 */
export function toWareki(iso: string): string {
  const { era, yearInEra, month, day } = toWarekiParts(iso);
  return `${era.name}${yearInEra === 1 ? '元' : yearInEra}年${month}月${day}日`;
}

/** `2024-04-01` → `R6.4.1`, for narrow table columns; the first year is `1`, not 元. */
export function toWarekiShort(iso: string): string {
  const { era, yearInEra, month, day } = toWarekiParts(iso);
  return `${era.letter}${yearInEra}.${month}.${day}`;
}
