// GET /api/statistics (statistics.read: auditors and city staff): counts only, never a
// person — how many persons each center holds and how large the audit log is.
import { allScopeCenters } from '../../shared/access/policy';
import { centerName } from '../../shared/index';
import type { RouteModule } from '../http/api-router';

export const statisticsRoutes: RouteModule = (api, ctx) => {
  api.get('/statistics', { access: 'statistics.read', operation: 'read', menu: 'api:statistics' }, async (call) => {
    const centers = allScopeCenters.map((centerId) => ({ centerId, name: centerName(centerId), persons: ctx.persons.count(centerId) }));
    await call.audit({ operation: 'read', result: 'success', targetDocumentId: 'statistics' });
    return { centers, persons: centers.reduce((sum, c) => sum + c.persons, 0), auditEntries: ctx.audit.lastSeq };
  });
};
