import { type CarePlan, caseWorkMessages, format, planTypes } from '../../../shared/index';

const m = caseWorkMessages.carePlan;

export const planKindOptions = planTypes.map((value) => ({ value, label: m.kinds[value] }));

/** e.g. 介護予防サービス・支援計画書 第2版 */
export function planTitle(plan: Pick<CarePlan, 'planType' | 'planVersion'>): string {
  return format(m.viewTitle, { kind: m.kinds[plan.planType], version: plan.planVersion });
}

export const planPath = (plan: Pick<CarePlan, 'personId' | 'id'>): string => `/persons/${plan.personId}/plans/${plan.id}`;
