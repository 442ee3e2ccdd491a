// 介護予防支援・サービス評価表: the form for one plan version, goal by goal, to a document.
import type { CarePlan } from '../schemas/care-plan';
import { achievements, evaluationDecisions, type PlanEvaluation } from '../schemas/plan-evaluation';
import { caseWorkMessages, format } from '../messages/ja';
import { type Checked, ErrorList } from './form-errors';

const e = caseWorkMessages.evaluation;
const v = caseWorkMessages.validation;

export interface GoalEvaluationValues {
  goalId: string;
  goal: string;
  periodFrom: string;
  periodTo: string;
  achievement: string;
  personReason: string;
  plannerReason: string;
  futurePolicy: string;
}

export interface EvaluationFormValues {
  evaluatedOn: string;
  evaluator: string;
  goalEvaluations: GoalEvaluationValues[];
  overallDecision: string;
  notes: string;
}

export type EvaluationContent = Pick<PlanEvaluation, 'evaluatedOn' | 'evaluator' | 'goalEvaluations' | 'overallDecision' | 'notes'>;

/** A new evaluation of the plan: one entry per goal, over the plan's period up to today. */
export function emptyEvaluationForm(plan: CarePlan, today: string, evaluator = ''): EvaluationFormValues {
  return {
    evaluatedOn: today,
    evaluator: evaluator || (plan.planner ?? ''),
    goalEvaluations: (plan.goals ?? []).map((goal) => ({
      goalId: goal.goalId,
      goal: goal.goal,
      periodFrom: plan.createdOn,
      periodTo: today,
      achievement: '',
      personReason: '',
      plannerReason: '',
      futurePolicy: '',
    })),
    overallDecision: '',
    notes: '',
  };
}

export function evaluationFormOf(evaluation: PlanEvaluation): EvaluationFormValues {
  return {
    evaluatedOn: evaluation.evaluatedOn,
    evaluator: evaluation.evaluator ?? '',
    goalEvaluations: evaluation.goalEvaluations.map((g) => ({
      goalId: g.goalId ?? '',
      goal: g.goal,
      periodFrom: g.periodFrom ?? '',
      periodTo: g.periodTo ?? '',
      achievement: g.achievement ?? '',
      personReason: g.personReason ?? '',
      plannerReason: g.plannerReason ?? '',
      futurePolicy: g.futurePolicy ?? '',
    })),
    overallDecision: evaluation.overallDecision ?? '',
    notes: evaluation.notes ?? '',
  };
}

/** Checks the form: every goal needs its achievement, the plan its overall decision. */
export function evaluationFromForm(values: EvaluationFormValues, today: string, plan: CarePlan): Checked<EvaluationContent> {
  const errors = new ErrorList();
  const evaluatedOn = errors.date('evaluatedOn', e.evaluatedOn, values.evaluatedOn, { required: true, notAfter: today });
  errors.order('evaluatedOn', { label: caseWorkMessages.carePlan.fields.createdOn, value: plan.createdOn }, { label: e.evaluatedOn, value: evaluatedOn });
  const evaluator = errors.text('evaluator', e.evaluator, values.evaluator, 200);
  const goalEvaluations = values.goalEvaluations.map((goal, i) => {
    const label = (field: string) => format(v.goal, { number: i + 1, field });
    const at = (field: string) => `goalEvaluations.${i}.${field}`;
    const periodFrom = errors.date(at('periodFrom'), label(e.periodFrom), goal.periodFrom);
    const periodTo = errors.date(at('periodTo'), label(e.periodTo), goal.periodTo);
    errors.order(at('periodTo'), { label: label(e.periodFrom), value: periodFrom }, { label: label(e.periodTo), value: periodTo });
    const achievement = errors.choice(at('achievement'), label(e.achievement), goal.achievement, achievements);
    const text = (field: 'personReason' | 'plannerReason' | 'futurePolicy') => errors.text(at(field), label(e[field]), goal[field], 20000, { trim: false });
    const personReason = text('personReason');
    const plannerReason = text('plannerReason');
    const futurePolicy = text('futurePolicy');
    return {
      ...(goal.goalId !== '' && { goalId: goal.goalId }),
      goal: goal.goal,
      ...(periodFrom !== undefined && { periodFrom }),
      ...(periodTo !== undefined && { periodTo }),
      ...(achievement !== undefined && { achievement }),
      ...(personReason !== undefined && { personReason }),
      ...(plannerReason !== undefined && { plannerReason }),
      ...(futurePolicy !== undefined && { futurePolicy }),
    };
  });
  const overallDecision = errors.choice('overallDecision', e.overallDecision, values.overallDecision, evaluationDecisions);
  const notes = errors.text('notes', e.notes, values.notes, 20000, { trim: false });
  return errors.result(() => ({
    evaluatedOn: evaluatedOn as string,
    ...(evaluator !== undefined && { evaluator }),
    goalEvaluations,
    overallDecision: overallDecision as PlanEvaluation['overallDecision'],
    ...(notes !== undefined && { notes }),
  }));
}
