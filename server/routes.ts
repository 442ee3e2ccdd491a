// Every capability's REST routes, mounted under /api in this order. To add yours:
// write `server/<capability>/routes.ts` exporting a RouteModule (server/http/api-router.ts)
// and add it here — one import, one entry.
import { auditRoutes } from './audit/routes';
import { authRoutes } from './auth/routes';
import { deviceRoutes } from './devices/routes';
import { documentRoutes } from './documents/routes';
import type { RouteModule } from './http/api-router';
import { healthRoutes } from './http/health';
import { migrationRoutes } from './migration/routes';
import { personRoutes } from './persons/routes';
import { replicationRoutes } from './replication/routes';
import { statisticsRoutes } from './statistics/routes';
import { userRoutes } from './users/routes';

export const routeModules: RouteModule[] = [healthRoutes, authRoutes, userRoutes, deviceRoutes, personRoutes, documentRoutes, auditRoutes, statisticsRoutes, replicationRoutes, migrationRoutes];
