// User administration for IT administrators (user.admin): list, create, change, reset a
// password, unlock, delete. Every change is audited with the user ID as its target.
import {
  centerIdProperty,
  format,
  permissions as allPermissions,
  rolePresets,
  roles,
  serverMessages,
  userIdPattern,
  type Permission,
  type Role,
  type User,
} from '../../shared/index';
import { hashPassword } from '../auth/password';
import { assertAcceptablePassword } from '../auth/password-policy';
import { withoutFailures } from '../auth/lockout';
import type { RouteModule, RouteSpec } from '../http/api-router';
import { ApiError, invalidField } from '../http/errors';
import { notFound } from '../access/guard';
import { AlreadyExistsError } from '../util/mirrored-store';
import { publicUser } from './public-user';
import { assertValidUser } from './rules';

const editable = {
  displayName: { type: 'string', minLength: 1, maxLength: 100 },
  role: { type: 'string', enum: roles },
  allCenters: { type: 'boolean' },
  centers: { type: 'array', maxItems: 20, uniqueItems: true, items: centerIdProperty },
  permissions: { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', enum: allPermissions } },
  disabled: { type: 'boolean' },
} as const;

const createBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 3, maxLength: 32, pattern: userIdPattern },
    ...editable,
    password: { type: 'string', minLength: 1, maxLength: 256 },
  },
  required: ['id', 'displayName', 'role', 'password'],
} as const;

const changeBody = { type: 'object', additionalProperties: false, minProperties: 1, properties: editable } as const;

const passwordBody = {
  type: 'object',
  additionalProperties: false,
  properties: { password: { type: 'string', minLength: 1, maxLength: 256 } },
  required: ['password'],
} as const;

interface Editable {
  displayName?: string;
  role?: Role;
  allCenters?: boolean;
  centers?: string[];
  permissions?: Permission[];
  disabled?: boolean;
}

const idParam = { id: new RegExp(userIdPattern) };
const spec = (operation: RouteSpec['operation'], menu: string, extra: Partial<RouteSpec> = {}): RouteSpec => ({
  access: 'user.admin',
  operation,
  menu,
  labels: 'users',
  params: idParam,
  ...extra,
});

export const userRoutes: RouteModule = (api, ctx) => {
  const stamp = () => new Date(ctx.now()).toISOString();
  const target = (id: string) => ({ targetDocumentId: `user:${id}` });

  // The password rule travels with the list so that the forms can state it before a refusal.
  api.get('/users', spec('read', 'api:users.list'), () => ({ items: ctx.users.list().map(publicUser), passwordMinLength: ctx.config.passwordMinLength }));

  api.get('/users/:id', spec('read', 'api:users.read'), (call) => {
    const user = ctx.users.get(call.params.id ?? '');
    if (!user) throw notFound();
    return publicUser(user);
  });

  api.post<Editable & { id: string; displayName: string; role: Role; password: string }>(
    '/users',
    spec('create', 'api:users.create', { body: createBody }),
    async (call) => {
      const { password, ...fields } = call.body;
      assertAcceptablePassword(password, ctx.config, 'users', 'password');
      const now = stamp();
      const user: User = {
        ...fields,
        allCenters: fields.allCenters ?? false,
        centers: fields.centers ?? [],
        permissions: fields.permissions ?? [...rolePresets[fields.role]],
        disabled: fields.disabled ?? false,
        passwordHash: await hashPassword(password, ctx.config.scrypt),
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      };
      assertValidUser(user, call.auth.user.id);
      try {
        await ctx.users.create(user);
      } catch (error) {
        if (!(error instanceof AlreadyExistsError)) throw error;
        await call.audit({ operation: 'create', result: 'failure', ...target(user.id), detail: 'exists' });
        throw new ApiError(409, 'exists', format(serverMessages.users.exists, { id: user.id }), [
          { field: 'id', keyword: 'unique', message: format(serverMessages.users.exists, { id: user.id }) },
        ]);
      }
      await call.audit({ operation: 'create', result: 'success', ...target(user.id) });
      call.res.status(201);
      return publicUser(user);
    },
  );

  api.patch<Editable>('/users/:id', spec('update', 'api:users.update', { body: changeBody }), async (call) => {
    const id = call.params.id ?? '';
    const current = ctx.users.get(id);
    if (!current) throw notFound();
    const next: User = { ...current, ...call.body, updatedAt: stamp() };
    assertValidUser(next, call.auth.user.id);
    const saved = await ctx.users.update(id, (u) => ({ ...u, ...call.body, updatedAt: next.updatedAt }));
    if (!saved) throw notFound();
    if (saved.disabled) await ctx.sessions.revokeUser(id);
    await call.audit({ operation: 'update', result: 'success', ...target(id), detail: Object.keys(call.body).join(',') });
    return publicUser(saved);
  });

  api.post<{ password: string }>('/users/:id/password', spec('update', 'api:users.password', { body: passwordBody }), async (call) => {
    const id = call.params.id ?? '';
    if (!ctx.users.get(id)) throw notFound();
    assertAcceptablePassword(call.body.password, ctx.config, 'users', 'password');
    const passwordHash = await hashPassword(call.body.password, ctx.config.scrypt);
    const now = stamp();
    const saved = await ctx.users.update(id, (u) => ({ ...withoutFailures(u), passwordHash, passwordChangedAt: now, updatedAt: now }));
    if (!saved) throw notFound();
    // Whoever knew the old password is out.
    await ctx.sessions.revokeUser(id);
    await call.audit({ operation: 'update', result: 'success', ...target(id), detail: 'passwordReset' });
    return publicUser(saved);
  });

  api.post('/users/:id/unlock', spec('update', 'api:users.unlock'), async (call) => {
    const id = call.params.id ?? '';
    const saved = await ctx.users.update(id, (u) => ({ ...withoutFailures(u), updatedAt: stamp() }));
    if (!saved) throw notFound();
    await call.audit({ operation: 'update', result: 'success', ...target(id), detail: 'unlock' });
    return publicUser(saved);
  });

  api.delete('/users/:id', spec('delete', 'api:users.delete'), async (call) => {
    const id = call.params.id ?? '';
    if (id === call.auth.user.id) throw invalidField('id', serverMessages.users.selfDelete);
    if (!(await ctx.users.remove(id))) throw notFound();
    await ctx.sessions.revokeUser(id);
    await call.audit({ operation: 'delete', result: 'success', ...target(id) });
    return { ok: true };
  });
};
