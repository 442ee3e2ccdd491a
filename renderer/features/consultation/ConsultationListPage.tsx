import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { caseWorkMessages, type Consultation, filterConsultations, format, type Person } from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import { warekiDate } from '../../ui/format';
import { DataTable } from '../../ui/DataTable';
import { caseWorkMenus, listDetail, useViewAudit } from '../case-work/audit';
import { AuditGate, CaseHeading, PersonFrame } from '../case-work/frame';
import { usePersonRecords } from '../case-work/records';
import { categoryLabel, consulterText, flagsText, summary, timeText } from './labels';

const m = caseWorkMessages.consultation;

/** /persons/:personId/consultations: the person's consultations, searchable by words and dates. */
export function ConsultationListPage() {
  return <PersonFrame>{(person) => <PersonConsultations person={person} />}</PersonFrame>;
}

function PersonConsultations({ person }: { person: Person }) {
  const session = useOpenSession();
  const audit = useViewAudit(session, { menu: caseWorkMenus.consultation, operation: 'read', centerId: person.centerId, personId: person.id, detail: listDetail });
  const records = usePersonRecords(session.db, 'consultations', person.id);
  return (
    <div className="case-work">
      <CaseHeading person={person} title={m.listTitle} />
      <p className="actions">
        <Link className="button-link primary" to={`/persons/${person.id}/consultations/new`}>
          {m.new}
        </Link>
      </p>
      <AuditGate state={audit}>{records ? <ConsultationSearch records={records} showPerson={false} /> : <p role="status">{caseWorkMessages.common.loading}</p>}</AuditGate>
    </div>
  );
}

/** The search box, the date range and the table: the same for a person and for a center. */
export function ConsultationSearch({ records, showPerson, personNames }: { records: readonly Consultation[]; showPerson: boolean; personNames?: ReadonlyMap<string, string> }) {
  const [query, setQuery] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const found = useMemo(() => filterConsultations(records, { query, from: from || undefined, to: to || undefined, categoryLabel }), [records, query, from, to]);
  return (
    <>
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor="consultation-query">{m.search}</label>
          <p id="consultation-query-hint" className="field-hint">
            {m.searchHint}
          </p>
          <input id="consultation-query" type="search" value={query} aria-describedby="consultation-query-hint" onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="consultation-from">{m.from}</label>
          <input id="consultation-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="consultation-to">{m.to}</label>
          <input id="consultation-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      <p role="status" className="result-count">
        {format(m.count, { count: found.length })}
      </p>
      <ConsultationTable records={found} showPerson={showPerson} personNames={personNames} />
    </>
  );
}

export function ConsultationTable({ records, showPerson, personNames }: { records: readonly Consultation[]; showPerson: boolean; personNames?: ReadonlyMap<string, string> }) {
  const link = (record: Consultation) => `/persons/${record.personId}/consultations/${record.id}`;
  return (
    <div className="table-scroll" role="region" aria-label={m.resultsLabel} tabIndex={0}>
      <DataTable
        caption={m.resultsLabel}
        columns={[
          { header: m.columns.date, cell: (r) => <Link to={link(r)}>{warekiDate(r.date)}</Link> },
          ...(showPerson ? [{ header: m.columns.person, cell: (r: Consultation) => <Link to={`/persons/${r.personId}`}>{personNames?.get(r.personId) ?? r.personId}</Link> }] : []),
          { header: m.columns.time, cell: (r) => timeText(r) },
          { header: m.columns.method, cell: (r) => m.methods[r.method] },
          { header: m.columns.consulter, cell: (r) => consulterText(r) },
          { header: m.columns.businessCategory, cell: (r) => m.businessCategories[r.businessCategory] },
          { header: m.columns.category, cell: (r) => categoryLabel(r.categoryCode) },
          { header: m.columns.summary, cell: (r) => summary(r.content) },
          { header: m.columns.status, cell: (r) => m.statuses[r.status] },
          { header: m.columns.flags, cell: (r) => flagsText(r) },
        ]}
        rows={records}
        rowKey={(r) => r.id}
        empty={m.empty}
      />
    </div>
  );
}
