import { Link } from 'react-router-dom';
import { format, uiMessages } from '../../../shared/index';
import { useOpenSession, useServices, useSyncStatus } from '../../app/context';
import { localDateTime } from '../../ui/format';
import { issueSections } from './SyncIssuesPage';
import './sync-issues.css';

const m = uiMessages.sync;

/**
 * Always on screen (issue 5, item 7): the network, what is waiting to be sent, when the
 * last sync really finished, and what needs a person's decision (conflicts and refused
 * changes, counted live from the local store, each linked to its list). It shows only what the
 * status says; with no sync engine attached it says so rather than implying success.
 */
export function SyncStatusBar() {
  const status = useSyncStatus();
  const session = useOpenSession();
  const { session: service } = useServices();
  // After an offline unlock there is no server session: syncing needs a sign-in online.
  const canReconnect = !session.online && status.online;
  return (
    <section className="sync-status" aria-label={m.regionLabel}>
      <span className={status.online ? 'sync-online' : 'sync-offline'}>
        <span aria-hidden="true" className="dot" />
        {status.online ? m.online : m.offline}
      </span>
      {status.syncing && <span>{m.syncing}</span>}
      <span>{status.pending === null ? m.pendingUnknown : format(m.pending, { count: status.pending })}</span>
      <span>{status.lastSuccessAt ? format(m.lastSuccess, { at: localDateTime(status.lastSuccessAt) }) : m.neverSynced}</span>
      {status.engine === 'none' && <span className="sync-note">{session.online ? m.notConnected : m.offlineSession}</span>}
      {status.engine === 'stopped' && <span className="sync-note">{m.stopped}</span>}
      {canReconnect && (
        <button type="button" className="link-button" onClick={() => void service.lock('reconnect')}>
          {m.reconnect}
        </button>
      )}
      {status.lastError && (
        <span className="sync-error" role="alert">
          {format(m.lastError, { message: status.lastError.message })}
        </span>
      )}
      <span className="sync-issues">
        <Link to={`/sync?section=${issueSections.conflicts}`} className={status.conflicts > 0 ? 'has-issues' : undefined}>
          {format(uiMessages.syncIssues.conflictsLink, { count: status.conflicts })}
        </Link>
        <Link to={`/sync?section=${issueSections.rejections}`} className={status.rejections > 0 ? 'has-issues' : undefined}>
          {format(uiMessages.syncIssues.rejectionsLink, { count: status.rejections })}
        </Link>
      </span>
    </section>
  );
}
