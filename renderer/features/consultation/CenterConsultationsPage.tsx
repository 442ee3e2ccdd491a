import { useEffect, useState, type FormEvent } from 'react';
import { caseWorkMessages, centerName, centers, type Consultation, filterConsultations, format } from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import { PageHeading } from '../../ui/PageHeading';
import { useTitle } from '../../ui/use-title';
import { auditCaseWork, caseWorkMenus } from '../case-work/audit';
import { addMonthsIso, todayIso } from '../case-work/dates';
import { ErrorSummary } from '../case-work/fields';
import { categoryLabel } from './labels';
import { ConsultationTable } from './ConsultationListPage';
import '../case-work/case-work.css';

const m = caseWorkMessages.consultation;

interface Query {
  centerId: string;
  from: string;
  to: string;
  words: string;
}

/**
 * /consultations: a center's consultations over a date range (monthly reports, handovers).
 * Each search is audited with its center and range, since it reads many persons' records.
 */
export function CenterConsultationsPage() {
  const session = useOpenSession();
  useTitle(m.centerTitle);
  const scope = session.user.allCenters ? [...centers.map((c) => c.id), 'cityHall'] : session.user.centers;
  const today = todayIso();
  const [form, setForm] = useState<Query>({ centerId: scope[0] ?? '', from: addMonthsIso(today, -1), to: today, words: '' });
  const [query, setQuery] = useState<Query>();
  const [result, setResult] = useState<{ records: Consultation[]; names: Map<string, string> }>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!query) return;
    let current = true;
    void (async () => {
      await auditCaseWork(session, { menu: caseWorkMenus.centerConsultations, operation: 'search', centerId: query.centerId, detail: `${query.from}..${query.to}` });
      const docs = await session.db.consultations.find({ selector: { centerId: query.centerId, date: { $gte: query.from, $lte: query.to } } }).exec();
      const records = docs.map((d) => d.toMutableJSON() as Consultation);
      const persons = await session.db.persons.findByIds([...new Set(records.map((r) => r.personId))]).exec();
      if (current) setResult({ records, names: new Map([...persons.values()].map((p) => [p.id, p.name])) });
    })().catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, [query, session]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.from && form.to && form.to < form.from) {
      setError(format(caseWorkMessages.validation.dateOrder, { earlier: m.from, later: m.to }));
      return;
    }
    setError(undefined);
    setQuery({ ...form });
  };

  const found = result && query ? filterConsultations(result.records, { query: query.words, categoryLabel }) : undefined;
  return (
    <div className="case-work">
      <PageHeading>{m.centerTitle}</PageHeading>
      <ErrorSummary errors={error ? [{ field: 'consultation-range-to', message: error }] : []} />
      <form className="filters" role="search" onSubmit={submit}>
        <div className="field">
          <label htmlFor="f-consultation-center">{m.center}</label>
          <select id="f-consultation-center" value={form.centerId} onChange={(e) => setForm({ ...form, centerId: e.target.value })}>
            {scope.map((id) => (
              <option key={id} value={id}>
                {centerName(id)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-consultation-range-from">{m.from}</label>
          <input id="f-consultation-range-from" type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="f-consultation-range-to">{m.to}</label>
          <input id="f-consultation-range-to" type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="f-consultation-words">{m.search}</label>
          <input id="f-consultation-words" type="search" value={form.words} onChange={(e) => setForm({ ...form, words: e.target.value })} />
        </div>
        <button type="submit" className="primary">
          {m.show}
        </button>
      </form>
      {found && (
        <>
          <p role="status" className="result-count">
            {format(m.count, { count: found.length })}
          </p>
          <ConsultationTable records={found} showPerson personNames={result?.names} />
        </>
      )}
    </div>
  );
}
