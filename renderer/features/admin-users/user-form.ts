import { isPermission, rolePresets, type Permission, type PublicUser, type Role } from '../../../shared/index';

// The user form as an IT administrator fills it, and the bodies of POST /api/users and
// PATCH /api/users/:id (server/API.md). The role is only a preset: choosing one fills
// the permissions, which stay editable one by one.

export type ScopeChoice = 'all' | 'some' | 'none';

export interface UserForm {
  id: string;
  displayName: string;
  role: Role;
  permissions: Permission[];
  scope: ScopeChoice;
  centers: string[];
  password: string;
}

export function scopeOf(user: Pick<PublicUser, 'allCenters' | 'centers'>): ScopeChoice {
  if (user.allCenters) return 'all';
  return user.centers.length > 0 ? 'some' : 'none';
}

/** The form for a new user starts as a care manager, the role most IDs are for. */
export function newUserForm(): UserForm {
  return { id: '', displayName: '', role: 'careManager', permissions: [...rolePresets.careManager], scope: 'some', centers: [], password: '' };
}

export function formOfUser(user: PublicUser): UserForm {
  return {
    id: user.id,
    displayName: user.displayName,
    role: user.role,
    permissions: user.permissions.filter(isPermission),
    scope: scopeOf(user),
    centers: [...user.centers],
    password: '',
  };
}

/** A role's preset replaces the permissions; a role without case work has no center scope by default. */
export function withRole(form: UserForm, role: Role): UserForm {
  const permissions = [...rolePresets[role]];
  const seesCases = permissions.includes('case.read');
  const scope: ScopeChoice = role === 'cityStaff' ? 'all' : seesCases ? (form.scope === 'none' ? 'some' : form.scope) : 'none';
  return { ...form, role, permissions, scope };
}

function scopeFields(form: UserForm): { allCenters: boolean; centers: string[] } {
  return { allCenters: form.scope === 'all', centers: form.scope === 'some' ? form.centers : [] };
}

export function createBody(form: UserForm) {
  return { id: form.id.trim(), displayName: form.displayName.trim(), role: form.role, password: form.password, permissions: form.permissions, ...scopeFields(form) };
}

export function patchBody(form: UserForm) {
  return { displayName: form.displayName.trim(), role: form.role, permissions: form.permissions, ...scopeFields(form) };
}

/** A lock is shown only while it lasts. */
export function isLocked(user: Pick<PublicUser, 'lockedUntil'>, now: Date): boolean {
  return user.lockedUntil !== undefined && Date.parse(user.lockedUntil) > now.getTime();
}
