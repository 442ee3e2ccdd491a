// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me, POST /api/auth/password.
import { serverMessages } from '../../shared/index';
import type { RouteModule } from '../http/api-router';
import { ApiError } from '../http/errors';
import { publicUser } from '../users/public-user';
import { login } from './login';
import { hashPassword, verifyPassword } from './password';
import { assertAcceptablePassword } from './password-policy';
import { withoutFailures } from './lockout';

const secret = { type: 'string', minLength: 1, maxLength: 256 } as const;

const loginBody = {
  type: 'object',
  additionalProperties: false,
  properties: { userId: { type: 'string', minLength: 1, maxLength: 64 }, password: secret },
  required: ['userId', 'password'],
} as const;

const passwordBody = {
  type: 'object',
  additionalProperties: false,
  properties: { currentPassword: secret, newPassword: secret },
  required: ['currentPassword', 'newPassword'],
} as const;

export const authRoutes: RouteModule = (api, ctx) => {
  api.publicRoute<{ userId: string; password: string }>('post', '/auth/login', { menu: 'api:auth.login', operation: 'login', labels: 'auth', body: loginBody }, (call) =>
    login(ctx, { ...call.body, deviceHeader: call.req.get('x-kizuna-device'), menu: call.menu, requestId: call.requestId }),
  );

  api.post('/auth/logout', { access: 'self', menu: 'api:auth.logout', operation: 'logout' }, async (call) => {
    await ctx.sessions.revoke(call.auth.session.id);
    await call.audit({ operation: 'logout', result: 'success' });
    return { ok: true };
  });

  api.get('/auth/me', { access: 'self', menu: 'api:auth.me', operation: 'read' }, (call) => ({
    user: publicUser(call.auth.user),
    expiresAt: call.auth.session.expiresAt,
    offlineLeaseDays: ctx.config.offlineLeaseDays,
    ...(call.auth.deviceId !== undefined ? { deviceId: call.auth.deviceId } : {}),
  }));

  api.post<{ currentPassword: string; newPassword: string }>(
    '/auth/password',
    { access: 'self', menu: 'api:auth.password', operation: 'update', labels: 'auth', body: passwordBody },
    async (call) => {
      const { user } = call.auth;
      if (!(await verifyPassword(call.body.currentPassword, user.passwordHash))) {
        await call.audit({ operation: 'update', result: 'failure', targetDocumentId: `user:${user.id}`, detail: 'password:wrongCurrent' });
        throw new ApiError(400, 'invalidInput', serverMessages.auth.passwordWrong, [
          { field: 'currentPassword', keyword: 'invalid', message: serverMessages.auth.passwordWrong },
        ]);
      }
      assertAcceptablePassword(call.body.newPassword, ctx.config, 'auth', 'newPassword');
      const passwordHash = await hashPassword(call.body.newPassword, ctx.config.scrypt);
      const stamp = new Date(ctx.now()).toISOString();
      await ctx.users.update(user.id, (u) => ({ ...withoutFailures(u), passwordHash, passwordChangedAt: stamp, updatedAt: stamp }));
      await call.audit({ operation: 'update', result: 'success', targetDocumentId: `user:${user.id}`, detail: 'password' });
      return { ok: true };
    },
  );
};
