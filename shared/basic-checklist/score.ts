import { computeBmi } from './bmi';
import {
  type BasicChecklistCriterion,
  type BasicChecklistDomain,
  basicChecklistCriteria,
  basicChecklistDomains,
  basicChecklistQuestionCount,
  basicChecklistQuestions,
  bmiQuestionNumber,
} from './questions';

export type BasicChecklistAnswer = boolean | null;

export interface BasicChecklistDomainCount {
  readonly domain: BasicChecklistDomain;
  readonly label: string;
  readonly planLabel: string | null;
  /** Items of the domain that score 1. */
  readonly scored: number;
  /** Items of the domain that have an answer (item 12: a valid height and weight). */
  readonly answered: number;
  /** Items in the domain. */
  readonly of: number;
}

export interface BasicChecklistScore {
  /** Every item 1–25 answered and item 12 computable. Only a complete checklist is judged. */
  readonly complete: boolean;
  /** 1-based numbers of what is missing, ascending; 12 when height or weight is not usable. */
  readonly missing: number[];
  /** BMI rounded to one decimal for display, or null; item 12 is judged on the exact value. */
  readonly bmi: number | null;
  /** Per item 1–25: 1 scored, 0 not scored, null unanswered. */
  readonly itemScores: Array<0 | 1 | null>;
  /** Items 1–20 that score 1 (of those answered). */
  readonly total1to20: number;
  readonly domains: BasicChecklistDomainCount[];
  /** Every criterion met, in the order of basicChecklistCriteria; empty when incomplete. */
  readonly criteria: BasicChecklistCriterion[];
  /** 事業対象者: complete and at least one criterion met. */
  readonly programEligible: boolean;
}

function checkAnswers(answers: readonly BasicChecklistAnswer[]): void {
  if (!Array.isArray(answers)) throw new TypeError('answers must be an array of 25 entries (true/false/null)');
  if (answers.length !== basicChecklistQuestionCount) {
    throw new TypeError(`answers must have exactly 25 entries (question i+1 at index i), got ${answers.length}`);
  }
  for (let i = 0; i < answers.length; i++) {
    const answer: unknown = answers[i];
    if (i + 1 !== bmiQuestionNumber && answer !== true && answer !== false && answer !== null) {
      throw new TypeError(`answers[${i}] (question ${i + 1}) must be true, false or null, got ${String(answer)}`);
    }
  }
}

/**
 * Scores a 基本チェックリスト. `answers[i]` is question i+1: true はい, false いいえ, null
 * unanswered; answers[11] is ignored because item 12 comes from height and weight.
 * Throws a TypeError unless answers has exactly 25 entries, each true, false or null: a
 * shorter array is a caller's mistake, not a partly answered form.
 * An incomplete checklist is never judged: complete false, criteria empty, programEligible
 * false, while the counts of what was answered are still given.
 */
export function scoreBasicChecklist(answers: Array<boolean | null>, heightCm?: number, weightKg?: number): BasicChecklistScore {
  checkAnswers(answers);
  const bmi = computeBmi(heightCm, weightKg);

  const itemScores = basicChecklistQuestions.map((question): 0 | 1 | null => {
    if (question.scoresOn === 'bmi') return bmi === null ? null : bmi.underweight ? 1 : 0;
    const answer = answers[question.number - 1];
    if (answer === null || answer === undefined) return null;
    return answer === (question.scoresOn === 'yes') ? 1 : 0;
  });
  const scoreOf = (n: number) => itemScores[n - 1] ?? null;
  const count = (numbers: readonly number[]) => numbers.filter((n) => scoreOf(n) === 1).length;
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  const missing = itemScores.flatMap((score, i) => (score === null ? [i + 1] : []));
  const complete = missing.length === 0;
  const total1to20 = count(range(1, 20));

  const met: Record<BasicChecklistCriterion, boolean> = {
    multiple: total1to20 >= 10,
    motor: count(range(6, 10)) >= 3,
    nutrition: scoreOf(11) === 1 && scoreOf(12) === 1,
    oral: count(range(13, 15)) >= 2,
    // Item 17 alone never qualifies: only 16 (going out less than weekly) does.
    housebound: scoreOf(16) === 1,
    cognitive: count(range(18, 20)) >= 1,
    depression: count(range(21, 25)) >= 2,
  };
  const criteria = complete ? basicChecklistCriteria.filter((key) => met[key]) : [];

  return {
    complete,
    missing,
    bmi: bmi?.rounded ?? null,
    itemScores,
    total1to20,
    domains: basicChecklistDomains.map((domain) => ({
      domain: domain.key,
      label: domain.label,
      planLabel: domain.planLabel,
      scored: count(domain.questions),
      answered: domain.questions.filter((n) => scoreOf(n) !== null).length,
      of: domain.questions.length,
    })),
    criteria,
    programEligible: criteria.length > 0,
  };
}
