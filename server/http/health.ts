// GET /api/health: for a load balancer or IT's monitoring; says nothing about data.
import type { RouteModule } from './api-router';

export const healthRoutes: RouteModule = (api, ctx) => {
  api.publicRoute('get', '/health', { menu: 'api:health', operation: 'read' }, () => ({ ok: true, demo: ctx.config.demo }));
};
