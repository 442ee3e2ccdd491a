import { Link } from 'react-router-dom';
import { type BasicChecklist, caseWorkMessages, newestChecklistFirst, type Person, scoreOfChecklist } from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import { DataTable } from '../../ui/DataTable';
import { warekiDate } from '../../ui/format';
import { caseWorkMenus, listDetail, useViewAudit } from '../case-work/audit';
import { AuditGate, CaseHeading, PersonFrame } from '../case-work/frame';
import { usePersonRecords } from '../case-work/records';
import { resultText } from './Judgement';

const m = caseWorkMessages.checklist;

/** /persons/:personId/checklists: the person's checklists with their dates and results, newest first. */
export function ChecklistListPage() {
  return <PersonFrame>{(person) => <Checklists person={person} />}</PersonFrame>;
}

function domainsText(checklist: BasicChecklist): string {
  return scoreOfChecklist(checklist)
    .domains.filter((d) => d.domain !== 'lifeFunction')
    .map((d) => `${d.label} ${d.scored}/${d.of}`)
    .join('・');
}

function Checklists({ person }: { person: Person }) {
  const session = useOpenSession();
  const audit = useViewAudit(session, { menu: caseWorkMenus.checklist, operation: 'read', centerId: person.centerId, personId: person.id, detail: listDetail });
  const records = usePersonRecords(session.db, 'basicChecklists', person.id);
  return (
    <div className="case-work">
      <CaseHeading person={person} title={m.listTitle} />
      <p className="actions">
        <Link className="button-link primary" to={`/persons/${person.id}/checklists/new`}>
          {m.new}
        </Link>
      </p>
      <AuditGate state={audit}>
        {!records ? (
          <p role="status">{caseWorkMessages.common.loading}</p>
        ) : (
          <div className="table-scroll" role="region" aria-label={m.listTitle} tabIndex={0}>
            <DataTable
              caption={m.listTitle}
              columns={[
                { header: m.columns.conductedOn, cell: (c) => <Link to={`/persons/${person.id}/checklists/${c.id}`}>{warekiDate(c.conductedOn)}</Link> },
                { header: m.columns.method, cell: (c) => m.methods[c.method] },
                { header: m.columns.status, cell: (c) => (scoreOfChecklist(c).complete ? m.status.complete : m.status.incomplete) },
                { header: m.columns.result, cell: (c) => resultText(scoreOfChecklist(c)) },
                { header: m.columns.domains, cell: (c) => domainsText(c) },
                { header: m.columns.recordedBy, cell: (c) => c.recordedBy || caseWorkMessages.common.none },
              ]}
              rows={[...records].sort(newestChecklistFirst)}
              rowKey={(c) => c.id}
              empty={m.empty}
            />
          </div>
        )}
      </AuditGate>
    </div>
  );
}
