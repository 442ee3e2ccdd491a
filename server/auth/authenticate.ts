// Who is calling: the bearer token's session, its user (still enabled?) and the device
// it was opened on (still registered, not revoked?). Checked on every request, against
// in-memory mirrors, so revoking a device or disabling a user takes effect at once.
import { serverMessages } from '../../shared/index';
import { actorOf, type Authenticated, type ServerContext } from '../context';
import { needsRegisteredDevice, parseDeviceHeader } from '../devices/registry';

export interface AuthFailure {
  status: 401;
  code: 'loginRequired' | 'sessionExpired' | 'deviceRequired' | 'deviceInvalid' | 'deviceRevoked' | 'deviceMismatch';
  message: string;
  /** Known when the token named a session: the attempt is then audited as denied. */
  userId?: string;
  deviceId?: string;
}

const m = serverMessages.auth;

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization ?? '');
  return match?.[1];
}

export function authenticate(
  ctx: ServerContext,
  headers: { authorization?: string; device?: string },
): { ok: true; auth: Authenticated } | { ok: false; failure: AuthFailure } {
  const fail = (code: AuthFailure['code'], message: string, userId?: string, deviceId?: string) => ({
    ok: false as const,
    failure: { status: 401 as const, code, message, ...(userId ? { userId } : {}), ...(deviceId ? { deviceId } : {}) },
  });
  const token = bearerToken(headers.authorization);
  if (!token) return fail('loginRequired', m.loginRequired);
  const found = ctx.sessions.lookup(token);
  if (!found.ok) {
    return found.session ? fail('sessionExpired', m.sessionExpired, found.session.userId, found.session.deviceId) : fail('loginRequired', m.loginRequired);
  }
  const { session } = found;
  const user = ctx.users.get(session.userId);
  if (!user || user.disabled || (user.demo && !ctx.config.demo)) return fail('sessionExpired', m.sessionExpired, session.userId, session.deviceId);
  if (session.deviceId !== undefined) {
    const credentials = parseDeviceHeader(headers.device);
    if (credentials !== undefined && credentials !== 'malformed' && credentials.id !== session.deviceId) {
      return fail('deviceMismatch', m.deviceMismatch, user.id, session.deviceId);
    }
    const device = ctx.devices.check(credentials);
    if (!device.ok) {
      const code = device.problem === 'deviceRevoked' ? 'deviceRevoked' : device.problem === 'deviceRequired' ? 'deviceRequired' : 'deviceInvalid';
      return fail(code, m[code], user.id, session.deviceId);
    }
  } else if (needsRegisteredDevice(ctx.config, user)) {
    return fail('deviceRequired', m.deviceRequired, user.id);
  }
  return { ok: true, auth: { user, actor: actorOf(user), session, ...(session.deviceId !== undefined ? { deviceId: session.deviceId } : {}) } };
}
