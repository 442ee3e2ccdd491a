// The two independence scales of the 高齢者台帳. The value lists live with the person
// schema (which validates against them); this module adds their types and reads the
// spellings the legacy export and keyboards produce (II a, ＩＩａ, Ⅱａ, ｊ１).
import { dementiaIndependenceLevels, disabilityIndependenceLevels } from '../schemas/person';

export { dementiaIndependenceLevels, disabilityIndependenceLevels };

/** 認知症高齢者の日常生活自立度. */
export type DementiaIndependenceLevel = (typeof dementiaIndependenceLevels)[number];
/** 障害高齢者の日常生活自立度 (寝たきり度). */
export type DisabilityIndependenceLevel = (typeof disabilityIndependenceLevels)[number];

// NFKC spells Ⅱ as II and ａ as a, so one key covers Roman-numeral signs, Latin letters
// and full-width forms alike.
function levelKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}

function matcher<T extends string>(levels: readonly T[]): (text: string) => T | null {
  const byKey = new Map(levels.map((level) => [levelKey(level), level]));
  return (text) => (typeof text === 'string' ? (byKey.get(levelKey(text)) ?? null) : null);
}

export function isDementiaIndependenceLevel(value: unknown): value is DementiaIndependenceLevel {
  return typeof value === 'string' && (dementiaIndependenceLevels as readonly string[]).includes(value);
}

export function isDisabilityIndependenceLevel(value: unknown): value is DisabilityIndependenceLevel {
  return typeof value === 'string' && (disabilityIndependenceLevels as readonly string[]).includes(value);
}

/** The level a legacy or typed spelling stands for (IIa, Ⅱａ, ii a → Ⅱa), or null: never a guess (Ⅱ alone is null). */
export const toDementiaIndependenceLevel: (text: string) => DementiaIndependenceLevel | null = matcher(dementiaIndependenceLevels);

/** The level a legacy or typed spelling stands for (ｊ１, j1 → J1), or null. */
export const toDisabilityIndependenceLevel: (text: string) => DisabilityIndependenceLevel | null = matcher(disabilityIndependenceLevels);
