import { useNavigate, useParams } from 'react-router-dom';
import {
  caseWorkMessages,
  type Consultation,
  type ConsultationContent,
  consultationFormOf,
  consultationFromForm,
  correctConsultation,
  emptyConsultationForm,
  type ConsultationFormValues,
  fieldLabels,
  type Person,
} from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import type { OpenSession } from '../../session/session-service';
import { auditCaseWork, caseWorkMenus, documentRef } from '../case-work/audit';
import { todayIso } from '../case-work/dates';
import { CheckboxField, CheckboxGroup, ChoiceField, DateField, ErrorSummary, errorOf, SelectField, TextAreaField, TextInputField, TimeField } from '../case-work/fields';
import { CaseHeading, DraftStatus, Loading, PersonFrame, RecordFrame, SaveBar } from '../case-work/frame';
import { newRecordId } from '../case-work/records';
import { type SaveOutcome, useFormSave } from '../case-work/use-form-save';
import { useDraft } from '../case-work/use-draft';
import { abuseTypeOptions, businessCategoryOptions, categoryOptions, consulterKindOptions, methodOptions, statusOptions } from './labels';

const m = caseWorkMessages.consultation;
const l = fieldLabels.consultations;

/** /persons/:personId/consultations/new and …/:consultationId/edit (a correction). */
export function ConsultationFormPage() {
  const { consultationId } = useParams();
  return (
    <PersonFrame>
      {(person) =>
        consultationId ? (
          <RecordFrame person={person} collection="consultations" id={consultationId}>
            {(record) => <ConsultationForm person={person} record={record} />}
          </RecordFrame>
        ) : (
          <ConsultationForm person={person} />
        )
      }
    </PersonFrame>
  );
}

async function saveNew(session: OpenSession, person: Person, content: ConsultationContent): Promise<string> {
  const now = new Date().toISOString();
  const id = newRecordId('consultation');
  await session.db.consultations.insert({
    id,
    personId: person.id,
    centerId: person.centerId,
    ...content,
    createdAt: now,
    createdBy: session.userId,
    updatedAt: now,
    updatedBy: session.userId,
  });
  await auditCaseWork(session, { menu: caseWorkMenus.consultation, operation: 'create', centerId: person.centerId, personId: person.id, documentId: documentRef('consultations', id) });
  return id;
}

/** False when the correction changed nothing. Applied to the stored record as it is now, which the sync may have changed. */
async function saveCorrection(session: OpenSession, record: Consultation, content: ConsultationContent, reason: string): Promise<boolean> {
  const doc = await session.db.consultations.findOne(record.id).exec();
  if (!doc) throw new Error(caseWorkMessages.common.notFound);
  let changed = false;
  await doc.incrementalModify((latest) => {
    const corrected = correctConsultation(latest as Consultation, content, { at: new Date().toISOString(), by: session.userId, reason });
    changed = corrected !== null;
    return corrected ?? latest;
  });
  if (changed) {
    await auditCaseWork(session, { menu: caseWorkMenus.consultation, operation: 'update', centerId: record.centerId, personId: record.personId, documentId: documentRef('consultations', record.id) });
  }
  return changed;
}

function ConsultationForm({ person, record }: { person: Person; record?: Consultation }) {
  const session = useOpenSession();
  const navigate = useNavigate();
  const today = todayIso();
  const draft = useDraft(session, { kind: 'consultations', personId: person.id, centerId: person.centerId, documentId: record?.id }, () =>
    record ? consultationFormOf(record) : emptyConsultationForm(today, session.user.displayName),
  );
  const listPath = `/persons/${person.id}/consultations`;
  const title = record ? m.editTitle : m.newTitle;
  const values = draft.values;
  const form = useFormSave({
    check: () => (values ? consultationFromForm(values, todayIso()) : { ok: false, errors: [] }),
    save: async (content): Promise<SaveOutcome> => {
      if (!record) return { savedId: await saveNew(session, person, content) };
      return (await saveCorrection(session, record, content, values?.correctionReason ?? '')) ? { savedId: record.id } : { notSaved: m.noChange };
    },
    draft,
    onSaved: (id) => void navigate(`${listPath}/${id}`, { state: { saved: true } }),
  });
  if (!values) return <Loading />;
  const set = <K extends keyof ConsultationFormValues>(field: K) => (value: ConsultationFormValues[K]) => draft.setValues((v) => ({ ...v, [field]: value }));
  const err = (field: string) => errorOf(form.errors, field);

  return (
    <div className="case-work">
      <CaseHeading person={person} title={title} back={{ to: listPath, label: m.listTitle }} />
      {record && <p className="notice">{m.correctionHint}</p>}
      <ErrorSummary errors={form.errors} />
      <form className="case-form" noValidate onSubmit={form.onSubmit}>
        <div className="field-row-group">
          <DateField name="date" label={l.date} required value={values.date} max={today} onChange={set('date')} error={err('date')} />
          <TimeField name="startTime" label={l.startTime} value={values.startTime} onChange={set('startTime')} error={err('startTime')} />
          <TimeField name="endTime" label={l.endTime} value={values.endTime} onChange={set('endTime')} error={err('endTime')} />
        </div>
        <ChoiceField name="method" label={l.method} required value={values.method} options={methodOptions} onChange={set('method')} error={err('method')} />
        <ChoiceField name="consulterKind" label={l.consulterKind} required value={values.consulterKind} options={consulterKindOptions} onChange={set('consulterKind')} error={err('consulterKind')} />
        <TextInputField name="consulterName" label={l.consulterName} value={values.consulterName} onChange={set('consulterName')} error={err('consulterName')} />
        <ChoiceField name="businessCategory" label={l.businessCategory} required value={values.businessCategory} options={businessCategoryOptions} onChange={set('businessCategory')} error={err('businessCategory')} />
        <p className="field-hint">{m.monitoringNote}</p>
        <SelectField name="categoryCode" label={l.categoryCode} value={values.categoryCode} options={categoryOptions(values.categoryCode)} onChange={set('categoryCode')} error={err('categoryCode')} />
        <TextAreaField name="content" label={l.content} rows={6} value={values.content} onChange={set('content')} error={err('content')} />
        <TextAreaField name="response" label={l.response} rows={6} value={values.response} onChange={set('response')} error={err('response')} />
        <TextInputField name="handledBy" label={l.handledBy} value={values.handledBy} onChange={set('handledBy')} error={err('handledBy')} />
        <ChoiceField name="status" label={l.status} required value={values.status} options={statusOptions} onChange={set('status')} error={err('status')} />
        <fieldset className="field choice-field">
          <legend className="choice-legend">{m.flagsLegend}</legend>
          <div className="choices">
            <CheckboxField name="afterHours" label={l.afterHours} checked={values.afterHours} onChange={set('afterHours')} />
            <CheckboxField name="dementiaRelated" label={l.dementiaRelated} checked={values.dementiaRelated} onChange={set('dementiaRelated')} />
            <CheckboxField name="suspectedAbuse" label={l.suspectedAbuse} checked={values.suspectedAbuse} onChange={set('suspectedAbuse')} />
          </div>
        </fieldset>
        {values.suspectedAbuse && <CheckboxGroup name="abuseTypes" label={l.abuseTypes} options={abuseTypeOptions} values={values.abuseTypes} onChange={set('abuseTypes')} error={err('abuseTypes')} />}
        {record && <TextInputField name="correctionReason" label={m.correctionReason} value={values.correctionReason} onChange={set('correctionReason')} />}
        <DraftStatus draft={draft} />
        <SaveBar saving={form.saving} cancelTo={record ? `${listPath}/${record.id}` : listPath} message={form.message} />
      </form>
    </div>
  );
}
