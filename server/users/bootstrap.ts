// A fresh production data folder has no users, so nobody could log in to create one:
// the first start creates one IT administrator with a random password, printed once on
// the console (the person who starts the server is IT), to be changed at first login.
import { randomBytes } from 'node:crypto';
import { rolePresets, type User } from '../../shared/index';
import { hashPassword, type ScryptParams } from '../auth/password';
import type { MirroredStore } from '../util/mirrored-store';

export const firstAdministratorId = 'admin';

export async function ensureFirstAdministrator(
  users: MirroredStore<User>,
  scrypt: ScryptParams,
  now: number,
): Promise<{ userId: string; password: string } | undefined> {
  if (users.size > 0) return undefined;
  const password = randomBytes(15).toString('base64url');
  const stamp = new Date(now).toISOString();
  await users.create({
    id: firstAdministratorId,
    displayName: 'IT 管理者',
    role: 'itAdmin',
    allCenters: false,
    centers: [],
    permissions: [...rolePresets.itAdmin],
    passwordHash: await hashPassword(password, scrypt),
    passwordChangedAt: stamp,
    disabled: false,
    createdAt: stamp,
    updatedAt: stamp,
  });
  return { userId: firstAdministratorId, password };
}
