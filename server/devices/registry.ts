// 端末: PCs and tablets an IT administrator registers once each. A device proves itself
// on every request with `X-Kizuna-Device: <deviceId>:<token>` (server/API.md); the
// server keeps only the token's SHA-256, and a revoked device is refused at once.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Device, User } from '../../shared/index';
import { casePermissions } from '../../shared/access/policy';
import { tokenDigest } from '../auth/sessions';
import type { StorageEngine } from '../storage/port';
import { MirroredStore } from '../util/mirrored-store';

export const deviceHeader = 'x-kizuna-device';

/**
 * Case content leaves the server room only on registered devices: with
 * requireRegisteredDevice on, users who may see case records must use one. IT and
 * auditors see no case content, so they may work from any machine on the closed
 * network — which is also how the first administrator registers the first devices.
 */
export function needsRegisteredDevice(config: { requireRegisteredDevice: boolean }, user: Pick<User, 'permissions'>): boolean {
  return config.requireRegisteredDevice && user.permissions.some((p) => (casePermissions as readonly string[]).includes(p));
}
export const deviceIdPattern = '^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$';
const deviceIdRegex = new RegExp(deviceIdPattern);

export interface DeviceCredentials {
  id: string;
  token: string;
}

export type DeviceCheck =
  | { ok: true; device: Device }
  | { ok: false; problem: 'deviceRequired' | 'deviceInvalid' | 'deviceRevoked'; deviceId?: string };

/** `<id>:<token>` → credentials; undefined when absent, 'malformed' when unreadable. */
export function parseDeviceHeader(value: string | undefined): DeviceCredentials | undefined | 'malformed' {
  if (value === undefined || value === '') return undefined;
  const colon = value.lastIndexOf(':');
  const id = value.slice(0, colon);
  const token = value.slice(colon + 1);
  if (colon <= 0 || !deviceIdRegex.test(id) || !/^[A-Za-z0-9_-]{16,128}$/.test(token)) return 'malformed';
  return { id, token };
}

function sameDigest(token: string, digest: string): boolean {
  const a = new Uint8Array(Buffer.from(tokenDigest(token), 'hex'));
  const b = new Uint8Array(Buffer.from(digest, 'hex'));
  return a.length === b.length && timingSafeEqual(a, b);
}

export class DeviceRegistry {
  private constructor(
    readonly store: MirroredStore<Device>,
    private readonly now: () => number,
  ) {}

  static async open(storage: StorageEngine, now: () => number): Promise<DeviceRegistry> {
    return new DeviceRegistry(await MirroredStore.open<Device>(storage, 'devices'), now);
  }

  get(id: string): Device | undefined {
    return this.store.get(id);
  }

  list(): Device[] {
    return this.store.list();
  }

  /** Registers a device; the token is returned here once and never stored. */
  async register(fields: { id?: string; name: string; kind: Device['kind']; centerId?: string }, by: string): Promise<{ device: Device; token: string }> {
    const token = randomBytes(32).toString('base64url');
    const device: Device = {
      id: fields.id ?? `dev-${randomBytes(6).toString('hex')}`,
      name: fields.name,
      kind: fields.kind,
      ...(fields.centerId !== undefined ? { centerId: fields.centerId } : {}),
      tokenHash: tokenDigest(token),
      registeredAt: this.stamp(),
      registeredBy: by,
    };
    await this.store.create(device);
    return { device, token };
  }

  /** Demo mode: an unknown device is recorded with the token it presented. */
  async recordUnregistered(credentials: DeviceCredentials): Promise<Device> {
    const device: Device = {
      id: credentials.id,
      name: credentials.id,
      kind: 'pc',
      tokenHash: tokenDigest(credentials.token),
      registeredAt: this.stamp(),
      registeredBy: 'demo',
    };
    return this.store.create(device);
  }

  revoke(id: string, by: string): Promise<Device | undefined> {
    return this.store.update(id, (d) => (d.revokedAt ? d : { ...d, revokedAt: this.stamp(), revokedBy: by }));
  }

  check(credentials: DeviceCredentials | undefined | 'malformed'): DeviceCheck {
    if (credentials === undefined) return { ok: false, problem: 'deviceRequired' };
    if (credentials === 'malformed') return { ok: false, problem: 'deviceInvalid' };
    const device = this.store.get(credentials.id);
    if (!device) return { ok: false, problem: 'deviceRequired', deviceId: credentials.id };
    if (!sameDigest(credentials.token, device.tokenHash)) return { ok: false, problem: 'deviceInvalid', deviceId: device.id };
    if (device.revokedAt) return { ok: false, problem: 'deviceRevoked', deviceId: device.id };
    return { ok: true, device };
  }

  private stamp(): string {
    return new Date(this.now()).toISOString();
  }
}
