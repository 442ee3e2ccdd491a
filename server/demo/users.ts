// The demo logins of README.md and DEVELOPERS.md, created on a --demo start. Their
// password is refused outside demo mode (server/auth/login.ts), and so are they.
import { rolePresets, type Role, type User } from '../../shared/index';
import { demoPassword } from '../auth/login';
import { hashPassword, type ScryptParams } from '../auth/password';
import type { MirroredStore } from '../util/mirrored-store';

export interface DemoUser {
  id: string;
  displayName: string;
  role: Role;
  allCenters: boolean;
  centers: string[];
}

export const demoUsers: readonly DemoUser[] = [
  { id: 'chuo-cm1', displayName: '中央 ケアマネ一号', role: 'careManager', allCenters: false, centers: ['01'] },
  { id: 'minami-cm1', displayName: '南 ケアマネ一号', role: 'careManager', allCenters: false, centers: ['03'] },
  { id: 'city-staff1', displayName: '長寿 職員一号', role: 'cityStaff', allCenters: true, centers: [] },
  { id: 'auditor1', displayName: '監査 担当一号', role: 'auditor', allCenters: false, centers: [] },
  { id: 'it-admin', displayName: '情報 管理者', role: 'itAdmin', allCenters: false, centers: [] },
];

export { demoPassword };

/** Creates the demo users that are missing; existing ones (and their changes) stay. */
export async function ensureDemoUsers(users: MirroredStore<User>, scrypt: ScryptParams, now: number): Promise<void> {
  const stamp = new Date(now).toISOString();
  const passwordHash = await hashPassword(demoPassword, scrypt);
  for (const demo of demoUsers) {
    if (users.get(demo.id)) continue;
    await users.create({
      ...demo,
      permissions: [...rolePresets[demo.role]],
      passwordHash,
      passwordChangedAt: stamp,
      disabled: false,
      demo: true,
      createdAt: stamp,
      updatedAt: stamp,
    });
  }
}
