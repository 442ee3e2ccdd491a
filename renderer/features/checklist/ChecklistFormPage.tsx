import { useNavigate, useParams } from 'react-router-dom';
import {
  type BasicChecklist,
  basicChecklistQuestions,
  bmiQuestionNumber,
  caseWorkMessages,
  checklistFormOf,
  checklistFromForm,
  checklistMethods,
  type ChecklistContent,
  type ChecklistFormValues,
  emptyChecklistForm,
  fieldLabels,
  format,
  type Person,
  scoreChecklistForm,
} from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import type { OpenSession } from '../../session/session-service';
import { auditCaseWork, caseWorkMenus, documentRef } from '../case-work/audit';
import { todayIso } from '../case-work/dates';
import { ChoiceField, DateField, ErrorSummary, errorOf, TextInputField } from '../case-work/fields';
import { CaseHeading, DraftStatus, Loading, PersonFrame, RecordFrame, SaveBar } from '../case-work/frame';
import { newRecordId } from '../case-work/records';
import { useFormSave } from '../case-work/use-form-save';
import { useDraft } from '../case-work/use-draft';
import { Judgement } from './Judgement';

const m = caseWorkMessages.checklist;
const l = fieldLabels.basicChecklists;
const yesNo = [
  { value: 'yes', label: caseWorkMessages.common.yes },
  { value: 'no', label: caseWorkMessages.common.no },
];
const methodOptions = checklistMethods.map((value) => ({ value, label: m.methods[value] }));

/** /persons/:personId/checklists/new and …/:checklistId/edit. */
export function ChecklistFormPage() {
  const { checklistId } = useParams();
  return (
    <PersonFrame>
      {(person) =>
        checklistId ? (
          <RecordFrame person={person} collection="basicChecklists" id={checklistId}>
            {(record) => <ChecklistForm person={person} record={record} />}
          </RecordFrame>
        ) : (
          <ChecklistForm person={person} />
        )
      }
    </PersonFrame>
  );
}

async function save(session: OpenSession, person: Person, content: ChecklistContent, record: BasicChecklist | undefined): Promise<string> {
  const now = new Date().toISOString();
  if (record) {
    const doc = await session.db.basicChecklists.findOne(record.id).exec();
    if (!doc) throw new Error(caseWorkMessages.common.notFound);
    await doc.incrementalModify((latest) => {
      // Fields the form may leave empty are removed rather than kept from before.
      const { recordedBy: _r, heightCm: _h, weightKg: _w, ...rest } = latest;
      return { ...rest, ...content, updatedAt: now, updatedBy: session.userId };
    });
    await auditCaseWork(session, { menu: caseWorkMenus.checklist, operation: 'update', centerId: record.centerId, personId: person.id, documentId: documentRef('basicChecklists', record.id) });
    return record.id;
  }
  const id = newRecordId('checklist');
  await session.db.basicChecklists.insert({ id, personId: person.id, centerId: person.centerId, ...content, createdAt: now, createdBy: session.userId, updatedAt: now, updatedBy: session.userId });
  await auditCaseWork(session, { menu: caseWorkMenus.checklist, operation: 'create', centerId: person.centerId, personId: person.id, documentId: documentRef('basicChecklists', id) });
  return id;
}

function ChecklistForm({ person, record }: { person: Person; record?: BasicChecklist }) {
  const session = useOpenSession();
  const navigate = useNavigate();
  const today = todayIso();
  const draft = useDraft(session, { kind: 'basicChecklists', personId: person.id, centerId: person.centerId, documentId: record?.id }, () =>
    record ? checklistFormOf(record) : emptyChecklistForm(today, session.user.displayName),
  );
  const listPath = `/persons/${person.id}/checklists`;
  const values = draft.values;
  const form = useFormSave({
    check: () => (values ? checklistFromForm(values, todayIso()) : { ok: false, errors: [] }),
    save: async (content) => ({ savedId: await save(session, person, content, record) }),
    draft,
    onSaved: (id) => void navigate(`${listPath}/${id}`, { state: { saved: true } }),
  });
  if (!values) return <Loading />;
  const score = scoreChecklistForm(values);
  const set = <K extends keyof ChecklistFormValues>(field: K) => (value: ChecklistFormValues[K]) => draft.setValues((v) => ({ ...v, [field]: value }));
  const answer = (index: number) => (value: string) =>
    draft.setValues((v) => ({ ...v, answers: v.answers.map((a, i) => (i === index ? value === 'yes' : a)) }));
  const err = (field: string) => errorOf(form.errors, field);

  const bmiItem = basicChecklistQuestions[bmiQuestionNumber - 1];
  return (
    <div className="case-work">
      <CaseHeading person={person} title={record ? m.editTitle : m.newTitle} back={{ to: listPath, label: m.listTitle }} />
      <ErrorSummary errors={form.errors} />
      <form className="case-form checklist-form" noValidate onSubmit={form.onSubmit}>
        <div className="checklist-layout">
          <div>
            <div className="field-row-group">
              <DateField name="conductedOn" label={l.conductedOn} required value={values.conductedOn} max={today} onChange={set('conductedOn')} error={err('conductedOn')} />
              <TextInputField name="recordedBy" label={l.recordedBy} value={values.recordedBy} onChange={set('recordedBy')} error={err('recordedBy')} />
            </div>
            <ChoiceField name="method" label={l.method} required value={values.method} options={methodOptions} onChange={set('method')} error={err('method')} />
            <h2>{m.questionsLegend}</h2>
            <ol className="checklist-questions">
              {basicChecklistQuestions.map((question, index) =>
                question.number === bmiQuestionNumber ? (
                  <li key={question.number}>
                    {/* Not a labelled group: its name would contain 身長 and 体重 and so shadow the two fields' own names. */}
                    <div className="field bmi-group">
                      <p className="choice-legend">{format(m.question, { number: question.number, text: bmiItem?.text ?? '' })}</p>
                      <div className="field-row-group">
                        <TextInputField name="height" label={l.heightCm} className="measure" inputMode="decimal" value={values.height} onChange={set('height')} error={err('height')} hint={m.cm} />
                        <TextInputField name="weight" label={l.weightKg} className="measure" inputMode="decimal" value={values.weight} onChange={set('weight')} error={err('weight')} hint={m.kg} />
                      </div>
                      <p aria-live="polite">
                        {score.bmi === null ? m.bmiUnknown : format(m.bmi, { value: score.bmi.toFixed(1) })}
                        {score.itemScores[index] === 1 && m.bmiScores}
                      </p>
                    </div>
                  </li>
                ) : (
                  <li key={question.number}>
                    <ChoiceField
                      name={`q${question.number}`}
                      label={format(m.question, { number: question.number, text: question.text })}
                      className={`yes-no ${values.answers[index] === null ? 'unanswered' : ''}`}
                      value={values.answers[index] === true ? 'yes' : values.answers[index] === false ? 'no' : ''}
                      options={yesNo}
                      onChange={answer(index)}
                    />
                  </li>
                ),
              )}
            </ol>
          </div>
          <aside className="checklist-aside">
            <Judgement score={score} />
          </aside>
        </div>
        <DraftStatus draft={draft} />
        <SaveBar saving={form.saving} cancelTo={record ? `${listPath}/${record.id}` : listPath} message={form.message} />
      </form>
    </div>
  );
}
