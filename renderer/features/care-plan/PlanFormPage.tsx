import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  type AssessmentArea,
  applyPlanContent,
  assessmentAreas,
  type CarePlan,
  careLevels,
  caseWorkMessages,
  emptyPlanForm,
  emptySupportRow,
  format,
  isLatestPlanVersion,
  isPlanFixed,
  latestCompleteChecklist,
  nextGoalId,
  nextPlanVersion,
  type Person,
  planCategories,
  type PlanChecklistCounts,
  choiceLabels,
  type PlanContent,
  planFormOf,
  type PlanFormValues,
  planFromForm,
  type PlanType,
  planChecklistCounts,
  planTypes,
  scoreOfChecklist,
  suggestedPlanType,
} from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import type { OpenSession } from '../../session/session-service';
import { warekiDate } from '../../ui/format';
import { auditCaseWork, caseWorkMenus, documentRef } from '../case-work/audit';
import { todayIso } from '../case-work/dates';
import { CheckboxField, ChoiceField, DateField, ErrorSummary, errorOf, SelectField, TextAreaField, TextInputField } from '../case-work/fields';
import { CaseHeading, DraftStatus, Loading, NotFound, PersonFrame, SaveBar } from '../case-work/frame';
import { newRecordId, usePersonRecords } from '../case-work/records';
import { useDraft } from '../case-work/use-draft';
import { useFormSave } from '../case-work/use-form-save';
import { ChecklistCounts } from './ChecklistCounts';
import { planKindOptions, planPath } from './labels';

const m = caseWorkMessages.carePlan;
const f = m.fields;

type Mode = { kind: 'new'; planType: PlanType } | { kind: 'edit'; plan: CarePlan } | { kind: 'next'; previous: CarePlan };

/** /persons/:personId/plans/new?type=…, …/:planId/edit and …/:planId/next (a new version). */
export function PlanFormPage({ next = false }: { next?: boolean }) {
  return <PersonFrame>{(person) => <PlanFormLoader person={person} next={next} />}</PersonFrame>;
}

function PlanFormLoader({ person, next }: { person: Person; next: boolean }) {
  const session = useOpenSession();
  const { planId } = useParams();
  const [search] = useSearchParams();
  const plans = usePersonRecords(session.db, 'carePlans', person.id);
  const checklists = usePersonRecords(session.db, 'basicChecklists', person.id);
  if (!plans || !checklists) return <Loading />;
  const latest = latestCompleteChecklist(checklists);
  const counts = latest ? planChecklistCounts(latest) : null;

  let mode: Mode;
  if (planId === undefined) {
    const asked = search.get('type');
    const planType = planTypes.find((t) => t === asked) ?? suggestedPlanType(person.insuranceEligibility?.careLevel, latest ? scoreOfChecklist(latest).programEligible : false);
    mode = { kind: 'new', planType };
  } else {
    const plan = plans.find((p) => p.id === planId);
    if (!plan) return <NotFound />;
    if (!next && isPlanFixed(plan)) {
      return (
        <div className="case-work">
          <CaseHeading person={person} title={format(m.editTitle, { kind: m.kinds[plan.planType], version: plan.planVersion })} back={{ to: planPath(plan), label: m.listTitle }} />
          <p className="notice">{m.fixed}</p>
        </div>
      );
    }
    mode = next ? { kind: 'next', previous: plan } : { kind: 'edit', plan };
  }
  return <PlanForm person={person} mode={mode} latestCounts={counts} />;
}

function titleOf(mode: Mode): string {
  switch (mode.kind) {
    case 'new':
      return format(m.newTitle, { kind: m.kinds[mode.planType] });
    case 'edit':
      return format(m.editTitle, { kind: m.kinds[mode.plan.planType], version: mode.plan.planVersion });
    case 'next':
      return format(m.versionTitle, { kind: m.kinds[mode.previous.planType], version: mode.previous.planVersion + 1 });
  }
}

async function save(session: OpenSession, person: Person, mode: Mode, content: PlanContent): Promise<string> {
  const now = new Date().toISOString();
  const stamp = { updatedAt: now, updatedBy: session.userId };
  const audit = (operation: 'create' | 'update', id: string, detail?: string) =>
    auditCaseWork(session, { menu: caseWorkMenus.carePlan, operation, centerId: person.centerId, personId: person.id, documentId: documentRef('carePlans', id), ...(detail && { detail }) });
  if (mode.kind === 'edit') {
    const doc = await session.db.carePlans.findOne(mode.plan.id).exec();
    if (!doc) throw new Error(caseWorkMessages.common.notFound);
    await doc.incrementalModify((latest) => {
      if (isPlanFixed(latest as CarePlan)) throw new Error(m.fixed);
      return { ...applyPlanContent(latest as CarePlan, content), ...stamp };
    });
    await audit('update', mode.plan.id);
    return mode.plan.id;
  }
  const id = newRecordId('plan');
  let plan: CarePlan;
  if (mode.kind === 'next') {
    // Two people starting the next version at once would fork the plan: the second is refused.
    const stored = (await session.db.carePlans.find({ selector: { personId: person.id } }).exec()).map((d) => d.toMutableJSON() as CarePlan);
    if (!isLatestPlanVersion(stored, mode.previous)) throw new Error(m.versionExists);
    plan = applyPlanContent(nextPlanVersion(mode.previous, { id, today: todayIso(), at: now, by: session.userId }), content);
  } else {
    plan = applyPlanContent(
      { id, personId: person.id, centerId: person.centerId, planType: mode.planType, planVersion: 1, createdOn: content.createdOn, planCategory: content.planCategory, createdAt: now, createdBy: session.userId, ...stamp },
      content,
    );
  }
  await session.db.carePlans.insert(plan);
  await audit('create', id, format(m.viewTitle, { kind: m.kinds[plan.planType], version: plan.planVersion }));
  return id;
}

function PlanForm({ person, mode, latestCounts }: { person: Person; mode: Mode; latestCounts: PlanChecklistCounts | null }) {
  const session = useOpenSession();
  const navigate = useNavigate();
  const today = todayIso();
  const draftKey = {
    kind: 'carePlans',
    personId: person.id,
    centerId: person.centerId,
    ...(mode.kind === 'edit' && { documentId: mode.plan.id }),
    variant: mode.kind === 'new' ? `new-${mode.planType}` : mode.kind === 'next' ? `next-${mode.previous.id}` : undefined,
  };
  const draft = useDraft(session, draftKey, (): PlanFormValues => {
    if (mode.kind === 'edit') return planFormOf(mode.plan);
    if (mode.kind === 'next') return planFormOf(nextPlanVersion(mode.previous, { id: 'next', today, at: new Date().toISOString(), by: session.userId }));
    return emptyPlanForm({ planType: mode.planType, today, planner: session.user.displayName, eligibility: person.insuranceEligibility, checklist: latestCounts });
  });
  const listPath = `/persons/${person.id}/plans`;
  const values = draft.values;
  const form = useFormSave({
    check: () => (values ? planFromForm(values) : { ok: false, errors: [] }),
    save: async (content) => ({ savedId: await save(session, person, mode, content) }),
    draft,
    onSaved: (id) => void navigate(`${listPath}/${id}`, { state: { saved: true } }),
  });
  if (!values) return <Loading />;
  const update = (change: (v: PlanFormValues) => PlanFormValues) => draft.setValues(change);
  const set =
    <K extends keyof PlanFormValues>(field: K) =>
    (value: PlanFormValues[K]) =>
      update((v) => ({ ...v, [field]: value }));
  const setArea = (area: AssessmentArea, key: 'situation' | 'wishes' | 'issues') => (value: string) =>
    update((v) => ({ ...v, assessment: { ...v.assessment, [area]: { ...v.assessment[area], [key]: value } } }));
  const setGoal = (index: number, key: 'goal' | 'measures') => (value: string) => update((v) => ({ ...v, goals: v.goals.map((g, i) => (i === index ? { ...g, [key]: value } : g)) }));
  const setRow = (index: number, key: keyof PlanFormValues['supportRows'][number]) => (value: string) =>
    update((v) => ({ ...v, supportRows: v.supportRows.map((r, i) => (i === index ? { ...r, [key]: value } : r)) }));
  const err = (field: string) => errorOf(form.errors, field);
  const newerChecklist = latestCounts && latestCounts.checklistId !== values.checklist?.checklistId ? latestCounts : null;

  return (
    <div className="case-work">
      <CaseHeading person={person} title={titleOf(mode)} back={{ to: listPath, label: m.listTitle }} />
      {mode.kind === 'next' && <p className="notice">{m.newVersionHint}</p>}
      <ErrorSummary errors={form.errors} />
      <form className="case-form plan-form" noValidate onSubmit={form.onSubmit}>
        <section aria-labelledby="plan-basics">
          <h2 id="plan-basics">{m.sections.basics}</h2>
          <ChoiceField name="planType" label={f.planType} required value={values.planType} options={planKindOptions} onChange={set('planType')} error={err('planType')} />
          <div className="field-row-group">
            <DateField name="createdOn" label={f.createdOn} required value={values.createdOn} onChange={set('createdOn')} error={err('createdOn')} />
            <DateField name="firstCreatedOn" label={f.firstCreatedOn} value={values.firstCreatedOn} onChange={set('firstCreatedOn')} error={err('firstCreatedOn')} />
          </div>
          <ChoiceField
            name="planCategory"
            label={f.planCategory}
            required
            value={values.planCategory}
            options={planCategories.map((value) => ({ value, label: choiceLabels.planCategories[value] }))}
            onChange={set('planCategory')}
            error={err('planCategory')}
          />
          <div className="field-row-group">
            <div className="field">
              <CheckboxField name="entrusted" label={f.entrustedYes} checked={values.entrusted} onChange={set('entrusted')} />
            </div>
            {values.entrusted && <TextInputField name="entrustedProvider" label={f.entrustedProvider} value={values.entrustedProvider} onChange={set('entrustedProvider')} error={err('entrustedProvider')} />}
          </div>
          <TextInputField name="planner" label={f.planner} value={values.planner} onChange={set('planner')} error={err('planner')} />
        </section>

        <section aria-labelledby="plan-certification">
          <h2 id="plan-certification">{m.sections.certification}</h2>
          <div className="field-row-group">
            <SelectField
              name="careLevel"
              label={f.careLevel}
              value={values.careLevel}
              options={[{ value: '', label: m.careLevelNone }, ...careLevels.map((c) => ({ value: c.code, label: c.label }))]}
              onChange={set('careLevel')}
              error={err('careLevel')}
            />
            <DateField name="certifiedOn" label={f.certifiedOn} value={values.certifiedOn} onChange={set('certifiedOn')} error={err('certifiedOn')} />
            <DateField name="validFrom" label={f.validFrom} value={values.validFrom} onChange={set('validFrom')} error={err('validFrom')} />
            <DateField name="validTo" label={f.validTo} value={values.validTo} onChange={set('validTo')} error={err('validTo')} />
          </div>
        </section>

        <section aria-labelledby="plan-goals">
          <h2 id="plan-goals">{m.sections.goals}</h2>
          <TextAreaField name="goalDay" label={f.goalDay} rows={2} value={values.goalDay} onChange={set('goalDay')} error={err('goalDay')} />
          <TextAreaField name="goalYear" label={f.goalYear} rows={2} value={values.goalYear} onChange={set('goalYear')} error={err('goalYear')} />
        </section>

        <section aria-labelledby="plan-assessment">
          <h2 id="plan-assessment">{m.sections.assessment}</h2>
          {assessmentAreas.map((area) => (
            <fieldset key={area} className="area">
              <legend>{m.areas[area]}</legend>
              {(['situation', 'wishes', 'issues'] as const).map((key) => (
                <TextAreaField
                  key={key}
                  name={`assessment.${area}.${key}`}
                  label={`${m.areas[area]}：${f[key]}`}
                  rows={3}
                  value={values.assessment[area][key]}
                  onChange={setArea(area, key)}
                  error={err(`assessment.${area}.${key}`)}
                />
              ))}
            </fieldset>
          ))}
        </section>

        <section aria-labelledby="plan-overall">
          <h2 id="plan-overall">{m.sections.overall}</h2>
          <TextAreaField name="overallIssues" label={f.overallIssues} value={values.overallIssues} onChange={set('overallIssues')} error={err('overallIssues')} />
          <h3>{m.sections.goalRows}</h3>
          {values.goals.map((goal, index) => (
            <fieldset key={goal.goalId} className="area">
              <legend>{format(m.goalNumber, { number: index + 1 })}</legend>
              <TextAreaField name={`goals.${index}.goal`} label={`${format(m.goalNumber, { number: index + 1 })}：${f.goal}`} rows={2} value={goal.goal} onChange={setGoal(index, 'goal')} error={err(`goals.${index}.goal`)} />
              <TextAreaField
                name={`goals.${index}.measures`}
                label={`${format(m.goalNumber, { number: index + 1 })}：${f.measures}`}
                rows={3}
                value={goal.measures}
                onChange={setGoal(index, 'measures')}
                error={err(`goals.${index}.measures`)}
              />
              {values.goals.length > 1 && (
                <button type="button" onClick={() => update((v) => ({ ...v, goals: v.goals.filter((_, i) => i !== index) }))}>
                  {format(m.removeGoal, { number: index + 1 })}
                </button>
              )}
            </fieldset>
          ))}
          <button type="button" onClick={() => update((v) => ({ ...v, goals: [...v.goals, { goalId: nextGoalId(v.goals), goal: '', measures: '' }] }))}>
            {m.addGoal}
          </button>
        </section>

        <section aria-labelledby="plan-support">
          <h2 id="plan-support">{m.sections.support}</h2>
          {values.supportRows.map((row, index) => {
            const rowLabel = (field: string) => `${format(m.rowNumber, { number: index + 1 })}：${field}`;
            const name = (field: string) => `supportRows.${index}.${field}`;
            return (
              <fieldset key={index} className="area">
                <legend>{format(m.rowNumber, { number: index + 1 })}</legend>
                <TextAreaField name={name('supportPoints')} label={rowLabel(f.supportPoints)} rows={2} value={row.supportPoints} onChange={setRow(index, 'supportPoints')} error={err(name('supportPoints'))} />
                <TextAreaField name={name('selfCareInformal')} label={rowLabel(f.selfCareInformal)} rows={2} value={row.selfCareInformal} onChange={setRow(index, 'selfCareInformal')} error={err(name('selfCareInformal'))} />
                <TextAreaField name={name('services')} label={rowLabel(f.services)} rows={2} value={row.services} onChange={setRow(index, 'services')} error={err(name('services'))} />
                <div className="field-row-group">
                  <TextInputField name={name('serviceType')} label={rowLabel(f.serviceType)} value={row.serviceType} onChange={setRow(index, 'serviceType')} error={err(name('serviceType'))} />
                  <TextInputField name={name('provider')} label={rowLabel(f.provider)} value={row.provider} onChange={setRow(index, 'provider')} error={err(name('provider'))} />
                  <DateField name={name('periodFrom')} label={rowLabel(f.periodFrom)} value={row.periodFrom} onChange={setRow(index, 'periodFrom')} error={err(name('periodFrom'))} />
                  <DateField name={name('periodTo')} label={rowLabel(f.periodTo)} value={row.periodTo} onChange={setRow(index, 'periodTo')} error={err(name('periodTo'))} />
                </div>
                {values.supportRows.length > 1 && (
                  <button type="button" onClick={() => update((v) => ({ ...v, supportRows: v.supportRows.filter((_, i) => i !== index) }))}>
                    {format(m.removeRow, { number: index + 1 })}
                  </button>
                )}
              </fieldset>
            );
          })}
          <button type="button" onClick={() => update((v) => ({ ...v, supportRows: [...v.supportRows, emptySupportRow()] }))}>
            {m.addRow}
          </button>
        </section>

        <section aria-labelledby="plan-health">
          <h2 id="plan-health">{m.sections.health}</h2>
          <TextAreaField name="healthNotes" label={f.healthNotes} value={values.healthNotes} onChange={set('healthNotes')} error={err('healthNotes')} />
          <TextAreaField name="overallPolicy" label={f.overallPolicy} value={values.overallPolicy} onChange={set('overallPolicy')} error={err('overallPolicy')} />
        </section>

        <section aria-labelledby="plan-checklist">
          <h2 id="plan-checklist">{m.sections.checklist}</h2>
          <ChecklistCounts counts={values.checklist} />
          {newerChecklist && (
            <>
              <p>{format(m.checklistNewer, { date: warekiDate(newerChecklist.conductedOn) })}</p>
              <button type="button" onClick={() => update((v) => ({ ...v, checklist: newerChecklist }))}>
                {m.checklistRefresh}
              </button>
            </>
          )}
        </section>

        <section aria-labelledby="plan-consent">
          <h2 id="plan-consent">{m.sections.consent}</h2>
          <div className="field-row-group">
            <DateField name="consentOn" label={f.consentOn} value={values.consentOn} max={today} onChange={set('consentOn')} error={err('consentOn')} />
            <TextInputField name="consentBy" label={f.consentBy} value={values.consentBy} onChange={set('consentBy')} error={err('consentBy')} />
            <DateField name="evaluationDueOn" label={f.evaluationDueOn} value={values.evaluationDueOn} onChange={set('evaluationDueOn')} error={err('evaluationDueOn')} />
          </div>
        </section>
        <DraftStatus draft={draft} />
        <SaveBar saving={form.saving} cancelTo={mode.kind === 'edit' ? planPath(mode.plan) : mode.kind === 'next' ? planPath(mode.previous) : listPath} message={form.message} />
      </form>
    </div>
  );
}
