import { adminMessages, centerName, format, isRole, type PublicUser } from '../../../shared/index';
import { localDateTime } from '../../ui/format';
import { isLocked } from './user-form';

const m = adminMessages;

export const roleLabel = (role: string): string => (isRole(role) ? m.roles[role] : role);

export const permissionLabel = (permission: string): string => (m.permissions as Record<string, string | undefined>)[permission] ?? permission;

export function centersLabel(user: Pick<PublicUser, 'allCenters' | 'centers'>): string {
  if (user.allCenters) return m.users.scopeAll;
  return user.centers.length === 0 ? m.common.noScope : user.centers.map(centerName).join('・');
}

/** 有効 / 無効, and the lock while it lasts. */
export function stateLabel(user: Pick<PublicUser, 'disabled' | 'lockedUntil'>, now: Date): string {
  const parts: string[] = [user.disabled ? m.users.disabled : m.users.active];
  if (isLocked(user, now) && user.lockedUntil) parts.push(format(m.users.locked, { until: localDateTime(user.lockedUntil) }));
  return parts.join('・');
}
