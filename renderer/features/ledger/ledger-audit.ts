import type { Person } from '../../../shared/index';
import { useAuditedView, type ViewAuditState } from '../../session/audit';
import type { OpenSession } from '../../session/session-service';

export const ledgerMenu = 'ledger';

/**
 * Each open of a person's ledger is one audit entry, written to the local store (and
 * uploaded by the sync). The screen shows the ledger only once the entry is stored, so
 * no read goes unrecorded even when the write fails. Changes the sync makes to the person
 * while the ledger is open are not new reads.
 */
export function useLedgerOpenAudit(session: OpenSession, person: Person | undefined): ViewAuditState {
  return useAuditedView(
    session,
    person && { menu: ledgerMenu, operation: 'read', centerId: person.centerId, targetPersonId: person.id, targetDocumentId: `persons:${person.id}` },
  );
}
