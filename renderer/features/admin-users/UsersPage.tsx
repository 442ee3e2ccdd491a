import { Link, useLocation } from 'react-router-dom';
import { adminMessages, format, type PublicUser } from '../../../shared/index';
import { LoadState, OnlineOnlyNotice, useServerData } from '../../app/server-screen';
import { serverScreens } from '../../app/navigation';
import { DataTable, type Column } from '../../ui/DataTable';
import { PageHeading } from '../../ui/PageHeading';
import { useTitle } from '../../ui/use-title';
import { centersLabel, permissionLabel, roleLabel, stateLabel } from './labels';
import '../case-work/case-work.css';
import '../audit-log/audit-log.css';

const m = adminMessages.users;

const columns: readonly [Column<PublicUser>, ...Column<PublicUser>[]] = [
  {
    header: m.columns.id,
    cell: (u) => (
      <Link to={`${serverScreens.users.path}/${encodeURIComponent(u.id)}`} aria-label={format(m.edit, { name: `${u.displayName}（${u.id}）` })}>
        <span className="code">{u.id}</span>
      </Link>
    ),
  },
  { header: m.columns.displayName, cell: (u) => u.displayName, className: 'nowrap' },
  { header: m.columns.role, cell: (u) => roleLabel(u.role) },
  { header: m.columns.centers, cell: (u) => centersLabel(u) },
  { header: m.columns.permissions, cell: (u) => u.permissions.map(permissionLabel).join('、') },
  { header: m.columns.state, cell: (u) => stateLabel(u, new Date()), className: 'nowrap' },
];

/** ユーザー管理: every user ID with its role, scope, permissions and state. */
export function UsersPage() {
  useTitle(m.title);
  const { loaded, reload } = useServerData<{ items: PublicUser[] }>('/api/users');
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <div className="server-screen">
      <PageHeading>{m.title}</PageHeading>
      <OnlineOnlyNotice />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <p>
        <Link className="button-link primary" to={`${serverScreens.users.path}/new`}>
          {m.create}
        </Link>
      </p>
      <LoadState loaded={loaded} reload={reload} />
      {loaded.state === 'ready' && (
        <div className="table-scroll">
          <DataTable caption={m.caption} columns={columns} rows={[...loaded.data.items].sort((a, b) => a.id.localeCompare(b.id))} rowKey={(u) => u.id} />
        </div>
      )}
    </div>
  );
}
