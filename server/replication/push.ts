// A pushed batch, row by row (DESIGN.md decisions 2 and 3): each row is checked against
// the schema, the user's scope and permissions, merged three-way with the server's
// current state, and written; a row that cannot be taken is refused on its own with a
// reason the client records, never as an HTTP error that would make RxDB retry forever.
// Rows of one person run one at a time (a transfer moves all their documents at once).
import { decide, type Actor } from '../../shared/access/policy';
import {
  centerName,
  collections,
  fieldLabel,
  format,
  globalFeedKey,
  jsonEqual,
  mergeDocuments,
  changedFields,
  syncMessages,
  uiMessages,
  validationMessages,
  type CollectionName,
  type PushRejection,
  type PushResponse,
  type PushRow,
  type RejectionReason,
  type WireDocument,
} from '../../shared/index';
import type { AuditEvent } from '../audit/request-audit';
import { centerDatabaseName, globalDatabases } from '../storage/names';
import { StorageConflictError, StorageInvalidError, type StorageEngine } from '../storage/port';
import type { KeyedQueue } from '../util/keyed-queue';
import { validateDocument } from '../validation/documents';
import { conflictRecord } from './conflict-record';
import { conflictCenterOf, writeActionOf } from './feeds';
import { Locator, type Located } from './locate';
import { transferPerson } from './transfer';
import { contentOf, deletionOf, storedFrom, toWire, tombstoneFor } from './wire';

export interface Pusher {
  storage: StorageEngine;
  actor: Actor;
  userId: string;
  deviceId?: string;
  now: () => number;
  /** Serializes the rows (and transfers) of one person across requests. */
  locks: KeyedQueue;
}

interface RowResult {
  /** The state to hand back when it is not exactly what the client sent. */
  conflict?: WireDocument;
  rejection?: PushRejection;
  audit?: AuditEvent;
}

const m = syncMessages.rejections;
const maxAttempts = 5;
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

class Refusal extends Error {
  constructor(
    readonly reason: RejectionReason,
    message: string,
    /** What the client should hold instead: the server's state, or a deletion when it may not see it. */
    readonly state: WireDocument,
    readonly centerId?: string,
    readonly fields?: Array<{ field: string; message: string }>,
  ) {
    super(message);
  }
}

export async function pushRows(pusher: Pusher, collection: CollectionName, rows: readonly PushRow[]): Promise<{ response: PushResponse; audit: AuditEvent[] }> {
  const response: PushResponse = { conflicts: [], rejections: [] };
  const audit: AuditEvent[] = [];
  for (const row of rows) {
    const mine = row.newDocumentState;
    const lockKey = collection === 'persons' ? mine.id : (asString(mine.personId) ?? `${collection}:${mine.id}`);
    const result = await pusher.locks.run(lockKey, () => pushWithRetries(pusher, collection, row));
    if (result.conflict) response.conflicts.push(result.conflict);
    if (result.rejection) response.rejections.push(result.rejection);
    if (result.audit) audit.push(result.audit);
  }
  return { response, audit };
}

async function pushWithRetries(pusher: Pusher, collection: CollectionName, row: PushRow): Promise<RowResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      // A fresh locator each time: another request may have moved the person meanwhile.
      return await pushRow(pusher, new Locator(pusher.storage), collection, row);
    } catch (error) {
      if (error instanceof Refusal) return refused(collection, row.newDocumentState, error);
      // An id the store keeps for itself (`_design/…`): the schema allows it, storage does not.
      if (error instanceof StorageInvalidError) {
        const message = format(validationMessages.invalid, { field: fieldLabel(collection, 'id') });
        return refused(collection, row.newDocumentState, new Refusal('invalid', message, deletionOf(row.newDocumentState.id), undefined, [{ field: 'id', message }]));
      }
      // Someone wrote the document between our read and our write: read again and merge again.
      if (error instanceof StorageConflictError && attempt < maxAttempts) continue;
      throw error;
    }
  }
}

function refused(collection: CollectionName, mine: WireDocument, refusal: Refusal): RowResult {
  const personId = collection === 'persons' ? mine.id : asString(mine.personId);
  const centerId = refusal.centerId ?? asString(mine.centerId);
  return {
    conflict: refusal.state,
    rejection: { id: mine.id, reason: refusal.reason, message: refusal.message, ...(refusal.fields ? { fields: refusal.fields } : {}) },
    audit: {
      operation: 'sync',
      result: refusal.reason === 'invalid' ? 'failure' : 'denied',
      ...(centerId !== undefined ? { centerId } : {}),
      ...(personId !== undefined ? { targetPersonId: personId } : {}),
      targetDocumentId: mine.id,
      detail: `push ${collection} rejected:${refusal.reason}`,
    },
  };
}

const kindLabel = (collection: CollectionName): string => uiMessages.syncCollections[collection];
const centerLabel = (collection: CollectionName): string => fieldLabel(collection, 'centerId');

async function pushRow(pusher: Pusher, locator: Locator, collection: CollectionName, row: PushRow): Promise<RowResult> {
  const { actor } = pusher;
  const mine = row.newDocumentState;
  const base = row.assumedMasterState ?? undefined;
  const id = mine.id;
  const global = collections[collection].scope === 'global';
  const sees = (centerId: string) => decide(actor, global ? 'master.read' : 'case.read', centerId).allowed;

  // Where the document is now, and where its person is.
  const claimed = [asString(base?.centerId), asString(mine.centerId)];
  const personId = collection === 'persons' ? id : asString(mine.personId);
  const personCenter = global || personId === undefined ? undefined : await locator.personCenter(personId, claimed);
  const where: Located | undefined = global ? await findGlobal(pusher.storage, id) : await locator.find(collection, id, [personCenter, ...claimed], false);
  const hidden = (reason: RejectionReason, message: string, centerId?: string) => new Refusal(reason, message, deletionOf(id), centerId);
  if (where && !global && !sees(where.centerId)) {
    throw claimed.includes(where.centerId)
      ? hidden('outOfScope', format(m.outOfScope, { field: centerLabel(collection), center: centerName(where.centerId) }), where.centerId)
      : hidden('personMoved', m.personMoved, where.centerId);
  }
  if (!where && !global) {
    const home = personCenter ?? asString(mine.centerId);
    if (personCenter !== undefined && !sees(personCenter) && !claimed.includes(personCenter)) throw hidden('personMoved', m.personMoved, personCenter);
    if (home === undefined || !sees(home)) throw hidden('outOfScope', format(m.outOfScope, { field: centerLabel(collection), center: centerName(home ?? '') }), home);
  }
  const visible = where ? toWire(where.doc) : deletionOf(id);

  const checked = validateDocument(collection, contentOf(mine));
  if (!checked.ok) {
    const fields = checked.errors.map((e) => ({ field: e.field, message: e.message }));
    throw new Refusal('invalid', fields.map((f) => f.message).join('、'), visible, where?.centerId, fields);
  }

  // The server's side of the merge: its document, or a deletion the client has not seen.
  const theirs: WireDocument | undefined = where ? visible : base && !base._deleted ? { ...base, _deleted: true } : undefined;
  if (!theirs && mine._deleted) return {}; // deleting what the server never had: nothing to do
  let { merged, conflictFields } = theirs ? mergeDocuments(base, mine, theirs) : { merged: { ...mine } as Record<string, unknown>, conflictFields: [] as string[] };

  // Where the result belongs: a person where their centerId says, a record with its person.
  let target = global ? globalFeedKey : where?.centerId;
  if (!global && merged._deleted !== true) {
    if (collection === 'persons') {
      target = asString(merged.centerId);
    } else {
      target = personCenter ?? where?.centerId ?? asString(merged.centerId);
      const clientMoved = base !== undefined && asString(base.centerId) !== asString(mine.centerId);
      if (asString(merged.centerId) !== target) {
        if (clientMoved) throw new Refusal('centerMismatch', format(m.centerMismatch, { field: centerLabel(collection), center: centerName(target ?? '') }), visible, where?.centerId);
        merged = { ...merged, centerId: target };
      }
    }
    if (target === undefined || !sees(target)) {
      const reason = where ? 'reassignForbidden' : 'outOfScope';
      const message = where ? format(m.reassignForbidden, { field: centerLabel(collection) }) : format(m.outOfScope, { field: centerLabel(collection), center: centerName(target ?? '') });
      throw new Refusal(reason, message, visible, where?.centerId);
    }
  }
  const transfer = collection === 'persons' && where !== undefined && target !== undefined && target !== where.centerId;
  const writeCenter = target ?? where?.centerId ?? '';
  if (!decide(actor, writeActionOf(collection), global ? undefined : writeCenter).allowed) {
    throw new Refusal('forbidden', format(m.forbidden, { kind: kindLabel(collection) }), visible, where?.centerId);
  }
  if (transfer && !(decide(actor, 'person.reassign', where.centerId).allowed && decide(actor, 'person.reassign', writeCenter).allowed)) {
    throw new Refusal('reassignForbidden', format(m.reassignForbidden, { field: centerLabel(collection) }), visible, where.centerId);
  }
  // Two valid versions can still merge into an invalid one: then the server's stands whole.
  if (theirs && merged._deleted !== true && !validateDocument(collection, contentOf(merged)).ok) {
    merged = { ...theirs };
    conflictFields = changedFields(base, mine);
  }

  // Write, unless the result is what the server has already.
  let operation: AuditEvent['operation'] = where ? 'update' : 'create';
  let detail = `push ${collection}`;
  const db = (centerId: string) => pusher.storage.open(global ? globalDatabases.masters : centerDatabaseName(collection, centerId));
  if (merged._deleted === true) {
    // Already gone on the server: only a conflict (an edit that lost to the deletion) is kept.
    operation = where ? 'delete' : 'sync';
    if (where) await (await db(where.centerId)).put(tombstoneFor(id, where.doc._rev ?? ''));
  } else if (where && where.centerId === writeCenter) {
    if (!jsonEqual(merged, theirs)) await (await db(writeCenter)).put(storedFrom(id, merged, where.doc._rev));
    else if (conflictFields.length === 0) return jsonEqual(merged, mine) ? {} : { conflict: merged as WireDocument };
    // The server's version stands whole: nothing written but the conflict record.
    else operation = 'sync';
  } else if (transfer) {
    const moved = await transferPerson(pusher.storage, { ...merged, id }, where.centerId, writeCenter, pusher.now());
    detail += ` transfer ${where.centerId}->${writeCenter} moved=${moved}`;
  } else {
    const targetDb = await db(writeCenter);
    await targetDb.put(storedFrom(id, merged, (await targetDb.get(id))?._rev));
    // A record still at its person's old center follows them.
    if (where) await (await db(where.centerId)).put(tombstoneFor(id, where.doc._rev ?? '', writeCenter));
  }

  const conflictCenter = global ? conflictCenterOf(globalFeedKey) : writeCenter || (asString(mine.centerId) ?? '');
  if (conflictFields.length > 0) {
    const record = conflictRecord({
      collection,
      documentId: id,
      ...(personId !== undefined ? { personId } : {}),
      centerId: conflictCenter,
      fields: conflictFields,
      losing: mine,
      winning: merged,
      userId: pusher.userId,
      ...(pusher.deviceId !== undefined ? { deviceId: pusher.deviceId } : {}),
      now: pusher.now(),
    });
    const conflicts = await pusher.storage.open(centerDatabaseName('conflicts', conflictCenter));
    // Already there: the same losing version from a push retried after a lost answer.
    if (!(await conflicts.get(record.id))) await conflicts.put(storedFrom(record.id, record));
    detail += ` conflict=${conflictFields.join(',')}`;
  }
  const stored: WireDocument = merged._deleted === true ? deletionOf(id) : ({ ...merged, _deleted: false } as WireDocument);
  const asSent = merged._deleted === true ? mine._deleted : jsonEqual(stored, mine);
  return {
    ...(asSent ? {} : { conflict: stored }),
    audit: {
      operation,
      result: 'success',
      ...(global ? {} : { centerId: writeCenter || where?.centerId }),
      ...(personId !== undefined ? { targetPersonId: personId } : {}),
      targetDocumentId: id,
      detail,
    },
  };
}

async function findGlobal(storage: StorageEngine, id: string): Promise<Located | undefined> {
  const doc = await (await storage.open(globalDatabases.masters)).get(id);
  return doc ? { centerId: globalFeedKey, doc } : undefined;
}
