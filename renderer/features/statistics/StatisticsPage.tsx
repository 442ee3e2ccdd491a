import { adminMessages, format } from '../../../shared/index';
import { LoadState, OnlineOnlyNotice, useServerData } from '../../app/server-screen';
import { DataTable, type Column } from '../../ui/DataTable';
import { PageHeading } from '../../ui/PageHeading';
import { useTitle } from '../../ui/use-title';

const m = adminMessages.statistics;

/** GET /api/statistics (server/API.md): counts only, never a person. */
export interface Statistics {
  centers: { centerId: string; name: string; persons: number }[];
  persons: number;
  auditEntries: number;
}

type Row = { key: string; name: string; persons: number };

const columns: readonly [Column<Row>, ...Column<Row>[]] = [
  { header: m.center, cell: (row) => row.name },
  { header: m.persons, cell: (row) => format(m.personsCount, { count: row.persons.toLocaleString('ja-JP') }), className: 'number' },
];

/** 統計: how many persons each center holds and how long the audit log is. */
export function StatisticsPage() {
  useTitle(m.title);
  const { loaded, reload } = useServerData<Statistics>('/api/statistics');
  return (
    <div className="server-screen">
      <PageHeading>{m.title}</PageHeading>
      <OnlineOnlyNotice />
      <LoadState loaded={loaded} reload={reload} />
      {loaded.state === 'ready' && (
        <>
          <DataTable
            caption={m.caption}
            columns={columns}
            rows={[...loaded.data.centers.map((c) => ({ key: c.centerId, name: c.name, persons: c.persons })), { key: 'total', name: m.total, persons: loaded.data.persons }]}
            rowKey={(row) => row.key}
          />
          <dl className="fields">
            <div className="field-row">
              <dt>{m.auditEntries}</dt>
              <dd>{format(m.count, { count: loaded.data.auditEntries.toLocaleString('ja-JP') })}</dd>
            </div>
          </dl>
        </>
      )}
    </div>
  );
}
