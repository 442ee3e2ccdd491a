// When a person's plan needs monitoring and evaluation, and which of them are overdue.
//
// Monitoring (介護予防支援) is a home visit at least once every 3 months. It is counted
// from the consultation records: a 介護予防ケアマネジメント record made by 訪問 is a
// monitoring visit. That rule needs no field of its own, so records migrated from the
// legacy system count too. The clock starts at the plan's creation (its assessment
// visit) or the last monitoring visit, whichever is later.
//
// Evaluation is due on the plan's 評価予定日 (by default the end of its last support
// period) and is done once an evaluation of that plan version exists.
import { addDays, addMonths } from '../wareki/calendar';
import type { CarePlan } from '../schemas/care-plan';
import type { Consultation } from '../schemas/consultation';
import type { PlanEvaluation } from '../schemas/plan-evaluation';
import { currentPlan } from './plans';

export type DueState = 'overdue' | 'dueSoon' | 'notYetDue' | 'done';

export const monitoringIntervalMonths = 3;
/** How far ahead a due date is flagged as coming up. */
export const dueSoonDays = 14;

export interface MonitoringDue {
  /** The last monitoring visit since the plan began, if any. */
  lastOn: string | undefined;
  dueOn: string;
  state: Exclude<DueState, 'done'>;
}

export interface EvaluationDue {
  /** Undefined when the plan names no evaluation date and has no support period to end. */
  dueOn: string | undefined;
  state: DueState | 'unscheduled';
  evaluatedOn?: string;
  /** The evaluation decided to end the plan: nothing further is due. */
  ended: boolean;
}

export interface CaseWorkDue {
  plan: CarePlan;
  /** Null once the plan has ended. */
  monitoring: MonitoringDue | null;
  evaluation: EvaluationDue;
}

export function isMonitoringVisit(record: Pick<Consultation, 'businessCategory' | 'method'>): boolean {
  return record.businessCategory === 'preventionCareManagement' && record.method === 'homeVisit';
}

function stateOf(dueOn: string, today: string, soonDays: number): Exclude<DueState, 'done'> {
  if (today > dueOn) return 'overdue';
  return addDays(today, soonDays) >= dueOn ? 'dueSoon' : 'notYetDue';
}

/** Null when the person has no care plan. All dates ISO; `today` in the user's calendar. */
export function caseWorkDue(input: {
  plans: readonly CarePlan[];
  evaluations: readonly PlanEvaluation[];
  consultations: readonly Pick<Consultation, 'businessCategory' | 'method' | 'date'>[];
  today: string;
  soonDays?: number;
}): CaseWorkDue | null {
  const plan = currentPlan(input.plans);
  if (!plan) return null;
  const soon = input.soonDays ?? dueSoonDays;
  const evaluation = input.evaluations
    .filter((e) => e.planId === plan.id)
    .sort((a, b) => (a.evaluatedOn < b.evaluatedOn ? 1 : -1))[0];
  const ended = evaluation?.overallDecision === 'end';

  let monitoring: MonitoringDue | null = null;
  if (!ended) {
    const lastOn = input.consultations
      .filter((c) => isMonitoringVisit(c) && c.date >= plan.createdOn && c.date <= input.today)
      .map((c) => c.date)
      .sort()
      .at(-1);
    const dueOn = addMonths(lastOn ?? plan.createdOn, monitoringIntervalMonths);
    monitoring = { lastOn, dueOn, state: stateOf(dueOn, input.today, soon) };
  }

  const dueOn = plan.evaluationDueOn;
  let evaluationDue: EvaluationDue;
  if (evaluation) evaluationDue = { dueOn, state: 'done', evaluatedOn: evaluation.evaluatedOn, ended };
  else if (dueOn === undefined) evaluationDue = { dueOn, state: 'unscheduled', ended: false };
  else evaluationDue = { dueOn, state: stateOf(dueOn, input.today, soon), ended: false };

  return { plan, monitoring, evaluation: evaluationDue };
}
