import { adminMessages, caseWorkMessages, centerName, decide, uiMessages, type AccessAction, type PublicUser } from '../../shared/index';

// What each signed-in user may open, asked of the shared policy (shared/access/policy.ts)
// so that the menu, the routes and the server agree. A user holding several roles'
// permissions gets the union of their screens.

export type ScopedUser = Pick<PublicUser, 'id' | 'permissions' | 'allCenters' | 'centers'>;

/** The screens that read only the server, and the action the server checks for each. */
export const serverScreens = {
  auditLog: { path: '/audit', action: 'audit.read', label: adminMessages.nav.auditLog },
  statistics: { path: '/statistics', action: 'statistics.read', label: adminMessages.nav.statistics },
  users: { path: '/admin/users', action: 'user.admin', label: adminMessages.nav.users },
  devices: { path: '/admin/devices', action: 'device.admin', label: adminMessages.nav.devices },
} as const satisfies Record<string, { path: string; action: AccessAction; label: string }>;

export type ServerScreen = keyof typeof serverScreens;

export interface NavItem {
  path: string;
  label: string;
}

export function may(user: ScopedUser, action: AccessAction): boolean {
  return decide({ userId: user.id, permissions: user.permissions, allCenters: user.allCenters, centers: user.centers }, action).allowed;
}

/** Case content: search, ledgers, case work and the sync of the local store. */
export const seesCases = (user: ScopedUser): boolean => may(user, 'case.read');

/** The main menu, in the order staff use it: case work first, then oversight, then administration. */
export function navItems(user: ScopedUser): NavItem[] {
  const items: NavItem[] = [];
  if (seesCases(user)) {
    items.push({ path: '/search', label: uiMessages.nav.search }, { path: '/consultations', label: caseWorkMessages.consultation.nav }, { path: '/sync', label: uiMessages.nav.syncIssues });
  }
  for (const screen of Object.values(serverScreens)) if (may(user, screen.action)) items.push({ path: screen.path, label: screen.label });
  items.push({ path: '/settings', label: uiMessages.nav.settings });
  return items;
}

/** Where a user lands after signing in: their first useful screen (the device settings when nothing else). */
export function landingPath(user: ScopedUser): string {
  return navItems(user)[0]?.path ?? '/settings';
}

/** The header's scope: 全センター, the center names, or nothing for roles without a center scope. */
export function scopeText(user: ScopedUser): string | undefined {
  if (user.allCenters) return uiMessages.layout.allCenters;
  if (user.centers.length === 0) return undefined;
  return user.centers.map(centerName).join('・');
}

const casePaths = ['/search', '/persons', '/consultations', '/sync'];

/** Whether `path` is a screen this user may open (paths that are nobody's screen are left to "not found"). */
export function mayOpen(user: ScopedUser, path: string): boolean {
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  if (casePaths.some(under)) return seesCases(user);
  const screen = Object.values(serverScreens).find((s) => under(s.path));
  return screen === undefined || may(user, screen.action);
}
