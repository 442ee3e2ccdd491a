// The one guard every route passes through (server/http/api-router.ts wires it in):
// who is calling, may they use this route at all, and — inside handlers — may they
// touch this center's data. Every refusal is audited before it is answered.
import { format, serverMessages } from '../../shared/index';
import { decide, type AccessAction } from '../../shared/access/policy';
import { authenticate } from '../auth/authenticate';
import type { Authenticated, ServerContext } from '../context';
import { auditDraft, type AuditEvent, type AuditSource } from '../audit/request-audit';
import { ApiError } from '../http/errors';
import type { AuditOperation } from '../../shared/index';

export interface GuardInput {
  authorization?: string;
  device?: string;
  menu: string;
  requestId: string;
  operation: AuditOperation;
}

export function auditSource(auth: Authenticated, menu: string, requestId: string): AuditSource {
  return {
    userId: auth.user.id,
    menu,
    requestId,
    ...(auth.deviceId !== undefined ? { deviceId: auth.deviceId } : {}),
    ...(!auth.user.allCenters && auth.user.centers.length === 1 ? { homeCenter: auth.user.centers[0] } : {}),
  };
}

export async function recordAudit(ctx: ServerContext, source: AuditSource, event: AuditEvent): Promise<void> {
  await ctx.audit.append(auditDraft(source, event, ctx.now()));
}

/** Authenticates the request and checks the route's action; throws 401/403 (audited). */
export async function guardRoute(ctx: ServerContext, input: GuardInput, action: AccessAction): Promise<Authenticated> {
  const result = authenticate(ctx, input);
  if (!result.ok) {
    const { failure } = result;
    if (failure.userId !== undefined) {
      const source = { userId: failure.userId, menu: input.menu, requestId: input.requestId, ...(failure.deviceId ? { deviceId: failure.deviceId } : {}) };
      await recordAudit(ctx, source, { operation: input.operation, result: 'denied', detail: failure.code });
    }
    throw new ApiError(401, failure.code, failure.message);
  }
  const decision = decide(result.auth.actor, action);
  if (!decision.allowed) {
    await recordAudit(ctx, auditSource(result.auth, input.menu, input.requestId), { operation: input.operation, result: 'denied', detail: `${action}:${decision.reason}` });
    throw forbidden();
  }
  return result.auth;
}

export const forbidden = (): ApiError => new ApiError(403, 'forbidden', serverMessages.access.forbidden);

/** 404 that says nothing about whether the thing exists elsewhere. */
export const notFound = (): ApiError => new ApiError(404, 'notFound', format(serverMessages.http.notFound));

export interface CenterTarget {
  centerId: string;
  targetPersonId?: string;
  targetDocumentId?: string;
}

/**
 * Inside a handler: may this user do `action` on this center's data? A refusal is
 * audited and answered as `hideAs` (404 for reads by id, so that a document outside
 * scope is never confirmed to exist).
 */
export async function authorizeCenter(
  ctx: ServerContext,
  source: AuditSource,
  auth: Authenticated,
  action: AccessAction,
  operation: AuditOperation,
  target: CenterTarget,
  hideAs: 403 | 404 = 403,
): Promise<void> {
  const decision = decide(auth.actor, action, target.centerId);
  if (decision.allowed) return;
  await recordAudit(ctx, source, { operation, result: 'denied', ...target, detail: `${action}:${decision.reason}` });
  throw hideAs === 404 ? notFound() : forbidden();
}
