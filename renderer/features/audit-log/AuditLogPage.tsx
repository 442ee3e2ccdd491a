import { useMemo, useState, type FormEvent } from 'react';
import { adminMessages, allScopeCenters, auditOperations, auditResults, centerName, format, serverMessages, type AuditEntry } from '../../../shared/index';
import { useServices } from '../../app/context';
import { failureText, fieldErrorsOf, LoadState, OnlineOnlyNotice, useServerData } from '../../app/server-screen';
import { ApiFailure } from '../../api/client';
import { DataTable, type Column } from '../../ui/DataTable';
import { PageHeading } from '../../ui/PageHeading';
import { useTitle } from '../../ui/use-title';
import { SelectField, TextInputField } from '../case-work/fields';
import { ChainStatus } from './ChainStatus';
import { downloadAuditCsv } from './csv-download';
import { datePreview, emptyFilters, filterQuery, isOperation, isResult, queryString, warekiDateTime, type AuditFilterForm, type CsvEncoding, type FilterField } from './filters';
import '../case-work/case-work.css';
import './audit-log.css';

const m = adminMessages.audit;
const names = serverMessages.audit;
const h = names.csvHeadings;
const pageSize = 50;

interface AuditPage {
  items: AuditEntry[];
  next?: string;
}

const none = adminMessages.common.none;

const columns: readonly [Column<AuditEntry>, ...Column<AuditEntry>[]] = [
  {
    header: m.atColumn,
    cell: (e) => (
      <>
        <time dateTime={e.at}>{warekiDateTime(e.at)}</time>
        <span className="utc">{format(m.utc, { instant: e.at })}</span>
      </>
    ),
  },
  { header: h.userId, cell: (e) => <span className="code">{e.userId}</span> },
  { header: h.deviceId, cell: (e) => e.deviceId ?? none },
  { header: h.centerId, cell: (e) => (e.centerId ? centerName(e.centerId) : none) },
  { header: h.menu, cell: (e) => e.menu },
  { header: h.operation, cell: (e) => names.operations[e.operation] },
  { header: h.targetPersonId, cell: (e) => (e.targetPersonId ? <span className="code">{e.targetPersonId}</span> : none) },
  { header: h.targetDocumentId, cell: (e) => (e.targetDocumentId ? <span className="code">{e.targetDocumentId}</span> : none) },
  { header: h.result, cell: (e) => <span className={`result-${e.result}`}>{names.results[e.result]}</span> },
  { header: h.detail, cell: (e) => `${e.detail ?? ''}${e.offline ? m.offlineEntry : ''}` || none },
];

const centerOptions = [{ value: '', label: m.anyCenter }, ...allScopeCenters.map((id) => ({ value: id, label: centerName(id) }))];
const operationOptions = [{ value: '', label: m.anyOperation }, ...auditOperations.map((op) => ({ value: op, label: names.operations[op] }))];
const resultOptions = [{ value: '', label: m.anyResult }, ...auditResults.map((r) => ({ value: r, label: names.results[r] }))];

/** 監査ログ: the chain's state, the filters, the entries page by page, and the CSV of the filters. */
export function AuditLogPage() {
  useTitle(m.title);
  const { api, session } = useServices();
  const [form, setForm] = useState<AuditFilterForm>(emptyFilters);
  const [formErrors, setFormErrors] = useState<Partial<Record<FilterField, string>>>({});
  const [applied, setApplied] = useState<Record<string, string>>({});
  // The `after` cursor of each page shown so far; '' is the first page.
  const [cursors, setCursors] = useState<string[]>(['']);
  const cursor = cursors[cursors.length - 1] ?? '';
  const path = useMemo(() => `/api/audit?${queryString({ ...applied, limit: String(pageSize), ...(cursor ? { after: cursor } : {}) })}`, [applied, cursor]);
  const { loaded, reload } = useServerData<AuditPage>(path);
  const [exporting, setExporting] = useState<{ state: 'idle' } | { state: 'working' } | { state: 'done'; file: string } | { state: 'failed'; message: string }>({ state: 'idle' });

  const serverErrors = loaded.state === 'failed' ? loaded.fields : {};
  const errorOf = (field: FilterField) => formErrors[field] ?? serverErrors[field];
  const set = (field: FilterField) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = filterQuery(form);
    if (!query.ok) {
      setFormErrors(query.errors);
      return;
    }
    setFormErrors({});
    setApplied(query.params);
    setCursors(['']);
    reload();
  };

  const clear = () => {
    setForm(emptyFilters);
    setFormErrors({});
    setApplied({});
    setCursors(['']);
  };

  const exportCsv = async (encoding: CsvEncoding) => {
    setExporting({ state: 'working' });
    try {
      setExporting({ state: 'done', file: await downloadAuditCsv(api, applied, encoding) });
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (Object.keys(fields).length > 0) setFormErrors(fields);
      if (error instanceof ApiFailure && error.kind === 'sessionExpired') void session.lock('sessionExpired');
      setExporting({ state: 'failed', message: failureText(error) });
    }
  };

  const page = loaded.state === 'ready' ? loaded.data : undefined;

  return (
    <div className="server-screen audit-log">
      <PageHeading>{m.title}</PageHeading>
      <OnlineOnlyNotice />
      <ChainStatus />

      <form className="audit-filters" onSubmit={submit} noValidate aria-labelledby="filters-heading">
        <h2 id="filters-heading">{m.filters}</h2>
        <div className="filter-grid">
          <TextInputField name="userId" label={m.userId} value={form.userId} onChange={set('userId')} error={errorOf('userId')} />
          <SelectField name="centerId" label={m.centerId} value={form.centerId} options={centerOptions} onChange={set('centerId')} error={errorOf('centerId')} />
          <TextInputField name="personId" label={m.personId} value={form.personId} onChange={set('personId')} error={errorOf('personId')} />
          <SelectField name="operation" label={m.operation} value={form.operation} options={operationOptions} onChange={(v) => setForm((f) => ({ ...f, operation: isOperation(v) ? v : '' }))} error={errorOf('operation')} />
          <SelectField name="result" label={m.result} value={form.result} options={resultOptions} onChange={(v) => setForm((f) => ({ ...f, result: isResult(v) ? v : '' }))} error={errorOf('result')} />
          <TextInputField name="from" label={m.from} hint={datePreview(form.from) ?? m.dateHint} value={form.from} onChange={set('from')} error={errorOf('from')} />
          <TextInputField name="to" label={m.to} hint={datePreview(form.to) ?? m.dateHint} value={form.to} onChange={set('to')} error={errorOf('to')} />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {m.search}
          </button>
          <button type="button" onClick={clear}>
            {m.clear}
          </button>
        </div>
      </form>

      <section aria-labelledby="export-heading" className="audit-export">
        <h2 id="export-heading">{m.exportHeading}</h2>
        <p className="field-hint">{m.exportHint}</p>
        <div className="actions">
          <button type="button" onClick={() => void exportCsv('utf8')} disabled={exporting.state === 'working'}>
            {m.exportUtf8}
          </button>
          <button type="button" onClick={() => void exportCsv('cp932')} disabled={exporting.state === 'working'}>
            {m.exportCp932}
          </button>
        </div>
        <p role="status">
          {exporting.state === 'working' ? m.exporting : exporting.state === 'done' ? format(m.exported, { file: exporting.file }) : ''}
        </p>
        {exporting.state === 'failed' && <p role="alert" className="form-error">{exporting.message}</p>}
      </section>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{page ? format(m.page, { page: cursors.length, count: page.items.length }) : m.resultsCaption}</h2>
        <LoadState loaded={loaded} reload={reload} />
        {page && (
          <>
            <div className="table-scroll">
              <DataTable caption={m.resultsCaption} columns={columns} rows={page.items} rowKey={(e) => e.id} empty={m.noEntries} />
            </div>
            <nav className="actions" aria-label={m.paging}>
              {cursors.length > 1 && (
                <>
                  <button type="button" onClick={() => setCursors([''])}>
                    {m.first}
                  </button>
                  <button type="button" onClick={() => setCursors((c) => c.slice(0, -1))}>
                    {m.previous}
                  </button>
                </>
              )}
              {page.next !== undefined && (
                <button type="button" className="primary" onClick={() => setCursors((c) => [...c, page.next ?? ''])}>
                  {m.next}
                </button>
              )}
            </nav>
          </>
        )}
      </section>
    </div>
  );
}
