// Login: device first (an unregistered or revoked device gets no chance to guess
// passwords), then the lock, then the password. Every outcome is audited, success and
// failure alike, under the user ID as typed.
import { format, serverMessages, type PublicUser, type User } from '../../shared/index';
import { recordAudit } from '../access/guard';
import type { ServerContext } from '../context';
import { needsRegisteredDevice, parseDeviceHeader } from '../devices/registry';
import { ApiError } from '../http/errors';
import { publicUser } from '../users/public-user';
import { lockedUntil, withFailure, withoutFailures } from './lockout';
import { hashPassword, verifyPassword } from './password';

export const demoPassword = 'kizuna-demo';

export interface LoginInput {
  userId: string;
  password: string;
  deviceHeader: string | undefined;
  menu: string;
  requestId: string;
}

export interface LoginResult {
  token: string;
  user: PublicUser;
  expiresAt: string;
  /** Days a device may work offline after its last sync before it locks (DESIGN.md 4). */
  offlineLeaseDays: number;
  deviceId?: string;
}

const m = serverMessages.auth;

/** A hash to verify against when the user does not exist, so timing does not tell. */
let decoyHash: Promise<string> | undefined;

function lockedError(until: number, now: number): ApiError {
  const at = new Date(until).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' });
  return new ApiError(423, 'locked', format(m.locked, { until: at }), [], { 'Retry-After': String(Math.max(1, Math.ceil((until - now) / 1000))) });
}

export async function login(ctx: ServerContext, input: LoginInput): Promise<LoginResult> {
  const now = ctx.now();
  const typedId = input.userId;
  const credentials = parseDeviceHeader(input.deviceHeader);
  const audit = (result: 'success' | 'failure' | 'denied', detail?: string, deviceId?: string) =>
    recordAudit(
      ctx,
      { userId: typedId, menu: input.menu, requestId: input.requestId, ...(deviceId !== undefined ? { deviceId } : {}) },
      { operation: 'login', result, ...(detail !== undefined ? { detail } : {}) },
    );

  // A device that presents itself must be a good one, before any password is tried.
  let deviceId: string | undefined;
  const device = ctx.devices.check(credentials);
  const unknown = !device.ok && device.problem === 'deviceRequired' && credentials !== undefined && credentials !== 'malformed' ? credentials : undefined;
  if (device.ok) {
    deviceId = device.device.id;
  } else if (unknown && !ctx.config.requireRegisteredDevice) {
    deviceId = (await ctx.devices.recordUnregistered(unknown)).id;
  } else if (device.problem !== 'deviceRequired' || unknown) {
    await audit('denied', device.problem, device.deviceId);
    throw new ApiError(403, device.problem, m[device.problem]);
  }

  const user = ctx.users.get(typedId);
  if (!user) {
    decoyHash ??= hashPassword('decoy password', ctx.config.scrypt);
    await verifyPassword(input.password, await decoyHash);
    await audit('failure', 'unknownUser', deviceId);
    throw new ApiError(401, 'invalidCredentials', m.invalidCredentials);
  }
  const until = lockedUntil(user, now);
  if (until !== undefined) {
    await audit('denied', 'locked', deviceId);
    throw lockedError(until, now);
  }
  if (!ctx.config.demo && (user.demo || input.password === demoPassword)) {
    await audit('failure', 'demoPasswordRefused', deviceId);
    throw new ApiError(401, 'demoPasswordRefused', m.demoPasswordRefused);
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const after = await ctx.users.update(user.id, (current) => withFailure(current, now, ctx.config.lockout).user);
    const locked = after ? lockedUntil(after, now) : undefined;
    await audit('failure', locked !== undefined ? 'wrongPassword:locked' : 'wrongPassword', deviceId);
    throw locked !== undefined ? lockedError(locked, now) : new ApiError(401, 'invalidCredentials', m.invalidCredentials);
  }
  if (user.disabled) {
    await audit('denied', 'disabled', deviceId);
    throw new ApiError(403, 'userDisabled', m.disabled);
  }
  if (deviceId === undefined && needsRegisteredDevice(ctx.config, user)) {
    await audit('denied', 'deviceRequired');
    throw new ApiError(403, 'deviceRequired', m.deviceRequired);
  }
  const current: User = (user.failedLogins?.length || user.lockedUntil ? await ctx.users.update(user.id, withoutFailures) : user) ?? user;
  const { token, session } = await ctx.sessions.create(current.id, deviceId, ctx.config.sessionLifetimeMinutes);
  await audit('success', undefined, deviceId);
  return {
    token,
    user: publicUser(current),
    expiresAt: session.expiresAt,
    offlineLeaseDays: ctx.config.offlineLeaseDays,
    ...(deviceId !== undefined ? { deviceId } : {}),
  };
}
