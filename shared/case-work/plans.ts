// Care plans (介護予防サービス・支援計画書 / 総合事業の計画): the form to a document, and
// versions. A version is a document of its own that starts from the previous one, so a
// plan the person consented to (and that was printed for them) never changes.
import { assessmentAreas, type CarePlan, planCategories, type PlanType, planTypes } from '../schemas/care-plan';
import { careLevels, isProgramEligibleLevel, isSupportLevel } from '../insurance/care-levels';
import { caseWorkMessages, format } from '../messages/ja';
import { type Checked, ErrorList } from './form-errors';
import type { PlanChecklistCounts } from './checklists';

export type AssessmentArea = (typeof assessmentAreas)[number];

const f = caseWorkMessages.carePlan.fields;
const v = caseWorkMessages.validation;
const sections = caseWorkMessages.carePlan.sections;

export interface AreaValues {
  situation: string;
  wishes: string;
  issues: string;
}

export interface GoalValues {
  goalId: string;
  goal: string;
  measures: string;
}

export interface SupportRowValues {
  supportPoints: string;
  selfCareInformal: string;
  services: string;
  serviceType: string;
  provider: string;
  periodFrom: string;
  periodTo: string;
}

export interface PlanFormValues {
  planType: string;
  createdOn: string;
  firstCreatedOn: string;
  planCategory: string;
  entrusted: boolean;
  entrustedProvider: string;
  careLevel: string;
  certifiedOn: string;
  validFrom: string;
  validTo: string;
  planner: string;
  goalDay: string;
  goalYear: string;
  assessment: Record<AssessmentArea, AreaValues>;
  overallIssues: string;
  goals: GoalValues[];
  supportRows: SupportRowValues[];
  healthNotes: string;
  overallPolicy: string;
  checklist: PlanChecklistCounts | null;
  consentOn: string;
  consentBy: string;
  evaluationDueOn: string;
}

/** The fields the plan form writes; the rest (id, version, legacy texts…) belong to the document. */
export const planFormFields = [
  'planType',
  'createdOn',
  'firstCreatedOn',
  'planCategory',
  'entrusted',
  'entrustedProvider',
  'careLevel',
  'certifiedOn',
  'validFrom',
  'validTo',
  'planner',
  'goalDay',
  'goalYear',
  'assessment',
  'overallIssues',
  'goals',
  'supportRows',
  'healthNotes',
  'overallPolicy',
  'checklist',
  'consentOn',
  'consentBy',
  'evaluationDueOn',
] as const satisfies readonly (keyof CarePlan & keyof PlanFormValues)[];

export type PlanContent = Pick<CarePlan, (typeof planFormFields)[number]>;

const emptyArea = (): AreaValues => ({ situation: '', wishes: '', issues: '' });
export const emptySupportRow = (): SupportRowValues => ({ supportPoints: '', selfCareInformal: '', services: '', serviceType: '', provider: '', periodFrom: '', periodTo: '' });

/** A goal id not used yet in this plan: goals keep their id across versions, so evaluations find them. */
export function nextGoalId(goals: readonly { goalId: string }[]): string {
  let n = goals.length + 1;
  while (goals.some((g) => g.goalId === `g${n}`)) n++;
  return `g${n}`;
}

export interface PlanStart {
  planType: PlanType;
  today: string;
  planner?: string;
  /** From the person's certification (要介護度 and its validity). */
  eligibility?: { careLevel?: string; certifiedOn?: string; validFrom?: string; validTo?: string };
  checklist?: PlanChecklistCounts | null;
}

export function emptyPlanForm(start: PlanStart): PlanFormValues {
  const e = start.eligibility ?? {};
  return {
    planType: start.planType,
    createdOn: start.today,
    firstCreatedOn: start.today,
    planCategory: 'first',
    entrusted: false,
    entrustedProvider: '',
    careLevel: e.careLevel ?? '',
    certifiedOn: e.certifiedOn ?? '',
    validFrom: e.validFrom ?? '',
    validTo: e.validTo ?? '',
    planner: start.planner ?? '',
    goalDay: '',
    goalYear: '',
    assessment: { motor: emptyArea(), dailyLife: emptyArea(), social: emptyArea(), health: emptyArea() },
    overallIssues: '',
    goals: [{ goalId: 'g1', goal: '', measures: '' }],
    supportRows: [emptySupportRow()],
    healthNotes: '',
    overallPolicy: '',
    checklist: start.checklist ?? null,
    consentOn: '',
    consentBy: '',
    evaluationDueOn: '',
  };
}

export function planFormOf(plan: CarePlan): PlanFormValues {
  const area = (key: AssessmentArea): AreaValues => {
    const a = plan.assessment?.[key];
    return { situation: a?.situation ?? '', wishes: a?.wishes ?? '', issues: a?.issues ?? '' };
  };
  return {
    planType: plan.planType,
    createdOn: plan.createdOn,
    firstCreatedOn: plan.firstCreatedOn ?? '',
    planCategory: plan.planCategory,
    entrusted: plan.entrusted ?? false,
    entrustedProvider: plan.entrustedProvider ?? '',
    careLevel: plan.careLevel ?? '',
    certifiedOn: plan.certifiedOn ?? '',
    validFrom: plan.validFrom ?? '',
    validTo: plan.validTo ?? '',
    planner: plan.planner ?? '',
    goalDay: plan.goalDay ?? '',
    goalYear: plan.goalYear ?? '',
    assessment: { motor: area('motor'), dailyLife: area('dailyLife'), social: area('social'), health: area('health') },
    overallIssues: plan.overallIssues ?? '',
    goals: (plan.goals ?? []).map((g) => ({ goalId: g.goalId, goal: g.goal, measures: g.measures ?? '' })),
    supportRows: (plan.supportRows ?? []).map((r) => ({
      supportPoints: r.supportPoints ?? '',
      selfCareInformal: r.selfCareInformal ?? '',
      services: r.services ?? '',
      serviceType: r.serviceType ?? '',
      provider: r.provider ?? '',
      periodFrom: r.periodFrom ?? '',
      periodTo: r.periodTo ?? '',
    })),
    healthNotes: plan.healthNotes ?? '',
    overallPolicy: plan.overallPolicy ?? '',
    checklist: plan.checklist ?? null,
    consentOn: plan.consentOn ?? '',
    consentBy: plan.consentBy ?? '',
    evaluationDueOn: plan.evaluationDueOn ?? '',
  };
}

const long = 20000;
const careLevelCodes = careLevels.map((c) => c.code);

/**
 * Checks the plan form and gives the plan's content. Empty rows are dropped; every
 * problem names its field (and the row or goal) in Japanese. Without an explicit
 * evaluation date, the plan is due for evaluation when its last support period ends
 * (unless that was before the plan was made).
 */
export function planFromForm(values: PlanFormValues): Checked<PlanContent> {
  const errors = new ErrorList();
  const planType = errors.choice('planType', f.planType, values.planType, planTypes);
  const createdOn = errors.date('createdOn', f.createdOn, values.createdOn, { required: true });
  const firstCreatedOn = errors.date('firstCreatedOn', f.firstCreatedOn, values.firstCreatedOn);
  errors.order('firstCreatedOn', { label: f.firstCreatedOn, value: firstCreatedOn }, { label: f.createdOn, value: createdOn });
  const planCategory = errors.choice('planCategory', f.planCategory, values.planCategory, planCategories);
  const entrustedProvider = values.entrusted ? values.entrustedProvider.trim().toUpperCase() : '';
  if (values.entrusted && entrustedProvider === '') errors.add('entrustedProvider', format(v.entrustedProviderRequired, { field: f.entrustedProvider }));
  else if (entrustedProvider !== '' && !/^[0-9A-Z]{10}$/.test(entrustedProvider)) errors.add('entrustedProvider', format(v.providerNumber, { field: f.entrustedProvider }));
  const careLevel = values.careLevel === '' ? undefined : errors.choice('careLevel', f.careLevel, values.careLevel, careLevelCodes);
  const certifiedOn = errors.date('certifiedOn', f.certifiedOn, values.certifiedOn);
  const validFrom = errors.date('validFrom', f.validFrom, values.validFrom);
  const validTo = errors.date('validTo', f.validTo, values.validTo);
  errors.order('validTo', { label: f.validFrom, value: validFrom }, { label: f.validTo, value: validTo });
  const text = (field: string, label: string, value: string) => errors.text(field, label, value, long, { trim: false });

  const planner = errors.text('planner', f.planner, values.planner, 200);
  const goalDay = text('goalDay', f.goalDay, values.goalDay);
  const goalYear = text('goalYear', f.goalYear, values.goalYear);
  const assessment: Record<string, Record<string, string>> = {};
  for (const area of assessmentAreas) {
    const entry: Record<string, string> = {};
    for (const key of ['situation', 'wishes', 'issues'] as const) {
      const value = text(`assessment.${area}.${key}`, `${caseWorkMessages.carePlan.areas[area]}の${f[key]}`, values.assessment[area][key]);
      if (value !== undefined) entry[key] = value;
    }
    if (Object.keys(entry).length > 0) assessment[area] = entry;
  }
  const overallIssues = text('overallIssues', f.overallIssues, values.overallIssues);

  const goals = values.goals.flatMap((goal, i) => {
    const label = (field: string) => format(v.goal, { number: i + 1, field });
    const g = text(`goals.${i}.goal`, label(f.goal), goal.goal);
    const measures = text(`goals.${i}.measures`, label(f.measures), goal.measures);
    if (g === undefined) {
      if (measures !== undefined) errors.add(`goals.${i}.goal`, format(v.required, { field: label(f.goal) }));
      return [];
    }
    return [{ goalId: goal.goalId, goal: g, ...(measures !== undefined && { measures }) }];
  });

  const supportRows = values.supportRows.flatMap((row, i) => {
    const label = (field: string) => format(v.row, { section: sections.support, row: i + 1, field });
    const entry: Record<string, string> = {};
    for (const key of ['supportPoints', 'selfCareInformal', 'services'] as const) {
      const value = text(`supportRows.${i}.${key}`, label(f[key]), row[key]);
      if (value !== undefined) entry[key] = value;
    }
    for (const key of ['serviceType', 'provider'] as const) {
      const value = errors.text(`supportRows.${i}.${key}`, label(f[key]), row[key], 200);
      if (value !== undefined) entry[key] = value;
    }
    const periodFrom = errors.date(`supportRows.${i}.periodFrom`, label(f.periodFrom), row.periodFrom);
    const periodTo = errors.date(`supportRows.${i}.periodTo`, label(f.periodTo), row.periodTo);
    errors.order(`supportRows.${i}.periodTo`, { label: label(f.periodFrom), value: periodFrom }, { label: label(f.periodTo), value: periodTo });
    if (periodFrom !== undefined) entry.periodFrom = periodFrom;
    if (periodTo !== undefined) entry.periodTo = periodTo;
    return Object.keys(entry).length > 0 ? [entry] : [];
  });

  const healthNotes = text('healthNotes', f.healthNotes, values.healthNotes);
  const overallPolicy = text('overallPolicy', f.overallPolicy, values.overallPolicy);
  const consentOn = errors.date('consentOn', f.consentOn, values.consentOn);
  errors.order('consentOn', { label: f.createdOn, value: createdOn }, { label: f.consentOn, value: consentOn });
  const consentBy = errors.text('consentBy', f.consentBy, values.consentBy, 200);
  if (consentBy !== undefined && consentOn === undefined && !errors.has('consentOn')) errors.add('consentOn', format(v.consentByWithoutDate, { field: f.consentBy }));
  const lastPeriodEnd = supportRows.map((r) => r.periodTo).filter((d): d is string => d !== undefined).sort().at(-1);
  const givenDueOn = errors.date('evaluationDueOn', f.evaluationDueOn, values.evaluationDueOn);
  errors.order('evaluationDueOn', { label: f.createdOn, value: createdOn }, { label: f.evaluationDueOn, value: givenDueOn });
  // A period carried over from an earlier version may have ended already: no default then.
  const evaluationDueOn = givenDueOn ?? (lastPeriodEnd !== undefined && createdOn !== undefined && lastPeriodEnd >= createdOn ? lastPeriodEnd : undefined);

  return errors.result(
    () =>
      ({
        planType: planType as PlanType,
        createdOn: createdOn as string,
        ...(firstCreatedOn !== undefined && { firstCreatedOn }),
        planCategory: planCategory as CarePlan['planCategory'],
        entrusted: values.entrusted,
        ...(entrustedProvider !== '' && { entrustedProvider }),
        ...(careLevel !== undefined && { careLevel }),
        ...(certifiedOn !== undefined && { certifiedOn }),
        ...(validFrom !== undefined && { validFrom }),
        ...(validTo !== undefined && { validTo }),
        ...(planner !== undefined && { planner }),
        ...(goalDay !== undefined && { goalDay }),
        ...(goalYear !== undefined && { goalYear }),
        ...(Object.keys(assessment).length > 0 && { assessment }),
        ...(overallIssues !== undefined && { overallIssues }),
        goals,
        supportRows,
        ...(healthNotes !== undefined && { healthNotes }),
        ...(overallPolicy !== undefined && { overallPolicy }),
        ...(values.checklist !== null && { checklist: values.checklist }),
        ...(consentOn !== undefined && { consentOn }),
        ...(consentBy !== undefined && { consentBy }),
        ...(evaluationDueOn !== undefined && { evaluationDueOn }),
      }) as PlanContent,
  );
}

/** The plan with the form's content: fields the form does not write (legacy texts, number) stay. */
export function applyPlanContent(base: CarePlan, content: PlanContent): CarePlan {
  const plan: Record<string, unknown> = { ...base };
  for (const field of planFormFields) delete plan[field];
  return { ...(plan as CarePlan), ...content };
}

/** A consented version is what the person signed: it is read-only, and changes make a new version. */
export function isPlanFixed(plan: CarePlan): boolean {
  return plan.consentOn !== undefined;
}

/** Newest first: by the day it was made, then by version. */
export function newestPlanFirst(a: CarePlan, b: CarePlan): number {
  if (a.createdOn !== b.createdOn) return a.createdOn < b.createdOn ? 1 : -1;
  return b.planVersion - a.planVersion;
}

/** The plans no later version replaces: one per chain of versions, newest first. */
export function latestPlanVersions<T extends CarePlan>(plans: readonly T[]): T[] {
  const replaced = new Set(plans.map((p) => p.previousVersionId).filter((id): id is string => id !== undefined));
  return plans.filter((p) => !replaced.has(p.id)).sort(newestPlanFirst);
}

/** The person's current plan: the newest version that no later one replaces. */
export function currentPlan<T extends CarePlan>(plans: readonly T[]): T | undefined {
  return latestPlanVersions(plans)[0];
}

/** Every version of the plan's chain, oldest first. */
export function planVersionChain<T extends CarePlan>(plans: readonly T[], planId: string): T[] {
  const byId = new Map(plans.map((p) => [p.id, p]));
  const successor = new Map(plans.filter((p) => p.previousVersionId !== undefined).map((p) => [p.previousVersionId as string, p]));
  let first = byId.get(planId);
  if (!first) return [];
  const seen = new Set<string>([first.id]);
  for (let previous = byId.get(first.previousVersionId ?? ''); previous && !seen.has(previous.id); previous = byId.get(previous.previousVersionId ?? '')) {
    seen.add(previous.id);
    first = previous;
  }
  const chain: T[] = [first];
  for (let next = successor.get(first.id); next && !chain.includes(next); next = successor.get(next.id)) chain.push(next);
  return chain;
}

export function isLatestPlanVersion(plans: readonly CarePlan[], plan: CarePlan): boolean {
  return !plans.some((p) => p.previousVersionId === plan.id);
}

/**
 * The next version of a plan, starting from the previous one: same person, goals (with
 * their ids) and support plan; a new date, 継続, and no consent yet. The caller saves it.
 */
export function nextPlanVersion(previous: CarePlan, next: { id: string; today: string; at: string; by: string }): CarePlan {
  const {
    legacy: _legacy,
    consentOn: _consentOn,
    consentBy: _consentBy,
    evaluationDueOn: _evaluationDueOn,
    createdAt: _createdAt,
    createdBy: _createdBy,
    ...kept
  } = previous;
  return {
    ...kept,
    id: next.id,
    planVersion: previous.planVersion + 1,
    previousVersionId: previous.id,
    createdOn: next.today,
    firstCreatedOn: previous.firstCreatedOn ?? previous.createdOn,
    planCategory: 'continuation',
    createdAt: next.at,
    createdBy: next.by,
    updatedAt: next.at,
    updatedBy: next.by,
  };
}

/** Which form a new plan is: 要支援 → 予防給付; 事業対象者 (by certification or checklist) → 総合事業. */
export function suggestedPlanType(careLevel: string | undefined, programEligibleByChecklist: boolean): PlanType {
  if (careLevel !== undefined && isSupportLevel(careLevel)) return 'preventionPlan';
  if ((careLevel !== undefined && isProgramEligibleLevel(careLevel)) || programEligibleByChecklist) return 'communityProgramPlan';
  return 'preventionPlan';
}
