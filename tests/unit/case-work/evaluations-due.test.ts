import { describe, expect, it } from 'vitest';
import { type CarePlan, caseWorkDue, emptyEvaluationForm, evaluationFromForm, type PlanEvaluation } from '../../../shared/index';

const plan: CarePlan = {
  id: 'v1',
  personId: 'person',
  centerId: '01',
  planType: 'preventionPlan',
  planVersion: 1,
  createdOn: '2026-04-01',
  planCategory: 'first',
  planner: '見本 花子',
  goals: [
    { goalId: 'g1', goal: '一人で買い物に行ける' },
    { goalId: 'g2', goal: 'サロンに毎週通う' },
  ],
  evaluationDueOn: '2026-09-30',
  updatedAt: '2026-04-01T00:00:00.000Z',
};

describe('the evaluation form', () => {
  it('starts with one entry per goal and asks for every achievement and the overall decision', () => {
    const values = emptyEvaluationForm(plan, '2026-09-28');
    expect(values.goalEvaluations.map((g) => [g.goalId, g.goal, g.periodFrom, g.periodTo])).toEqual([
      ['g1', '一人で買い物に行ける', '2026-04-01', '2026-09-28'],
      ['g2', 'サロンに毎週通う', '2026-04-01', '2026-09-28'],
    ]);
    expect(values.evaluator).toBe('見本 花子');
    const checked = evaluationFromForm(values, '2026-09-28', plan);
    expect(checked.ok ? [] : checked.errors.map((e) => e.message)).toEqual(['目標1の目標達成状況を選んでください', '目標2の目標達成状況を選んでください', '総合的な方針（今後の計画）を選んでください']);
  });

  it('keeps the reasons and the decision', () => {
    const values = emptyEvaluationForm(plan, '2026-09-28');
    const [first, second] = values.goalEvaluations;
    if (!first || !second) throw new Error('two goals expected');
    values.goalEvaluations = [
      { ...first, achievement: 'achieved' },
      { ...second, achievement: 'notAchieved', personReason: '膝が痛んだ', futurePolicy: '送迎を使う' },
    ];
    values.overallDecision = 'continue';
    const checked = evaluationFromForm(values, '2026-09-28', plan);
    expect(checked).toMatchObject({ ok: true, value: { overallDecision: 'continue', goalEvaluations: [{ goalId: 'g1', achievement: 'achieved' }, { goalId: 'g2', achievement: 'notAchieved', personReason: '膝が痛んだ', futurePolicy: '送迎を使う' }] } });
    expect(evaluationFromForm({ ...values, evaluatedOn: '2026-03-01' }, '2026-09-28', plan)).toMatchObject({ ok: false, errors: [{ field: 'evaluatedOn', message: '評価日は計画作成（変更）日以降の日付にしてください' }] });
  });
});

describe('monitoring and evaluation due dates', () => {
  const visit = (date: string, method: 'homeVisit' | 'phone' = 'homeVisit', businessCategory: 'preventionCareManagement' | 'general' = 'preventionCareManagement') => ({ date, method, businessCategory });

  it('has nothing due without a plan', () => {
    expect(caseWorkDue({ plans: [], evaluations: [], consultations: [visit('2026-05-01')], today: '2026-06-01' })).toBeNull();
  });

  it('counts monitoring from the plan, then from the last home visit of 介護予防ケアマネジメント', () => {
    const due = (consultations: ReturnType<typeof visit>[], today: string) => caseWorkDue({ plans: [plan], evaluations: [], consultations, today })?.monitoring;
    expect(due([], '2026-05-01')).toEqual({ lastOn: undefined, dueOn: '2026-07-01', state: 'notYetDue' });
    expect(due([], '2026-06-20')?.state).toBe('dueSoon');
    expect(due([], '2026-07-02')?.state).toBe('overdue');
    // A phone call or another kind of consultation is not a monitoring visit.
    expect(due([visit('2026-06-01', 'phone'), visit('2026-06-02', 'homeVisit', 'general')], '2026-07-02')?.state).toBe('overdue');
    expect(due([visit('2026-06-15'), visit('2026-05-01')], '2026-07-02')).toEqual({ lastOn: '2026-06-15', dueOn: '2026-09-15', state: 'notYetDue' });
  });

  it('shows the evaluation as due, overdue, done, and ended with nothing more to monitor', () => {
    const evaluation = (decision: PlanEvaluation['overallDecision']): PlanEvaluation => ({ id: 'e', personId: 'person', centerId: '01', planId: 'v1', evaluatedOn: '2026-09-29', goalEvaluations: [], overallDecision: decision, updatedAt: '2026-09-29T00:00:00.000Z' });
    const due = (evaluations: PlanEvaluation[], today: string) => caseWorkDue({ plans: [plan], evaluations, consultations: [], today });
    expect(due([], '2026-09-01')?.evaluation).toEqual({ dueOn: '2026-09-30', state: 'notYetDue', ended: false });
    expect(due([], '2026-10-01')?.evaluation.state).toBe('overdue');
    expect(due([evaluation('continue')], '2026-10-01')?.evaluation).toEqual({ dueOn: '2026-09-30', state: 'done', evaluatedOn: '2026-09-29', ended: false });
    const ended = due([evaluation('end')], '2026-12-01');
    expect(ended?.evaluation.ended).toBe(true);
    expect(ended?.monitoring).toBeNull();
    expect(caseWorkDue({ plans: [{ ...plan, evaluationDueOn: undefined }], evaluations: [], consultations: [], today: '2026-05-01' })?.evaluation.state).toBe('unscheduled');
  });
});
