import { memo } from 'react';
import { Link } from 'react-router-dom';
import { format, uiMessages } from '../../../shared/index';
import { DataTable, type Column } from '../../ui/DataTable';
import { ageOn, careLevelText, centerText, orNone, warekiDate } from '../../ui/format';
import type { PersonSummary } from './person-index';

const m = uiMessages.search;
const c = m.columns;
const p = uiMessages.person;

function birthDateText(birthDate: string, today: Date): string {
  const age = ageOn(birthDate, today);
  return age === undefined ? warekiDate(birthDate) : `${warekiDate(birthDate)}（${format(p.age, { age })}）`;
}

/** One row per person; the name is the link to the ledger (tests and keyboard users rely on it). */
export const ResultsTable = memo(function ResultsTable({ hits, query }: { hits: readonly PersonSummary[]; query: string }) {
  const today = new Date();
  const columns: readonly [Column<PersonSummary>, ...Column<PersonSummary>[]] = [
    {
      header: c.name,
      cell: (hit) => (
        <Link to={`/persons/${encodeURIComponent(hit.id)}`} state={{ fromSearch: query }} data-result="">
          <span className="person-name">{hit.name}</span>
          <span className="person-kana">{hit.nameKana}</span>
        </Link>
      ),
    },
    { header: c.birthDate, cell: (hit) => birthDateText(hit.birthDate, today) },
    { header: c.sex, cell: (hit) => p.sex[hit.sex] },
    { header: c.residentCode, cell: (hit) => hit.residentCode, className: 'code' },
    { header: c.insuredNumber, cell: (hit) => orNone(hit.insuredNumber), className: 'code' },
    { header: c.careLevel, cell: (hit) => careLevelText(hit.careLevel) },
    { header: c.center, cell: (hit) => centerText(hit.centerId) },
    { header: c.address, cell: (hit) => orNone(hit.address), className: 'wide-only' },
  ];
  return <DataTable className="results" caption={m.resultsLabel} columns={columns} rows={hits} rowKey={(hit) => hit.id} />;
});
