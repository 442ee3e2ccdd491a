import { describe, expect, it } from 'vitest';
import {
  type BasicChecklist,
  checklistFormOf,
  checklistFromForm,
  emptyChecklistForm,
  latestCompleteChecklist,
  parseMeasurement,
  planChecklistCounts,
  scoreChecklistForm,
  heightRange,
} from '../../../shared/index';

const today = '2026-11-20';
/** Everything answered so that nothing scores, item 12 left to height and weight. */
const healthy: Array<boolean | null> = [true, true, true, true, true, true, true, true, false, false, false, null, false, false, false, true, false, false, true, false, false, false, false, false, false];

function checklist(fields: Partial<BasicChecklist>): BasicChecklist {
  return { id: 'c', personId: 'p', centerId: '01', conductedOn: '2026-10-01', method: 'visit', answers: healthy, heightCm: 155, weightKg: 50, updatedAt: '2026-10-01T00:00:00.000Z', ...fields };
}

describe('the checklist form', () => {
  it('reads heights and weights typed with a Japanese IME, and refuses what is not a measurement', () => {
    expect(parseMeasurement('１５２．５', heightRange)).toEqual({ state: 'ok', value: 152.5 });
    expect(parseMeasurement('', heightRange)).toEqual({ state: 'empty' });
    expect(parseMeasurement('百五十', heightRange)).toEqual({ state: 'invalid' });
    expect(parseMeasurement('1.52', heightRange)).toEqual({ state: 'invalid' });
    expect(parseMeasurement('15', heightRange)).toEqual({ state: 'outOfRange' });
  });

  it('names the measurement at fault, in Japanese', () => {
    const values = { ...emptyChecklistForm(today), method: 'visit', height: '百五十', weight: '400' };
    expect(checklistFromForm(values, today)).toEqual({
      ok: false,
      errors: [
        { field: 'height', message: '身長は数値で入力してください' },
        { field: 'weight', message: '体重は10〜300kgの範囲で入力してください' },
      ],
    });
  });

  it('saves an incomplete checklist as it is: unanswered stays null, and it is not judged', () => {
    const answers = [...healthy];
    answers[3] = null;
    const values = { ...emptyChecklistForm(today), method: 'counter', answers, height: '150', weight: '' };
    const checked = checklistFromForm(values, today);
    expect(checked).toMatchObject({ ok: true, value: { answers, heightCm: 150 } });
    expect(checked.ok && 'weightKg' in checked.value).toBe(false);
    const score = scoreChecklistForm(values);
    expect(score.complete).toBe(false);
    expect(score.missing).toEqual([4, 12]);
    expect(score.programEligible).toBe(false);
  });

  it('gives the same form back for a saved checklist', () => {
    const saved = checklist({ recordedBy: '見本 花子', heightCm: 152.5 });
    expect(checklistFromForm(checklistFormOf(saved), today)).toEqual({
      ok: true,
      value: { conductedOn: saved.conductedOn, method: saved.method, recordedBy: '見本 花子', answers: saved.answers, heightCm: 152.5, weightKg: 50 },
    });
  });
});

describe('checklist counts for the plan form', () => {
  it('come from the latest complete checklist, never from an incomplete one', () => {
    const frail = [...healthy];
    frail[5] = false; // 6: stairs → scores
    frail[8] = true; // 9: fell → scores
    const older = checklist({ id: 'older', conductedOn: '2026-06-01', answers: frail, weightKg: 40 });
    const newerIncomplete = checklist({ id: 'newer', conductedOn: '2026-11-01', answers: healthy.map((a, i) => (i === 0 ? null : a)) });
    const latest = latestCompleteChecklist([newerIncomplete, older]);
    expect(latest?.id).toBe('older');
    expect(planChecklistCounts(older)).toEqual({
      checklistId: 'older',
      conductedOn: '2026-06-01',
      motor: { scored: 2, of: 5 },
      nutrition: { scored: 1, of: 2 },
      oral: { scored: 0, of: 3 },
      housebound: { scored: 0, of: 2 },
      cognitive: { scored: 0, of: 3 },
      depression: { scored: 0, of: 5 },
    });
    expect(latestCompleteChecklist([newerIncomplete])).toBeUndefined();
  });
});
