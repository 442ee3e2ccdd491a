// The import endpoint `npm run migrate -- <export> --server URL` talks to (IT
// administrators, `migration.run`). The CLI reads, maps and checks the export; the server
// checks every document again against the shared schema and the center it names, writes
// through the same migration store as `--data`, audits what it creates or changes (per
// person per batch, audit.ts), and answers per-row content hashes read back from its store — never content,
// which an IT administrator may not see.
import { randomUUID } from 'node:crypto';
import { centerIds, cityHall, collections, format, migrationMessages, type CollectionName, type PlainDocument } from '../../shared/index';
import { auditDraft, type AuditEvent } from '../audit/request-audit';
import { createFileStore, type FilePayload } from '../files/store';
import { ApiError } from '../http/errors';
import type { RouteModule, RouteSpec } from '../http/api-router';
import { validateDocument } from '../validation/documents';
import { importCollections } from '../../migration/mapping/schema';
import { groupDetail, groupTarget, groupWritten, type WrittenGroup } from './audit';
import { createMigrationStore, type ImportOutcome, type ImportUnit, type MigrationStore, type WrittenDocument } from './store';

const runId = { type: 'string', pattern: '^[A-Za-z0-9-]{8,64}$' } as const;
const centerId = { type: 'string', pattern: '^([0-9]{2}|cityHall)$' } as const;
const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;
const fieldList = { type: 'array', maxItems: 200, items: { type: 'string', minLength: 1, maxLength: 100 } } as const;

const projection = {
  type: 'object',
  additionalProperties: false,
  properties: {
    path: { type: 'string', maxLength: 100 },
    match: { type: 'object', maxProperties: 10 },
    fields: fieldList,
    rootFields: fieldList,
  },
  required: ['fields'],
} as const;

const batchBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    runId,
    units: {
      type: 'array',
      minItems: 1,
      maxItems: 2000,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          collection: { type: 'string', enum: importCollections },
          doc: { type: 'object' },
          owned: fieldList,
          defaulted: fieldList,
          checks: { type: 'array', maxItems: 1000, items: projection },
          files: {
            type: 'array',
            maxItems: 20,
            items: { type: 'object', additionalProperties: false, properties: { centerId, sha256 }, required: ['centerId', 'sha256'] },
          },
        },
        required: ['collection', 'doc', 'owned', 'checks'],
      },
    },
  },
  required: ['runId', 'units'],
} as const;

const missingBody = {
  type: 'object',
  additionalProperties: false,
  properties: { centerId, sha256s: { type: 'array', maxItems: 5000, items: sha256 } },
  required: ['centerId', 'sha256s'],
} as const;

const filesBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    centerId,
    files: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { sha256, contentType: { type: 'string', minLength: 1, maxLength: 100 }, data: { type: 'string', maxLength: 12_000_000 } },
        required: ['sha256', 'contentType', 'data'],
      },
    },
  },
  required: ['centerId', 'files'],
} as const;

interface BatchBody {
  runId: string;
  units: ImportUnit[];
}

/** Big enough for a batch of 500 documents or a few scanned PDFs. */
const bodyLimitKb = 32 * 1024;
const knownCenters = new Set<string>([...centerIds, cityHall]);
/** A store per run: its index of where documents are is fresh for each run. */
const RUNS_KEPT = 4;

const spec = (menu: string, body: object): RouteSpec => ({ access: 'migration.run', operation: 'create', menu, labels: 'request', body, bodyLimitKb });

/** A unit the CLI mapped, checked again here: the server never trusts a client's document. */
function refusal(unit: ImportUnit): string | undefined {
  const doc = unit.doc as PlainDocument;
  if (typeof doc.id !== 'string') return 'id';
  if (collections[unit.collection].scope === 'center' && !knownCenters.has(String(doc.centerId))) {
    return format(migrationMessages.reject.unknownReference, { column: '担当包括', value: String(doc.centerId), target: '包括の一覧' });
  }
  const result = validateDocument(unit.collection as CollectionName, doc);
  return result.ok ? undefined : result.errors.map((e) => e.message).join('、');
}

export const migrationRoutes: RouteModule = (api, ctx) => {
  const files = createFileStore(ctx.storage);
  const runs = new Map<string, MigrationStore>();

  api.post<BatchBody>('/migration/batches', spec('api:migration.batches', batchBody), async (call) => {
    let store = runs.get(call.body.runId);
    if (!store) {
      store = createMigrationStore(ctx.storage, { files });
      runs.set(call.body.runId, store);
      while (runs.size > RUNS_KEPT) runs.delete(runs.keys().next().value as string);
    }
    // Stamped and audited as this request: the logged-in administrator, the server's clock.
    const stamp = () => ({ at: new Date(ctx.now()).toISOString(), by: call.auth.user.id });
    // One entry per person per batch (audit.ts), as `--data` does.
    const onWritten = async (written: readonly WrittenDocument[]) => {
      const at = ctx.now();
      const event = (group: WrittenGroup): AuditEvent => ({
        operation: group.operation,
        result: 'success',
        ...(group.centerId !== undefined ? { centerId: group.centerId } : {}),
        ...groupTarget(group),
        detail: groupDetail(group, migrationMessages.audit.server, call.body.runId),
      });
      await ctx.audit.appendMany(groupWritten(written).map((group) => auditDraft(call.source, event(group), at)));
    };
    const outcomes: ImportOutcome[] = new Array<ImportOutcome>(call.body.units.length);
    const accepted: Array<{ index: number; unit: ImportUnit }> = [];
    call.body.units.forEach((unit, index) => {
      const reason = refusal(unit);
      if (reason === undefined) accepted.push({ index, unit });
      else outcomes[index] = { id: String(unit.doc.id), status: 'failed', error: `invalid: ${reason}`, before: unit.checks.map(() => null), after: unit.checks.map(() => null), filesVerified: false };
    });
    const written = accepted.length > 0 ? await store.importBatch(accepted.map((a) => a.unit), { stamp, onWritten }) : [];
    accepted.forEach((a, i) => (outcomes[a.index] = written[i] as ImportOutcome));
    return { outcomes };
  });

  api.post<{ centerId: string; sha256s: string[] }>('/migration/files/missing', spec('api:migration.files', missingBody), async (call) => {
    const present = await files.present(call.body.centerId, call.body.sha256s);
    return { missing: call.body.sha256s.filter((s) => !present.has(s)) };
  });

  api.post<{ centerId: string; files: Array<{ sha256: string; contentType: string; data: string }> }>(
    '/migration/files',
    spec('api:migration.files', filesBody),
    async (call) => {
      const payloads: FilePayload[] = call.body.files.map((f) => {
        const bytes = Buffer.from(f.data, 'base64');
        return { sha256: f.sha256, contentType: f.contentType, size: bytes.length, bytes };
      });
      try {
        const stored = await files.putFiles(call.body.centerId, payloads);
        return { stored };
      } catch (error) {
        throw new ApiError(400, 'invalidFile', (error as Error).message);
      }
    },
  );
};

/** A run id for the CLI: one store (and one location index) per run on the server. */
export const newRunId = (): string => randomUUID();
