// Auditors' endpoints: GET /api/audit (filtered, newest first), GET /api/audit/verify,
// GET /api/audit/export.csv (audited as an export before the first byte is sent).
import { auditOperations, auditResults, centerIdProperty, fieldLabel, format, isoDate, isoDateTime, serverMessages, validationMessages } from '../../shared/index';
import type { RouteModule } from '../http/api-router';
import { invalidField } from '../http/errors';
import type { ChainedEntry } from './chain';
import { csvHeader, csvRows, encodeCsv, type CsvEncoding } from './csv';
import { boundOf, scanAudit, type AuditFilter } from './query';
import { verifyAuditChain } from './verify';

const filterProperties = {
  userId: { type: 'string', minLength: 1, maxLength: 40 },
  centerId: { type: 'string', minLength: 2, maxLength: 8, pattern: centerIdProperty.pattern },
  personId: { type: 'string', minLength: 1, maxLength: 120 },
  operation: { type: 'string', enum: auditOperations },
  result: { type: 'string', enum: auditResults },
  from: { anyOf: [isoDate, isoDateTime] },
  to: { anyOf: [isoDate, isoDateTime] },
} as const;

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...filterProperties,
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
    after: { type: 'string', pattern: '^[0-9]{16}$' },
  },
} as const;

const exportQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { ...filterProperties, encoding: { type: 'string', enum: ['utf8', 'cp932'], default: 'utf8' } },
} as const;

interface FilterQuery {
  userId?: string;
  centerId?: string;
  personId?: string;
  operation?: AuditFilter['operation'];
  result?: AuditFilter['result'];
  from?: string;
  to?: string;
}

function filterOf(query: FilterQuery): AuditFilter {
  const { from, to, ...rest } = query;
  const filter: AuditFilter = { ...rest, ...(from ? { from: boundOf(from, 'from') } : {}), ...(to ? { to: boundOf(to, 'to') } : {}) };
  // The pattern admits 2026-13-45: only the calendar can say it is no date.
  for (const field of ['from', 'to'] as const) {
    if (Number.isNaN(filter[field])) throw invalidField(field, format(validationMessages.pattern, { field: fieldLabel('auditQuery', field) }), 'pattern');
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) throw invalidField('from', serverMessages.audit.fromAfterTo);
  return filter;
}

/** For the log's own entry: which filter was used, without case content. */
const summary = (query: FilterQuery) =>
  Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');

const exportBatch = 500;

export const auditRoutes: RouteModule = (api, ctx) => {
  api.get<undefined, FilterQuery & { limit: number; after?: string }>(
    '/audit',
    { access: 'audit.read', operation: 'search', menu: 'api:audit.search', labels: 'auditQuery', query: listQuery },
    async (call) => {
      const { limit, after, ...query } = call.query;
      const filter = filterOf(query);
      const items: ChainedEntry[] = [];
      let lastId: string | undefined;
      let next: string | undefined;
      await scanAudit(
        ctx.audit.db,
        filter,
        'newestFirst',
        (entry, storedId) => {
          if (items.length === limit) {
            // One more match exists: the page ends at the last one returned.
            next = lastId;
            return false;
          }
          items.push(entry);
          lastId = storedId;
          return true;
        },
        after,
      );
      await call.audit({ operation: 'search', result: 'success', targetDocumentId: 'audit', detail: summary(query) });
      return { items, ...(next !== undefined ? { next } : {}) };
    },
  );

  api.get('/audit/verify', { access: 'audit.read', operation: 'read', menu: 'api:audit.verify' }, async (call) => {
    await ctx.audit.flush();
    const result = await verifyAuditChain(ctx.storage, ctx.audit.key);
    await call.audit({ operation: 'read', result: 'success', targetDocumentId: 'audit', detail: `verify ok=${result.ok} entries=${result.entries}` });
    return result;
  });

  api.get<undefined, FilterQuery & { encoding: CsvEncoding }>(
    '/audit/export.csv',
    { access: 'audit.export', operation: 'export', menu: 'api:audit.export', labels: 'auditQuery', query: exportQuery },
    async (call) => {
      const { encoding, ...query } = call.query;
      const filter = filterOf(query);
      await call.audit({ operation: 'export', result: 'success', targetDocumentId: 'audit', detail: `${summary(query)} encoding=${encoding}`.trim() });
      const { res } = call;
      const stamp = new Date(ctx.now()).toISOString().slice(0, 10);
      res.status(200);
      res.setHeader('Content-Type', `text/csv; charset=${encoding === 'cp932' ? 'Shift_JIS' : 'utf-8'}`);
      res.setHeader('Content-Disposition', `attachment; filename="audit-${stamp}.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      res.write(encodeCsv(csvHeader(), encoding, true));
      let batch: ChainedEntry[] = [];
      const writeBatch = async () => {
        if (batch.length === 0) return;
        const ok = res.write(encodeCsv(csvRows(batch), encoding, false));
        batch = [];
        if (!ok) await new Promise((resolve) => res.once('drain', resolve));
      };
      await scanAudit(ctx.audit.db, filter, 'oldestFirst', async (entry) => {
        batch.push(entry);
        if (batch.length >= exportBatch) await writeBatch();
        return !res.destroyed;
      });
      await writeBatch();
      res.end();
      return undefined;
    },
  );
};
