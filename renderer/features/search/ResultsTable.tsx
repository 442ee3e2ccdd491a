import { memo, useMemo, type MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { format, uiMessages } from '../../../shared/index';
import { DataTable, type Column } from '../../ui/DataTable';
import { ageOn, careLevelText, centerText, orNone, warekiDate } from '../../ui/format';
import type { PersonSummary } from './person-index';

const m = uiMessages.search;
const c = m.columns;
const p = uiMessages.person;

export const ledgerPath = (personId: string): string => `/persons/${encodeURIComponent(personId)}`;

function birthDateText(birthDate: string, today: Date): string {
  const age = ageOn(birthDate, today);
  return age === undefined ? warekiDate(birthDate) : `${warekiDate(birthDate)}（${format(p.age, { age })}）`;
}

/**
 * One row per person; the name is a link to the ledger (tests and keyboard users rely on
 * it). The columns stay the same objects while the user types, so rows of persons who
 * stay in the results are not rendered again; the query the ledger links back to is read
 * when the link is followed.
 */
export const ResultsTable = memo(function ResultsTable({ hits, currentQuery }: { hits: readonly PersonSummary[]; currentQuery: () => string }) {
  const navigate = useNavigate();
  const columns = useMemo((): readonly [Column<PersonSummary>, ...Column<PersonSummary>[]] => {
    const today = new Date();
    const open = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      void navigate(ledgerPath(id), { state: { fromSearch: currentQuery() } });
    };
    return [
      {
        header: c.name,
        cell: (hit) => (
          <a href={`#${ledgerPath(hit.id)}`} onClick={(event) => open(event, hit.id)} data-result="">
            <span className="person-name">{hit.name}</span>
            <span className="person-kana">{hit.nameKana}</span>
          </a>
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
  }, [navigate, currentQuery]);
  return <DataTable className="results" caption={m.resultsLabel} columns={columns} rows={hits} rowKey={(hit) => hit.id} />;
});
