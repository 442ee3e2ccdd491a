import { Route } from 'react-router-dom';
import { AuditLogPage } from '../features/audit-log/AuditLogPage';
import { StatisticsPage } from '../features/statistics/StatisticsPage';
import { UsersPage } from '../features/admin-users/UsersPage';
import { UserFormPage } from '../features/admin-users/UserFormPage';
import { DevicesPage } from '../features/admin-devices/DevicesPage';
import { RequireServerAccess } from './server-screen';
import { serverScreens } from './navigation';

/** The screens that read only the server, each behind the permission the server checks for it. */
export const serverScreenRoutes = (
  <>
    <Route path={serverScreens.auditLog.path} element={<RequireServerAccess action="audit.read">{<AuditLogPage />}</RequireServerAccess>} />
    <Route path={serverScreens.statistics.path} element={<RequireServerAccess action="statistics.read">{<StatisticsPage />}</RequireServerAccess>} />
    <Route path={serverScreens.users.path} element={<RequireServerAccess action="user.admin">{<UsersPage />}</RequireServerAccess>} />
    <Route path={`${serverScreens.users.path}/new`} element={<RequireServerAccess action="user.admin">{<UserFormPage />}</RequireServerAccess>} />
    <Route path={`${serverScreens.users.path}/:userId`} element={<RequireServerAccess action="user.admin">{<UserFormPage />}</RequireServerAccess>} />
    <Route path={serverScreens.devices.path} element={<RequireServerAccess action="device.admin">{<DevicesPage />}</RequireServerAccess>} />
  </>
);
