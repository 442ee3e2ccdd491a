import { describe, expect, it } from 'vitest';
import {
  applyPlanContent,
  type CarePlan,
  currentPlan,
  emptyPlanForm,
  isLatestPlanVersion,
  latestPlanVersions,
  nextPlanVersion,
  planFormOf,
  planFromForm,
  planVersionChain,
  suggestedPlanType,
  type PlanFormValues,
} from '../../../shared/index';

function plan(fields: Partial<CarePlan>): CarePlan {
  return { id: 'p1', personId: 'person', centerId: '01', planType: 'preventionPlan', planVersion: 1, createdOn: '2026-04-01', planCategory: 'first', updatedAt: '2026-04-01T00:00:00.000Z', ...fields };
}

function filledForm(): PlanFormValues {
  const values = emptyPlanForm({ planType: 'preventionPlan', today: '2026-11-20', planner: '見本 花子', eligibility: { careLevel: '13', validFrom: '2026-04-01', validTo: '2027-03-31' } });
  values.goalDay = '朝は近所を散歩する';
  values.goals = [{ goalId: 'g1', goal: '一人で買い物に行ける', measures: '週1回の運動' }];
  values.supportRows = [{ supportPoints: '下肢筋力', selfCareInformal: '毎日体操', services: '通所型サービス', serviceType: '通所', provider: 'ひかり野デイ', periodFrom: '2026-12-01', periodTo: '2027-05-31' }];
  return values;
}

describe('the plan form', () => {
  it('gives the plan content, with the evaluation due when the last support period ends', () => {
    const checked = planFromForm(filledForm());
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value).toMatchObject({ planType: 'preventionPlan', careLevel: '13', goals: [{ goalId: 'g1', goal: '一人で買い物に行ける' }], evaluationDueOn: '2027-05-31', entrusted: false });
    expect(checked.value.assessment).toBeUndefined();
  });

  it('takes no evaluation date from a support period that ended before the plan was made', () => {
    const values = filledForm();
    values.createdOn = '2027-06-01';
    const checked = planFromForm(values);
    expect(checked.ok && checked.value.evaluationDueOn).toBeUndefined();
    expect(planFromForm({ ...values, evaluationDueOn: '2027-05-01' })).toMatchObject({ ok: false, errors: [{ field: 'evaluationDueOn', message: '評価予定日は計画作成（変更）日以降の日付にしてください' }] });
  });

  it('drops empty goals and rows, and names the row and field of every problem', () => {
    const values = filledForm();
    values.goals.push({ goalId: 'g2', goal: '', measures: '' }, { goalId: 'g3', goal: '', measures: '具体策だけ' });
    values.supportRows.push({ supportPoints: '', selfCareInformal: '', services: '', serviceType: '', provider: '', periodFrom: '2027-01-01', periodTo: '2026-12-31' });
    values.entrusted = true;
    values.entrustedProvider = '12345';
    values.validTo = '2026-01-01';
    values.consentBy = '架空 トミ';
    const checked = planFromForm(values);
    expect(checked.ok ? [] : checked.errors).toEqual([
      { field: 'entrustedProvider', message: '委託先の事業者番号は英数字10桁の事業者番号で入力してください' },
      { field: 'validTo', message: '認定の有効期間（終了）は認定の有効期間（開始）以降の日付にしてください' },
      { field: 'goals.2.goal', message: '目標3の目標を入力してください' },
      { field: 'supportRows.1.periodTo', message: '支援計画 2行目の期間（終了）は支援計画 2行目の期間（開始）以降の日付にしてください' },
      { field: 'consentOn', message: '同意者の氏名を入力した場合は同意日も入力してください' },
    ]);
  });

  it('round-trips a saved plan, keeping the legacy texts the form does not show', () => {
    const checked = planFromForm(filledForm());
    if (!checked.ok) throw new Error('form not valid');
    const saved = applyPlanContent(plan({ goalsText: '移行元の目標', planNumber: 'P-1' }), checked.value);
    const again = planFromForm(planFormOf(saved));
    expect(again.ok && applyPlanContent(saved, again.value)).toEqual(saved);
    expect(saved.goalsText).toBe('移行元の目標');
  });
});

describe('plan versions', () => {
  const v1 = plan({ id: 'v1', consentOn: '2026-04-03', consentBy: '架空 トミ', goals: [{ goalId: 'g1', goal: '散歩' }], evaluationDueOn: '2026-09-30', legacy: { file: '08', key: 'x' } });
  const v2 = nextPlanVersion(v1, { id: 'v2', today: '2026-10-01', at: '2026-10-01T00:00:00.000Z', by: 'chuo-cm2' });

  it('start from the previous version, unconsented, as 継続, with the first plan date kept', () => {
    expect(v2).toMatchObject({ id: 'v2', planVersion: 2, previousVersionId: 'v1', createdOn: '2026-10-01', firstCreatedOn: '2026-04-01', planCategory: 'continuation', goals: v1.goals, createdBy: 'chuo-cm2' });
    expect(v2.consentOn).toBeUndefined();
    expect(v2.legacy).toBeUndefined();
    expect(v2.evaluationDueOn).toBeUndefined();
  });

  it('chain: the current plan is the newest version no later one replaces', () => {
    const other = plan({ id: 'o1', planType: 'communityProgramPlan', createdOn: '2025-01-01' });
    const plans = [v2, other, v1];
    expect(currentPlan(plans)?.id).toBe('v2');
    expect(latestPlanVersions(plans).map((p) => p.id)).toEqual(['v2', 'o1']);
    expect(planVersionChain(plans, 'v2').map((p) => p.id)).toEqual(['v1', 'v2']);
    expect(planVersionChain(plans, 'v1').map((p) => p.id)).toEqual(['v1', 'v2']);
    expect(isLatestPlanVersion(plans, v1)).toBe(false);
  });

  it('suggests the form from the certification or the checklist', () => {
    expect(suggestedPlanType('13', false)).toBe('preventionPlan');
    expect(suggestedPlanType('06', false)).toBe('communityProgramPlan');
    expect(suggestedPlanType(undefined, true)).toBe('communityProgramPlan');
  });
});
