// 基本チェックリスト on the screen: the form's values to a document (answers kept raw,
// never a score without them), measurements typed on a tablet, the person's latest
// checklist, and the per-domain counts a care plan prints.
import { type BasicChecklist, checklistMethods } from '../schemas/basic-checklist';
import type { CarePlan } from '../schemas/care-plan';
import { basicChecklistQuestionCount, bmiQuestionNumber } from '../basic-checklist/questions';
import { type BasicChecklistScore, scoreBasicChecklist } from '../basic-checklist/score';
import { caseWorkMessages, fieldLabels, format } from '../messages/ja';
import { type Checked, ErrorList } from './form-errors';

const labels = fieldLabels.basicChecklists;
const m = caseWorkMessages.validation;

export interface ChecklistFormValues {
  conductedOn: string;
  method: string;
  recordedBy: string;
  /** Index i is question i+1: true はい, false いいえ, null unanswered; index 11 stays null. */
  answers: Array<boolean | null>;
  height: string;
  weight: string;
}

export type ChecklistContent = Pick<BasicChecklist, 'conductedOn' | 'method' | 'recordedBy' | 'answers' | 'heightCm' | 'weightKg'>;

export const heightRange = { min: 50, max: 250 } as const;
export const weightRange = { min: 10, max: 300 } as const;

export function emptyChecklistForm(today: string, recordedBy = ''): ChecklistFormValues {
  return { conductedOn: today, method: '', recordedBy, answers: Array.from({ length: basicChecklistQuestionCount }, () => null), height: '', weight: '' };
}

export function checklistFormOf(checklist: BasicChecklist): ChecklistFormValues {
  return {
    conductedOn: checklist.conductedOn,
    method: checklist.method,
    recordedBy: checklist.recordedBy ?? '',
    answers: [...checklist.answers],
    height: checklist.heightCm === undefined ? '' : String(checklist.heightCm),
    weight: checklist.weightKg === undefined ? '' : String(checklist.weightKg),
  };
}

export type Measurement = { state: 'empty' } | { state: 'invalid' } | { state: 'outOfRange' } | { state: 'ok'; value: number };

/** A height or weight as typed: full-width digits accepted, at most one decimal place. */
export function parseMeasurement(text: string, range: { min: number; max: number }): Measurement {
  // NFKC: full-width digits and stop (１５２．５) as a Japanese IME types them.
  const value = text.trim().normalize('NFKC');
  if (value === '') return { state: 'empty' };
  if (!/^\d{1,3}(\.\d)?$/.test(value)) return { state: 'invalid' };
  const number = Number(value);
  return number < range.min || number > range.max ? { state: 'outOfRange' } : { state: 'ok', value: number };
}

const measurementValue = (measurement: Measurement): number | undefined => (measurement.state === 'ok' ? measurement.value : undefined);

/** The score as answers are given: a measurement not yet valid counts as unanswered. */
export function scoreChecklistForm(values: ChecklistFormValues): BasicChecklistScore {
  return scoreBasicChecklist(
    values.answers,
    measurementValue(parseMeasurement(values.height, heightRange)),
    measurementValue(parseMeasurement(values.weight, weightRange)),
  );
}

/**
 * The document's content, or the problems with the fields named. Unanswered questions are
 * not an error: the checklist is then saved as incomplete (and never judged).
 */
export function checklistFromForm(values: ChecklistFormValues, today: string): Checked<ChecklistContent> {
  const errors = new ErrorList();
  const conductedOn = errors.date('conductedOn', labels.conductedOn, values.conductedOn, { required: true, notAfter: today });
  const method = errors.choice('method', labels.method, values.method, checklistMethods);
  const recordedBy = errors.text('recordedBy', labels.recordedBy, values.recordedBy, 200);
  const measure = (field: 'height' | 'weight', label: string, unit: string, range: { min: number; max: number }) => {
    const measurement = parseMeasurement(values[field], range);
    if (measurement.state === 'invalid') errors.add(field, format(m.number, { field: label }));
    if (measurement.state === 'outOfRange') errors.add(field, format(m.range, { field: label, min: range.min, max: range.max, unit }));
    return measurementValue(measurement);
  };
  const heightCm = measure('height', labels.heightCm, caseWorkMessages.checklist.cm, heightRange);
  const weightKg = measure('weight', labels.weightKg, caseWorkMessages.checklist.kg, weightRange);
  if (values.answers.length !== basicChecklistQuestionCount) throw new RangeError(`a checklist has ${basicChecklistQuestionCount} answers, got ${values.answers.length}`);
  const answers = values.answers.map((answer, i) => (i + 1 === bmiQuestionNumber ? null : answer));
  return errors.result(() => ({
    conductedOn: conductedOn as string,
    method: method as BasicChecklist['method'],
    ...(recordedBy !== undefined && { recordedBy }),
    answers,
    ...(heightCm !== undefined && { heightCm }),
    ...(weightKg !== undefined && { weightKg }),
  }));
}

export function scoreOfChecklist(checklist: Pick<BasicChecklist, 'answers' | 'heightCm' | 'weightKg'>): BasicChecklistScore {
  return scoreBasicChecklist([...checklist.answers], checklist.heightCm, checklist.weightKg);
}

/** Newest first: by the day it was conducted, then by when it was written. */
export function newestChecklistFirst(a: BasicChecklist, b: BasicChecklist): number {
  if (a.conductedOn !== b.conductedOn) return a.conductedOn < b.conductedOn ? 1 : -1;
  return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;
}

/** The person's latest complete checklist: an incomplete one is never judged, so a plan cannot count from it. */
export function latestCompleteChecklist<T extends BasicChecklist>(checklists: readonly T[]): T | undefined {
  return [...checklists].sort(newestChecklistFirst).find((c) => scoreOfChecklist(c).complete);
}

export type PlanChecklistCounts = NonNullable<CarePlan['checklist']>;

/** 基本チェックリストの該当数 as the plan form holds them: per domain, scored of questions. */
export function planChecklistCounts(checklist: BasicChecklist): PlanChecklistCounts {
  const score = scoreOfChecklist(checklist);
  const counts: Record<string, unknown> = { checklistId: checklist.id, conductedOn: checklist.conductedOn };
  for (const domain of score.domains) if (domain.domain !== 'lifeFunction') counts[domain.domain] = { scored: domain.scored, of: domain.of };
  return counts as PlanChecklistCounts;
}
