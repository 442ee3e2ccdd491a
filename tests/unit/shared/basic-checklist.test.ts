import { describe, it, expect } from 'vitest';
import {
  scoreBasicChecklist,
  basicChecklistQuestions,
  basicChecklistDomains,
  basicChecklistCriteria,
  basicChecklistCriterionLabels,
  computeBmi,
  type BasicChecklistScore,
} from '../../../shared/index';

// Heights and weights whose BMI sits clearly on one side of 18.5.
const NORMAL = [160, 60] as const; // BMI 23.4
const UNDERWEIGHT = [160, 45] as const; // BMI 17.6

/** Answers under which exactly the given items score 1 (item 12 is left null: BMI decides it). */
function answersScoring(scored: readonly number[]): Array<boolean | null> {
  return basicChecklistQuestions.map((q) => {
    if (q.scoresOn === 'bmi') return null;
    const scores = scored.includes(q.number);
    return q.scoresOn === 'yes' ? scores : !scores;
  });
}

function score(scored: readonly number[], [heightCm, weightKg]: readonly [number, number] = NORMAL): BasicChecklistScore {
  return scoreBasicChecklist(answersScoring(scored), heightCm, weightKg);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function domainCount(result: BasicChecklistScore, domain: string) {
  return result.domains.find((d) => d.domain === domain);
}

describe('the 25 questions as data', () => {
  it('has the 25 questions in order, with the reference wording', () => {
    expect(basicChecklistQuestions.map((q) => q.number)).toEqual(range(1, 25));
    expect(basicChecklistQuestions[0]?.text).toBe('バスや電車で1人で外出していますか');
    expect(basicChecklistQuestions[10]?.text).toBe('6ヵ月間で2～3kg以上の体重減少がありましたか');
    expect(basicChecklistQuestions[11]?.text).toBe('身長・体重 (BMI = kg ÷ m ÷ m)');
    expect(basicChecklistQuestions[17]?.text).toBe('周りの人から「いつも同じ事を聞く」などの物忘れがあると言われますか');
    expect(basicChecklistQuestions[24]?.text).toBe('（ここ2週間）わけもなく疲れたような感じがする');
  });

  it('scores いいえ on 1–8, 16 and 19, BMI on 12, and はい on the rest', () => {
    const by = (kind: string) => basicChecklistQuestions.filter((q) => q.scoresOn === kind).map((q) => q.number);
    expect(by('no')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 16, 19]);
    expect(by('bmi')).toEqual([12]);
    expect(by('yes')).toEqual([9, 10, 11, 13, 14, 15, 17, 18, 20, 21, 22, 23, 24, 25]);
  });

  it('groups the questions into the seven domains with Japanese labels', () => {
    expect(basicChecklistDomains.map((d) => [d.key, d.label, d.planLabel, d.questions])).toEqual([
      ['lifeFunction', '生活機能', null, [1, 2, 3, 4, 5]],
      ['motor', '運動器', '運動不足', [6, 7, 8, 9, 10]],
      ['nutrition', '栄養', '栄養改善', [11, 12]],
      ['oral', '口腔', '口腔内ケア', [13, 14, 15]],
      ['housebound', '閉じこもり', '閉じこもり予防', [16, 17]],
      ['cognitive', '認知', '物忘れ予防', [18, 19, 20]],
      ['depression', 'うつ', 'うつ予防', [21, 22, 23, 24, 25]],
    ]);
  });

  it('labels every criterion in Japanese, in the judging order', () => {
    expect(basicChecklistCriteria).toEqual(['multiple', 'motor', 'nutrition', 'oral', 'housebound', 'cognitive', 'depression']);
    expect(basicChecklistCriterionLabels).toEqual({
      multiple: '複数の項目に支障',
      motor: '運動機能の低下',
      nutrition: '低栄養状態',
      oral: '口腔機能の低下',
      housebound: '閉じこもり',
      cognitive: '認知機能の低下',
      depression: 'うつ病の可能性',
    });
  });
});

describe('scoreBasicChecklist: nothing scored', () => {
  it('is complete, not eligible, and counts zero everywhere', () => {
    const result = score([]);
    expect(result).toMatchObject({ complete: true, missing: [], bmi: 23.4, total1to20: 0, programEligible: false, criteria: [] });
    expect(result.itemScores).toEqual(Array(25).fill(0));
  });
});

describe('scoreBasicChecklist: each criterion at its threshold and one below', () => {
  it('multiple: 10 of items 1–20 qualifies, 9 does not', () => {
    // Items spread so that no single-domain criterion is met on its own.
    const nine = [1, 2, 3, 4, 5, 6, 7, 11, 13];
    expect(score(nine)).toMatchObject({ total1to20: 9, criteria: [], programEligible: false });
    const ten = [...nine, 17];
    expect(score(ten)).toMatchObject({ total1to20: 10, criteria: ['multiple'], programEligible: true });
  });

  it('multiple counts item 12 from the BMI', () => {
    const nine = [1, 2, 3, 4, 5, 6, 7, 13, 17];
    expect(score(nine, NORMAL).criteria).toEqual([]);
    expect(score(nine, UNDERWEIGHT)).toMatchObject({ total1to20: 10, criteria: ['multiple'] });
  });

  it('multiple does not count items 21–25', () => {
    const result = score([1, 2, 3, 4, 5, 6, 7, 11, 13, 21]);
    expect(result.total1to20).toBe(9);
    expect(result.criteria).not.toContain('multiple');
  });

  it('motor: 3 of items 6–10 qualifies, 2 does not', () => {
    expect(score([6, 7]).criteria).toEqual([]);
    expect(score([6, 7, 8]).criteria).toEqual(['motor']);
    expect(score([8, 9, 10]).criteria).toEqual(['motor']);
  });

  it('nutrition: items 11 and 12 both, neither alone', () => {
    expect(score([11], NORMAL).criteria).toEqual([]);
    expect(score([], UNDERWEIGHT).criteria).toEqual([]);
    expect(score([11], UNDERWEIGHT).criteria).toEqual(['nutrition']);
  });

  it('oral: 2 of items 13–15 qualifies, 1 does not', () => {
    expect(score([13]).criteria).toEqual([]);
    expect(score([13, 14]).criteria).toEqual(['oral']);
    expect(score([14, 15]).criteria).toEqual(['oral']);
  });

  it('housebound: item 16 qualifies; item 17 alone never does', () => {
    expect(score([17])).toMatchObject({ criteria: [], programEligible: false });
    expect(score([16]).criteria).toEqual(['housebound']);
    expect(score([16, 17]).criteria).toEqual(['housebound']);
  });

  it('cognitive: 1 of items 18–20 qualifies, 0 does not', () => {
    expect(score([]).criteria).toEqual([]);
    expect(score([18]).criteria).toEqual(['cognitive']);
    expect(score([19]).criteria).toEqual(['cognitive']);
    expect(score([20]).criteria).toEqual(['cognitive']);
  });

  it('depression: 2 of items 21–25 qualifies, 1 does not', () => {
    expect(score([21]).criteria).toEqual([]);
    expect(score([21, 25]).criteria).toEqual(['depression']);
  });

  it('lifeFunction items alone do not qualify, however many', () => {
    expect(score([1, 2, 3, 4, 5]).criteria).toEqual([]);
  });

  it('names every criterion met, in order', () => {
    const result = score(range(1, 25), UNDERWEIGHT);
    expect(result.criteria).toEqual(['multiple', 'motor', 'nutrition', 'oral', 'housebound', 'cognitive', 'depression']);
    expect(result.total1to20).toBe(20);
    expect(result.programEligible).toBe(true);
  });
});

describe('scoreBasicChecklist: BMI (item 12)', () => {
  it('BMI exactly 18.5 does not score; 18.49 does', () => {
    expect(score([11], [200, 74])).toMatchObject({ bmi: 18.5, criteria: [] });
    expect(score([11], [200, 73.96])).toMatchObject({ bmi: 18.5, criteria: ['nutrition'] });
    expect(score([11], [200, 73.96]).itemScores[11]).toBe(1);
    expect(score([11], [200, 74]).itemScores[11]).toBe(0);
  });

  it('judges 18.5 on the exact value where floating point would fall just below it', () => {
    // 47.36 ÷ 1.6² = 18.5 exactly; 47.36 / (1.6 * 1.6) in floating point is 18.499999999999996.
    expect(47.36 / (1.6 * 1.6)).toBeLessThan(18.5);
    expect(score([11], [160, 47.36])).toMatchObject({ bmi: 18.5, criteria: [] });
  });

  it('shows 18.5 rounded while judging the exact value below it as underweight', () => {
    // 47.35 ÷ 1.6² = 18.496…: printed as 18.5, but it scores.
    const result = score([11], [160, 47.35]);
    expect(result.bmi).toBe(18.5);
    expect(result.itemScores[11]).toBe(1);
    expect(result.criteria).toEqual(['nutrition']);
  });

  it('rounds half up to one decimal for display', () => {
    expect(computeBmi(200, 73.8)?.rounded).toBe(18.5); // 18.45
    expect(computeBmi(200, 73.79)?.rounded).toBe(18.4); // 18.4475
    expect(computeBmi(148.5, 41.2)?.rounded).toBe(18.7);
    expect(computeBmi(160, 60)?.rounded).toBe(23.4);
  });

  it('gives the unrounded value too', () => {
    expect(computeBmi(160, 47.35)?.exact).toBeCloseTo(18.49609375, 10);
    expect(computeBmi(160, 45)?.underweight).toBe(true);
  });

  it('ignores answers[11]: item 12 comes only from height and weight', () => {
    const answers = answersScoring([11]);
    answers[11] = true;
    expect(scoreBasicChecklist(answers, ...NORMAL).criteria).toEqual([]);
    answers[11] = false;
    expect(scoreBasicChecklist(answers, ...UNDERWEIGHT).criteria).toEqual(['nutrition']);
  });

  it.each([
    ['no height or weight', undefined, undefined],
    ['no weight', 160, undefined],
    ['no height', undefined, 50],
    ['zero height', 0, 50],
    ['negative weight', 160, -50],
    ['NaN weight', 160, Number.NaN],
    ['infinite height', Number.POSITIVE_INFINITY, 50],
  ])('marks item 12 missing with %s', (_case, heightCm, weightKg) => {
    const result = scoreBasicChecklist(answersScoring([11, 16]), heightCm, weightKg);
    expect(result).toMatchObject({ complete: false, missing: [12], bmi: null, criteria: [], programEligible: false });
    expect(result.itemScores[11]).toBeNull();
  });

  it('treats null height or weight from untyped callers as missing', () => {
    const result = scoreBasicChecklist(answersScoring([]), null as unknown as number, 50);
    expect(result.missing).toEqual([12]);
  });
});

describe('scoreBasicChecklist: incomplete checklists are not judged', () => {
  it('names an unanswered item and does not judge, even when a criterion is already met', () => {
    const answers = answersScoring([6, 7, 8, 16]);
    answers[20] = null;
    const result = scoreBasicChecklist(answers, ...NORMAL);
    expect(result).toMatchObject({ complete: false, missing: [21], criteria: [], programEligible: false });
  });

  it('still counts what was answered', () => {
    const answers = answersScoring([6, 7, 8, 13]);
    answers[9] = null;
    answers[14] = null;
    const result = scoreBasicChecklist(answers);
    expect(result.missing).toEqual([10, 12, 15]);
    expect(result.total1to20).toBe(4);
    expect(domainCount(result, 'motor')).toMatchObject({ scored: 3, answered: 4, of: 5 });
    expect(domainCount(result, 'oral')).toMatchObject({ scored: 1, answered: 2, of: 3 });
    expect(domainCount(result, 'nutrition')).toMatchObject({ scored: 0, answered: 1, of: 2 });
    expect(result.itemScores[9]).toBeNull();
  });

  it('treats an unanswered item as unanswered, not as いいえ', () => {
    // Item 16 scores on いいえ: null must not be read as いいえ.
    const answers = answersScoring([]);
    answers[15] = null;
    const result = scoreBasicChecklist(answers, ...NORMAL);
    expect(result.itemScores[15]).toBeNull();
    expect(domainCount(result, 'housebound')?.scored).toBe(0);
    expect(result.missing).toEqual([16]);
  });

  it('lists every missing item, ascending, when nothing is answered', () => {
    const result = scoreBasicChecklist(Array<boolean | null>(25).fill(null));
    expect(result.missing).toEqual(range(1, 25));
    expect(result).toMatchObject({ complete: false, total1to20: 0, bmi: null, criteria: [], programEligible: false });
  });
});

describe('scoreBasicChecklist: wrong input throws a TypeError', () => {
  it.each([[0], [24], [26]])('rejects %i answers', (length) => {
    expect(() => scoreBasicChecklist(Array<boolean | null>(length).fill(false), ...NORMAL)).toThrow(TypeError);
  });

  it('rejects values other than true, false and null, except at the ignored item 12', () => {
    const answers = answersScoring([]) as unknown[];
    answers[3] = 1;
    expect(() => scoreBasicChecklist(answers as Array<boolean | null>, ...NORMAL)).toThrow(/question 4/);
    const holes = answersScoring([]) as unknown[];
    holes[0] = undefined;
    expect(() => scoreBasicChecklist(holes as Array<boolean | null>, ...NORMAL)).toThrow(TypeError);
    const ignored = answersScoring([]) as unknown[];
    ignored[11] = 'anything';
    expect(() => scoreBasicChecklist(ignored as Array<boolean | null>, ...NORMAL)).not.toThrow();
  });

  it('rejects a non-array', () => {
    expect(() => scoreBasicChecklist('1010' as unknown as Array<boolean | null>)).toThrow(TypeError);
  });
});

describe('scoreBasicChecklist: a realistic checklist', () => {
  it('scores an 82-year-old who has fallen and walks less', () => {
    // はい = true, いいえ = false, exactly as answered on the form; item 12 left empty.
    const Y = true;
    const N = false;
    const answers = [N, Y, Y, N, Y, N, Y, N, Y, Y, N, null, Y, N, N, Y, Y, N, Y, N, N, N, Y, N, N];
    const result = scoreBasicChecklist(answers, 148.5, 41.2);
    expect(result).toMatchObject({
      complete: true,
      missing: [],
      bmi: 18.7,
      total1to20: 8,
      criteria: ['motor'],
      programEligible: true,
    });
    expect(result.itemScores).toEqual([1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect(result.domains.map((d) => `${d.planLabel ?? d.label} ${d.scored}/${d.of}`)).toEqual([
      '生活機能 2/5',
      '運動不足 4/5',
      '栄養改善 0/2',
      '口腔内ケア 1/3',
      '閉じこもり予防 1/2',
      '物忘れ予防 0/3',
      'うつ予防 1/5',
    ]);
  });
});
