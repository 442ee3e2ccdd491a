// Turns "what happened" in a request into an audit entry draft, filling in who, from
// which device, through which menu, and the request id that ties it to the server log.
import type { AuditOperation, AuditResult } from '../../shared/index';
import type { AuditEntryDraft } from './chain';

export interface AuditEvent {
  operation: AuditOperation;
  result: AuditResult;
  /** The center the target belongs to. */
  centerId?: string;
  targetPersonId?: string;
  targetDocumentId?: string;
  /** Short, no case content: a reason code, a count, a filter summary. */
  detail?: string;
}

export interface AuditSource {
  userId: string;
  deviceId?: string;
  menu: string;
  requestId: string;
  /** The user's own center, recorded when the target has none. */
  homeCenter?: string;
}

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

export function auditDraft(source: AuditSource, event: AuditEvent, at: number): AuditEntryDraft {
  const centerId = event.centerId ?? source.homeCenter;
  return {
    at: new Date(at).toISOString(),
    userId: clip(source.userId, 40),
    ...(source.deviceId !== undefined ? { deviceId: clip(source.deviceId, 120) } : {}),
    ...(centerId !== undefined ? { centerId: clip(centerId, 8) } : {}),
    menu: clip(source.menu, 80),
    operation: event.operation,
    ...(event.targetPersonId !== undefined ? { targetPersonId: clip(event.targetPersonId, 120) } : {}),
    ...(event.targetDocumentId !== undefined ? { targetDocumentId: clip(event.targetDocumentId, 120) } : {}),
    result: event.result,
    requestId: clip(source.requestId, 80),
    ...(event.detail !== undefined ? { detail: clip(event.detail, 200) } : {}),
  };
}
