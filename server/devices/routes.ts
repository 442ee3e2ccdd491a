// Device administration for IT administrators (device.admin): list, register (the
// token is shown once, in the answer), revoke (the device's next request is refused).
import { centerIdProperty, format, serverMessages, type Device } from '../../shared/index';
import { notFound } from '../access/guard';
import type { RouteModule, RouteSpec } from '../http/api-router';
import { ApiError } from '../http/errors';
import { AlreadyExistsError } from '../util/mirrored-store';
import { deviceIdPattern } from './registry';

const registerBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 120, pattern: deviceIdPattern },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    kind: { type: 'string', enum: ['pc', 'tablet'] },
    centerId: centerIdProperty,
  },
  required: ['name', 'kind'],
} as const;

/** A device as administrators see it: never the token's hash. */
export function publicDevice(device: Device): Omit<Device, 'tokenHash'> {
  const { tokenHash: _hash, ...visible } = device;
  return visible;
}

const spec = (operation: RouteSpec['operation'], menu: string, extra: Partial<RouteSpec> = {}): RouteSpec => ({
  access: 'device.admin',
  operation,
  menu,
  labels: 'devices',
  params: { id: new RegExp(deviceIdPattern) },
  ...extra,
});

export const deviceRoutes: RouteModule = (api, ctx) => {
  api.get('/devices', spec('read', 'api:devices.list'), () => ({ items: ctx.devices.list().map(publicDevice) }));

  api.get('/devices/:id', spec('read', 'api:devices.read'), (call) => {
    const device = ctx.devices.get(call.params.id ?? '');
    if (!device) throw notFound();
    return publicDevice(device);
  });

  api.post<{ id?: string; name: string; kind: Device['kind']; centerId?: string }>(
    '/devices',
    spec('create', 'api:devices.register', { body: registerBody }),
    async (call) => {
      try {
        const { device, token } = await ctx.devices.register(call.body, call.auth.user.id);
        await call.audit({ operation: 'create', result: 'success', targetDocumentId: `device:${device.id}` });
        call.res.status(201);
        return { device: publicDevice(device), token, header: `${device.id}:${token}` };
      } catch (error) {
        if (!(error instanceof AlreadyExistsError)) throw error;
        const message = format(serverMessages.devices.exists, { id: error.id });
        throw new ApiError(409, 'exists', message, [{ field: 'id', keyword: 'unique', message }]);
      }
    },
  );

  api.post('/devices/:id/revoke', spec('update', 'api:devices.revoke'), async (call) => {
    const id = call.params.id ?? '';
    const before = ctx.devices.get(id);
    if (!before) throw notFound();
    if (before.revokedAt) throw new ApiError(409, 'alreadyRevoked', serverMessages.devices.alreadyRevoked);
    const device = await ctx.devices.revoke(id, call.auth.user.id);
    if (!device) throw notFound();
    await call.audit({ operation: 'update', result: 'success', targetDocumentId: `device:${id}`, detail: 'revoke' });
    return publicDevice(device);
  });
};
