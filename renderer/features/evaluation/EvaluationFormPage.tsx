import { useNavigate, useParams } from 'react-router-dom';
import {
  achievements,
  type CarePlan,
  caseWorkMessages,
  choiceLabels,
  emptyEvaluationForm,
  evaluationDecisions,
  evaluationFormOf,
  evaluationFromForm,
  type EvaluationContent,
  type EvaluationFormValues,
  format,
  type Person,
  type PlanEvaluation,
} from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import type { OpenSession } from '../../session/session-service';
import { auditCaseWork, caseWorkMenus, documentRef } from '../case-work/audit';
import { todayIso } from '../case-work/dates';
import { ChoiceField, DateField, ErrorSummary, errorOf, TextAreaField, TextInputField } from '../case-work/fields';
import { CaseHeading, DraftStatus, Loading, NotFound, PersonFrame, SaveBar } from '../case-work/frame';
import { newRecordId, usePersonRecords } from '../case-work/records';
import { useDraft } from '../case-work/use-draft';
import { useFormSave } from '../case-work/use-form-save';
import { planPath, planTitle } from '../care-plan/labels';

const m = caseWorkMessages.evaluation;
const achievementOptions = achievements.map((value) => ({ value, label: choiceLabels.achievements[value] }));
const decisionOptions = evaluationDecisions.map((value) => ({ value, label: choiceLabels.evaluationDecisions[value] }));

/** /persons/:personId/plans/:planId/evaluations/new and /persons/:personId/evaluations/:evaluationId/edit. */
export function EvaluationFormPage() {
  return <PersonFrame>{(person) => <EvaluationLoader person={person} />}</PersonFrame>;
}

function EvaluationLoader({ person }: { person: Person }) {
  const session = useOpenSession();
  const { planId, evaluationId } = useParams();
  const plans = usePersonRecords(session.db, 'carePlans', person.id);
  const evaluations = usePersonRecords(session.db, 'planEvaluations', person.id);
  if (!plans || !evaluations) return <Loading />;
  const evaluation = evaluationId ? evaluations.find((e) => e.id === evaluationId) : undefined;
  const plan = plans.find((p) => p.id === (evaluation?.planId ?? planId));
  if (!plan || (evaluationId && !evaluation)) return <NotFound />;
  return <EvaluationForm person={person} plan={plan} record={evaluation} />;
}

async function save(session: OpenSession, person: Person, plan: CarePlan, content: EvaluationContent, record: PlanEvaluation | undefined): Promise<string> {
  const now = new Date().toISOString();
  let id: string;
  if (record) {
    id = record.id;
    const doc = await session.db.planEvaluations.findOne(record.id).exec();
    if (!doc) throw new Error(caseWorkMessages.common.notFound);
    await doc.incrementalModify((latest) => {
      // Fields the form may leave empty are removed rather than kept from before.
      const { evaluator: _e, notes: _n, overallDecision: _d, ...rest } = latest;
      return { ...rest, ...content, updatedAt: now, updatedBy: session.userId };
    });
  } else {
    id = newRecordId('evaluation');
    await session.db.planEvaluations.insert({ id, personId: person.id, centerId: person.centerId, planId: plan.id, ...content, createdAt: now, createdBy: session.userId, updatedAt: now, updatedBy: session.userId });
  }
  await auditCaseWork(session, { menu: caseWorkMenus.evaluation, operation: record ? 'update' : 'create', centerId: person.centerId, personId: person.id, documentId: documentRef('planEvaluations', id) });
  return id;
}

function EvaluationForm({ person, plan, record }: { person: Person; plan: CarePlan; record?: PlanEvaluation }) {
  const session = useOpenSession();
  const navigate = useNavigate();
  const today = todayIso();
  const draft = useDraft(session, { kind: 'planEvaluations', personId: person.id, centerId: person.centerId, documentId: record?.id, variant: record ? undefined : plan.id }, () =>
    record ? evaluationFormOf(record) : emptyEvaluationForm(plan, today),
  );
  const values = draft.values;
  const form = useFormSave({
    check: () => (values ? evaluationFromForm(values, todayIso(), plan) : { ok: false, errors: [] }),
    save: async (content) => ({ savedId: await save(session, person, plan, content, record) }),
    draft,
    onSaved: (id) => void navigate(`/persons/${person.id}/evaluations/${id}`, { state: { saved: true } }),
  });
  if (!values) return <Loading />;
  const set = <K extends keyof EvaluationFormValues>(field: K) => (value: EvaluationFormValues[K]) => draft.setValues((v) => ({ ...v, [field]: value }));
  const setGoal = (index: number, field: keyof EvaluationFormValues['goalEvaluations'][number]) => (value: string) =>
    draft.setValues((v) => ({ ...v, goalEvaluations: v.goalEvaluations.map((g, i) => (i === index ? { ...g, [field]: value } : g)) }));
  const err = (field: string) => errorOf(form.errors, field);

  return (
    <div className="case-work">
      <CaseHeading person={person} title={format(m.newTitle, { kind: caseWorkMessages.carePlan.kinds[plan.planType], version: plan.planVersion })} back={{ to: planPath(plan), label: planTitle(plan) }} />
      <ErrorSummary errors={form.errors} />
      <form className="case-form" noValidate onSubmit={form.onSubmit}>
        <div className="field-row-group">
          <DateField name="evaluatedOn" label={m.evaluatedOn} required value={values.evaluatedOn} max={today} onChange={set('evaluatedOn')} error={err('evaluatedOn')} />
          <TextInputField name="evaluator" label={m.evaluator} value={values.evaluator} onChange={set('evaluator')} error={err('evaluator')} />
        </div>
        {values.goalEvaluations.length === 0 && <p className="notice">{m.noGoals}</p>}
        {values.goalEvaluations.map((goal, index) => {
          const name = (field: string) => `goalEvaluations.${index}.${field}`;
          const label = (field: string) => format(caseWorkMessages.validation.goal, { number: index + 1, field });
          return (
            <fieldset key={goal.goalId || index} className="area">
              <legend>{format(m.goalHeading, { number: index + 1, goal: goal.goal })}</legend>
              <div className="field-row-group">
                <DateField name={name('periodFrom')} label={label(m.periodFrom)} value={goal.periodFrom} onChange={setGoal(index, 'periodFrom')} error={err(name('periodFrom'))} />
                <DateField name={name('periodTo')} label={label(m.periodTo)} value={goal.periodTo} onChange={setGoal(index, 'periodTo')} error={err(name('periodTo'))} />
              </div>
              <ChoiceField name={name('achievement')} label={label(m.achievement)} required value={goal.achievement} options={achievementOptions} onChange={setGoal(index, 'achievement')} error={err(name('achievement'))} />
              <TextAreaField name={name('personReason')} label={label(m.personReason)} rows={2} value={goal.personReason} onChange={setGoal(index, 'personReason')} error={err(name('personReason'))} />
              <TextAreaField name={name('plannerReason')} label={label(m.plannerReason)} rows={2} value={goal.plannerReason} onChange={setGoal(index, 'plannerReason')} error={err(name('plannerReason'))} />
              <TextAreaField name={name('futurePolicy')} label={label(m.futurePolicy)} rows={2} value={goal.futurePolicy} onChange={setGoal(index, 'futurePolicy')} error={err(name('futurePolicy'))} />
            </fieldset>
          );
        })}
        <ChoiceField name="overallDecision" label={m.overallDecision} required value={values.overallDecision} options={decisionOptions} onChange={set('overallDecision')} error={err('overallDecision')} />
        <TextAreaField name="notes" label={m.notes} value={values.notes} onChange={set('notes')} error={err('notes')} />
        <DraftStatus draft={draft} />
        <SaveBar saving={form.saving} cancelTo={record ? `/persons/${person.id}/evaluations/${record.id}` : planPath(plan)} message={form.message} />
      </form>
    </div>
  );
}
