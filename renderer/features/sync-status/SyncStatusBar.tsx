import { Link } from 'react-router-dom';
import { format, uiMessages } from '../../../shared/index';
import { useOpenSession, useServices, useSyncStatus } from '../../app/context';
import { localDateTime } from '../../ui/format';

const m = uiMessages.sync;

/**
 * Always on screen (issue 5, item 7): the network, what is waiting to be sent, when the
 * last sync really finished, and what needs a person's decision. It shows only what the
 * status says; with no sync engine attached it says so rather than implying success.
 */
export function SyncStatusBar() {
  const status = useSyncStatus();
  const session = useOpenSession();
  const { session: service } = useServices();
  const issues = status.conflicts + status.rejections;
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
      <Link to="/sync" className={issues > 0 ? 'sync-issues has-issues' : 'sync-issues'}>
        {format(m.issues, { count: issues })}
      </Link>
    </section>
  );
}
