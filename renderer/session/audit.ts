import { useEffect, useState } from 'react';
import { recordAudit, type AuditEvent } from '../store/audit';
import type { OpenSession } from './session-service';

// What every screen needs to audit as the signed-in user (DESIGN.md decision 5): an
// entry in the local log, uploaded by the sync, and for screens that show a record, the
// rule that the record is shown only once its read is recorded.

/** Records an audit entry as the session's user, on this device; `detail` fits the schema. */
export function auditAs(session: OpenSession, event: AuditEvent): Promise<void> {
  return recordAudit(
    session.db,
    { userId: session.userId, deviceId: session.deviceId, online: session.online },
    event.detail === undefined ? event : { ...event, detail: event.detail.slice(0, 200) },
  );
}

export type ViewAuditState = 'pending' | 'recorded' | 'failed';

/**
 * One read entry per opening of what `event` names (undefined until the record is
 * loaded); 'recorded' once it is stored, so the screen can show the record only then and
 * no read goes unrecorded. Changes the sync makes while the screen is open are not new
 * reads: only a change of what the event names is.
 */
export function useAuditedView(session: OpenSession, event: AuditEvent | undefined): ViewAuditState {
  const key = event ? JSON.stringify(event) : undefined;
  const [state, setState] = useState<{ key: string; state: ViewAuditState } | undefined>();
  useEffect(() => {
    if (key === undefined) return;
    let current = true;
    auditAs(session, JSON.parse(key) as AuditEvent).then(
      () => current && setState({ key, state: 'recorded' }),
      (error: unknown) => {
        console.error('audit entry not written', error);
        if (current) setState({ key, state: 'failed' });
      },
    );
    return () => {
      current = false;
    };
  }, [key, session]);
  return state !== undefined && state.key === key ? state.state : 'pending';
}
