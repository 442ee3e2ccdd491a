import { Link, useParams } from 'react-router-dom';
import { basicChecklistQuestions, bmiQuestionNumber, caseWorkMessages, fieldLabels, format, type Person, scoreOfChecklist } from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import { warekiDate } from '../../ui/format';
import { Fields } from '../ledger/Section';
import { caseWorkMenus, documentRef, useViewAudit } from '../case-work/audit';
import { AuditGate, CaseHeading, Loading, NotFound, PersonFrame, SavedNotice } from '../case-work/frame';
import { useRecord } from '../case-work/records';
import { Judgement } from './Judgement';

const m = caseWorkMessages.checklist;
const l = fieldLabels.basicChecklists;
const none = caseWorkMessages.common.none;

/** /persons/:personId/checklists/:checklistId: the answers as given, and the judgement. */
export function ChecklistPage() {
  const { checklistId = '' } = useParams();
  return <PersonFrame>{(person) => <ChecklistView person={person} checklistId={checklistId} />}</PersonFrame>;
}

function ChecklistView({ person, checklistId }: { person: Person; checklistId: string }) {
  const session = useOpenSession();
  const loaded = useRecord(session.db, 'basicChecklists', checklistId);
  const record = loaded.state === 'found' && loaded.value.personId === person.id ? loaded.value : undefined;
  const audit = useViewAudit(session, record && { menu: caseWorkMenus.checklist, operation: 'read', centerId: record.centerId, personId: person.id, documentId: documentRef('basicChecklists', record.id) });
  const listPath = `/persons/${person.id}/checklists`;
  if (loaded.state === 'loading') return <Loading />;
  const score = record && scoreOfChecklist(record);
  return (
    <div className="case-work">
      <CaseHeading person={person} title={m.viewTitle} back={{ to: listPath, label: m.listTitle }} />
      {!record || !score ? <NotFound /> : (
        <AuditGate state={audit}>
          <SavedNotice text={score.complete ? caseWorkMessages.common.saved : m.savedIncomplete} />
          <p className="actions">
            <Link className="button-link" to={`${listPath}/${record.id}/edit`}>
              {caseWorkMessages.common.edit}
            </Link>
          </p>
          <div className="checklist-layout">
            <div>
              <Fields
                rows={[
                  [l.conductedOn, warekiDate(record.conductedOn)],
                  [l.method, m.methods[record.method]],
                  [l.recordedBy, record.recordedBy || none],
                  [l.heightCm, record.heightCm === undefined ? none : `${record.heightCm}${m.cm}`],
                  [l.weightKg, record.weightKg === undefined ? none : `${record.weightKg}${m.kg}`],
                ]}
              />
              <table className="data">
                <caption>{m.questionsLegend}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.questionColumn}</th>
                    <th scope="col">{l.answers}</th>
                  </tr>
                </thead>
                <tbody>
                  {basicChecklistQuestions.map((question, index) => {
                    const answer = record.answers[index];
                    const text =
                      question.number === bmiQuestionNumber
                        ? score.bmi === null
                          ? m.bmiUnknown
                          : format(m.bmi, { value: score.bmi.toFixed(1) })
                        : answer === true
                          ? caseWorkMessages.common.yes
                          : answer === false
                            ? caseWorkMessages.common.no
                            : m.unanswered;
                    return (
                      <tr key={question.number} className={score.itemScores[index] === 1 ? 'scored' : undefined}>
                        <th scope="row">{format(m.question, { number: question.number, text: question.text })}</th>
                        <td>{text}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <aside className="checklist-aside">
              <Judgement score={score} />
            </aside>
          </div>
        </AuditGate>
      )}
    </div>
  );
}
