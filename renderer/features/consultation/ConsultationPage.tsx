import { Link, useParams } from 'react-router-dom';
import {
  caseWorkMessages,
  type Consultation,
  type ConsultationContent,
  type ConsultationContentField,
  consultationVersions,
  fieldLabels,
  format,
  type Person,
} from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import { localDateTime, warekiDate } from '../../ui/format';
import { Fields, Section } from '../ledger/Section';
import { caseWorkMenus, documentRef, useViewAudit } from '../case-work/audit';
import { AuditGate, CaseHeading, Loading, NotFound, PersonFrame, SavedNotice } from '../case-work/frame';
import { useRecord } from '../case-work/records';
import { categoryLabel, consulterText, flagsText } from './labels';

const m = caseWorkMessages.consultation;
const l = fieldLabels.consultations;
const none = caseWorkMessages.common.none;

/** /persons/:personId/consultations/:consultationId: one record, its long texts as written, and its corrections. */
export function ConsultationPage() {
  const { consultationId = '' } = useParams();
  return <PersonFrame>{(person) => <ConsultationView person={person} consultationId={consultationId} />}</PersonFrame>;
}

function ConsultationView({ person, consultationId }: { person: Person; consultationId: string }) {
  const session = useOpenSession();
  const loaded = useRecord(session.db, 'consultations', consultationId);
  const record = loaded.state === 'found' && loaded.value.personId === person.id ? loaded.value : undefined;
  const audit = useViewAudit(
    session,
    record && { menu: caseWorkMenus.consultation, operation: 'read', centerId: record.centerId, personId: person.id, documentId: documentRef('consultations', record.id) },
  );
  const listPath = `/persons/${person.id}/consultations`;
  if (loaded.state === 'loading') return <Loading />;
  return (
    <div className="case-work">
      <CaseHeading person={person} title={m.viewTitle} back={{ to: listPath, label: m.listTitle }} />
      {!record ? <NotFound /> : (
        <AuditGate state={audit}>
          <SavedNotice />
          <p className="actions">
            <Link className="button-link" to={`${listPath}/${record.id}/edit`}>
              {caseWorkMessages.common.edit}
            </Link>
          </p>
          <ConsultationFields content={record} />
          <p className="field-hint">{m.neverDeleted}</p>
          <History record={record} />
        </AuditGate>
      )}
    </div>
  );
}

function valueText(content: ConsultationContent, field: ConsultationContentField): string {
  switch (field) {
    case 'date':
      return warekiDate(content.date);
    case 'method':
      return content.method ? m.methods[content.method] : none;
    case 'consulterKind':
      return content.consulterKind ? m.consulterKinds[content.consulterKind] : none;
    case 'businessCategory':
      return content.businessCategory ? m.businessCategories[content.businessCategory] : none;
    case 'categoryCode':
      return categoryLabel(content.categoryCode);
    case 'status':
      return content.status ? m.statuses[content.status] : none;
    case 'afterHours':
    case 'dementiaRelated':
    case 'suspectedAbuse':
      return content[field] === undefined ? none : content[field] ? caseWorkMessages.common.yes : caseWorkMessages.common.no;
    case 'abuseTypes':
      return content.abuseTypes && content.abuseTypes.length > 0 ? content.abuseTypes.map((t) => m.abuseTypes[t]).join('・') : none;
    default:
      return content[field] || none;
  }
}

function ConsultationFields({ content }: { content: Consultation }) {
  return (
    <>
      <Fields
        rows={[
          [l.date, warekiDate(content.date)],
          [m.columns.time, content.startTime || content.endTime ? `${content.startTime ?? ''}〜${content.endTime ?? ''}` : none],
          [l.method, m.methods[content.method]],
          [m.columns.consulter, consulterText(content)],
          [l.businessCategory, m.businessCategories[content.businessCategory]],
          [l.categoryCode, categoryLabel(content.categoryCode)],
          [l.handledBy, content.handledBy || none],
          [l.status, m.statuses[content.status]],
          [m.columns.flags, flagsText(content)],
        ]}
      />
      <Section title={l.content}>
        <p className="long-text">{content.content || none}</p>
      </Section>
      <Section title={l.response}>
        <p className="long-text">{content.response || none}</p>
      </Section>
    </>
  );
}

/** Every version, newest first, with what each correction changed from what to what. */
function History({ record }: { record: Consultation }) {
  const versions = consultationVersions(record);
  const byNumber = new Map(versions.map((v) => [v.number, v]));
  return (
    <Section title={m.history}>
      {versions.length === 1 ? (
        <p>{m.noHistory}</p>
      ) : (
        <ol className="history" reversed>
          {[...versions].reverse().map((version) => {
            const before = byNumber.get(version.number - 1);
            return (
              <li key={version.number}>
                <h3>
                  {format(m.version, { number: version.number })}{' '}
                  {version.number === 1 ? m.original : format(m.correctedAt, { at: version.at ? localDateTime(version.at) : none, by: version.by ?? none })}
                </h3>
                {version.number === 1 && version.at && <p>{format(caseWorkMessages.common.createdBy, { at: localDateTime(version.at), by: version.by ?? none })}</p>}
                {version.reason && (
                  <p>
                    {m.correctionReason}: {version.reason}
                  </p>
                )}
                {before && version.changed.length > 0 && (
                  <table className="data history-changes">
                    <caption>{format(m.changedFields, { fields: version.changed.map((f) => l[f]).join('、') })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{m.fieldColumn}</th>
                        <th scope="col">{m.previousValue}</th>
                        <th scope="col">{m.nextValue}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {version.changed.map((field) => (
                        <tr key={field}>
                          <th scope="row">{l[field]}</th>
                          <td className="long-text">{valueText(before.content, field)}</td>
                          <td className="long-text">{valueText(version.content, field)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
