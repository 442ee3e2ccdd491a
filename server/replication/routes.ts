// Replication endpoints (server/API.md, "Replication"): per collection a pull with a
// checkpoint and a batch size and a push answering with the server state of every row it
// did not take as sent; one live stream for all collections. Pushes are open to every
// user who may read the collection: what they may write is decided row by row, so a
// refusal is a rejection the client records, never an HTTP error RxDB would retry forever.
import compression from 'compression';
import {
  collectionNames,
  collections,
  fieldLabel,
  format,
  idProperty,
  isSyncCheckpoint,
  maxPullBatchSize,
  maxPushRows,
  validationMessages,
  type CollectionName,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../shared/index';
import type { AccessAction } from '../../shared/access/policy';
import { auditDraft } from '../audit/request-audit';
import type { RouteCall, RouteModule } from '../http/api-router';
import { invalidField } from '../http/errors';
import { KeyedQueue } from '../util/keyed-queue';
import { ChangeHub } from './change-hub';
import { feedKeysOf, readActionOf } from './feeds';
import { readPullPage } from './pull';
import { pushRows } from './push';
import { serveStream } from './stream';
import { resumeTransfers } from './transfer';
import { contentOf } from './wire';

const wireDocument = {
  type: 'object',
  required: ['id', '_deleted'],
  properties: { id: idProperty, _deleted: { type: 'boolean' } },
} as const;

const pullBody = {
  type: 'object',
  additionalProperties: false,
  required: ['checkpoint', 'batchSize'],
  properties: {
    checkpoint: { anyOf: [{ type: 'null' }, { type: 'object' }] },
    batchSize: { type: 'integer', minimum: 1, maximum: maxPullBatchSize },
  },
} as const;

const pushBody = {
  type: 'object',
  additionalProperties: false,
  required: ['rows'],
  properties: {
    rows: {
      type: 'array',
      maxItems: maxPushRows,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['newDocumentState'],
        properties: { newDocumentState: wireDocument, assumedMasterState: { anyOf: [{ type: 'null' }, wireDocument] } },
      },
    },
  },
} as const;

/**
 * Pull pages are compressed (brotli or gzip, as the client accepts): on the city's
 * 10 Mbit/s links a first sync is bound by the bytes, and JSON with Japanese text shrinks
 * several times. Only pulls: the live stream must not be buffered.
 */
const compressPage = compression({ threshold: 2048 });

/** Offline edits of a whole day can be large (long consultation texts): room for a full batch. */
const pushBodyLimitKb = 64 * 1024;

export const replicationRoutes: RouteModule = (api, ctx) => {
  const log = (line: string) => console.error(line);
  const hub = new ChangeHub(ctx.storage, log);
  const locks = new KeyedQueue();
  // Transfers a crash cut short are finished before any push is served.
  const ready = resumeTransfers(ctx.storage).catch((error: unknown) => log(`replication: resuming transfers failed: ${(error as Error).message}`));

  for (const collection of collectionNames) {
    const readAction = readActionOf(collection);
    const labels = 'replication';
    if (readAction !== undefined) {
      api.post<PullRequest>(
        `/replication/${collection}/pull`,
        { access: readAction, operation: 'sync', menu: `api:replication.pull`, labels, body: pullBody },
        (call) => pull(call, collection),
      );
    }
    const pushAction: AccessAction = readAction ?? 'audit.upload';
    api.post<PushRequest>(
      `/replication/${collection}/push`,
      { access: pushAction, operation: 'sync', menu: `api:replication.push`, labels, body: pushBody, bodyLimitKb: pushBodyLimitKb },
      async (call) => {
        await ready;
        return collections[collection].scope === 'uploadOnly' ? uploadAuditEntries(call) : push(call, collection);
      },
    );
  }

  api.get('/replication/stream', { access: 'self', operation: 'sync', menu: 'api:replication.stream' }, (call) => {
    serveStream(ctx, hub, call.auth, call.req, call.res);
    return undefined;
  });

  async function pull(call: RouteCall<PullRequest>, collection: CollectionName): Promise<undefined> {
    const { checkpoint, batchSize } = call.body;
    if (checkpoint !== null && !isSyncCheckpoint(checkpoint)) {
      throw invalidField('checkpoint', format(validationMessages.invalid, { field: fieldLabel('replication', 'checkpoint') }));
    }
    const page = await readPullPage(ctx.storage, collection, feedKeysOf(call.auth.actor, collection), checkpoint, batchSize);
    if (page.documents.length > 0) await call.audit({ operation: 'sync', result: 'success', detail: `pull ${collection} documents=${page.documents.length}` });
    await new Promise<void>((resolve) => compressPage(call.req, call.res, () => resolve()));
    call.res.json(page satisfies PullResponse);
    return undefined;
  }

  async function push(call: RouteCall<PushRequest>, collection: CollectionName): Promise<PushResponse> {
    const { auth } = call;
    const rows = call.body.rows.map((row) =>
      // A stated base of another document is no base at all.
      row.assumedMasterState && row.assumedMasterState.id !== row.newDocumentState.id ? { newDocumentState: row.newDocumentState } : row,
    );
    const { response, audit } = await pushRows(
      { storage: ctx.storage, actor: auth.actor, userId: auth.user.id, ...(auth.deviceId !== undefined ? { deviceId: auth.deviceId } : {}), now: ctx.now, locks },
      collection,
      rows,
    );
    await ctx.audit.appendMany(audit.map((event) => auditDraft(call.source, event, ctx.now())));
    return response;
  }

  /**
   * Offline audit entries join the hash chain; they never come back down. A device drops
   * its copy once an entry is chained, but the log is append-only: a deletion is never a
   * removal. One that still carries the entry (the device dropped it before an upload was
   * answered) is chained like any upload, once; a bare deletion has nothing to record.
   */
  async function uploadAuditEntries(call: RouteCall<PushRequest>): Promise<PushResponse> {
    const entries = call.body.rows.map((row) => contentOf(row.newDocumentState)).filter((entry) => Object.keys(entry).some((key) => key !== 'id'));
    const outcomes = await ctx.audit.appendAuditEntries(entries, { userId: call.auth.user.id, ...(call.auth.deviceId !== undefined ? { deviceId: call.auth.deviceId } : {}) });
    const rejections = outcomes.flatMap((outcome) =>
      outcome.ok ? [] : [{ id: outcome.id, reason: 'invalid' as const, message: outcome.errors.map((e) => e.message).join('、'), fields: outcome.errors.map((e) => ({ field: e.field, message: e.message })) }],
    );
    return { conflicts: [], rejections };
  }
};
