// The rules an IT administrator's changes to a user ID must keep: a scope for anyone who
// works on cases, no administrator who also sees case content, and no administrator who
// locks themselves out.
import { serverMessages, type User } from '../../shared/index';
import { adminPermissions, allScopeCenters, casePermissions } from '../../shared/access/policy';
import { invalidField } from '../http/errors';
import { fieldLabel, format, validationMessages } from '../../shared/index';

const m = serverMessages.users;

/** Throws a 400 naming the field when `user` breaks a rule; `actingUserId` is the administrator. */
export function assertValidUser(user: User, actingUserId: string): void {
  const has = (list: readonly string[]) => user.permissions.some((p) => list.includes(p));
  if (has(adminPermissions) && has(casePermissions)) throw invalidField('permissions', m.separation);
  const unknown = user.centers.find((c) => !allScopeCenters.includes(c));
  if (unknown !== undefined) throw invalidField('centers', format(validationMessages.enum, { field: fieldLabel('users', 'centers') }), 'enum');
  if (has(casePermissions) && !user.allCenters && user.centers.length === 0) throw invalidField('centers', m.scopeRequired, 'required');
  if (user.id === actingUserId) {
    if (!user.permissions.includes('user.admin')) throw invalidField('permissions', m.selfAdminRemoved);
    if (user.disabled) throw invalidField('disabled', m.selfAdminRemoved);
  }
}
