import type { PublicUser, User } from '../../shared/index';

/** What clients may see of a user: never the password hash or the failure log. */
export function publicUser(user: User): PublicUser {
  const { passwordHash: _hash, failedLogins: _failures, ...visible } = user;
  return visible;
}
