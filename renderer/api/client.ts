import type { PublicUser } from '../../shared/index';
import type { DeviceIdentity } from '../device/device-records';

// The few calls the client itself makes to the central server (server/API.md); the
// replication has its own. Every request carries the device's identity; a server that
// answers "device revoked" is reported as such whatever the call was, because the client
// must wipe its data on that contact.

export interface LoginResponse {
  token: string;
  user: PublicUser;
  expiresAt: string;
  offlineLeaseDays: number;
  deviceId?: string;
}

/** Why a call failed, as the client acts on it. */
export type ApiFailureKind =
  | 'unreachable' // no answer: offline, server down, DNS, TLS
  | 'invalidCredentials'
  | 'locked'
  | 'userDisabled'
  | 'deviceRevoked'
  | 'deviceUnregistered' // deviceRequired or deviceInvalid
  | 'sessionExpired'
  | 'rejected' // any other error the server explained
  | 'unexpected'; // an answer we cannot read

export class ApiFailure extends Error {
  constructor(
    readonly kind: ApiFailureKind,
    /** The server's Japanese message, when it sent one. */
    readonly serverMessage: string | undefined,
    readonly status: number | undefined,
    readonly code: string | undefined,
    /** The fields the server named as at fault (server/API.md, Errors), for forms to show beside each. */
    readonly fields: readonly { field: string; message: string }[] = [],
  ) {
    super(serverMessage ?? kind);
    this.name = 'ApiFailure';
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; field?: unknown; fields?: unknown };
}

function faultyFields(error: ErrorBody['error']): { field: string; message: string }[] {
  const listed = Array.isArray(error?.fields) ? (error.fields as unknown[]) : [];
  const fields = listed.flatMap((f) => {
    const item = f as { field?: unknown; message?: unknown } | null;
    return typeof item?.field === 'string' && typeof item.message === 'string' ? [{ field: item.field, message: item.message }] : [];
  });
  if (fields.length === 0 && typeof error?.field === 'string' && typeof error.message === 'string') fields.push({ field: error.field, message: error.message });
  return fields;
}

function kindOf(status: number, code: string | undefined): ApiFailureKind {
  switch (code) {
    case 'deviceRevoked':
      return 'deviceRevoked';
    case 'deviceRequired':
    case 'deviceInvalid':
    case 'deviceMismatch':
      return 'deviceUnregistered';
    case 'invalidCredentials':
    case 'demoPasswordRefused':
      return 'invalidCredentials';
    case 'locked':
      return 'locked';
    case 'userDisabled':
      return 'userDisabled';
    case 'loginRequired':
    case 'sessionExpired':
      return 'sessionExpired';
  }
  return status >= 500 ? 'unexpected' : 'rejected';
}

export interface ApiClientOptions {
  baseUrl: string;
  device: () => DeviceIdentity;
  fetch?: typeof fetch;
  /** Called on any answer that says this device is revoked. */
  onDeviceRevoked?: () => void;
  /** How long to wait for an answer before calling the server unreachable. */
  timeoutMs?: number;
}

function withoutDeviceHeader(headers: Record<string, string>, omit: boolean | undefined): Record<string, string> {
  if (!omit) return headers;
  const { 'X-Kizuna-Device': _device, ...rest } = headers;
  return rest;
}

export class ApiClient {
  private token: string | undefined;

  constructor(private readonly options: ApiClientOptions) {}

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  setToken(token: string | undefined): void {
    this.token = token;
  }

  /** The headers every call carries: the device, and the session when there is one. */
  headers(): Record<string, string> {
    const device = this.options.device();
    return {
      'X-Kizuna-Device': `${device.id}:${device.token}`,
      ...(this.token !== undefined && { Authorization: `Bearer ${this.token}` }),
    };
  }

  /**
   * `withoutDevice`: sign in without presenting this device, as auditors and IT
   * administrators may from any machine (server/API.md, Devices); the session is then
   * bound to no device.
   */
  async login(userId: string, password: string, options: { withoutDevice?: boolean } = {}): Promise<LoginResponse> {
    return this.request<LoginResponse>('POST', '/api/auth/login', { userId, password }, options);
  }

  async logout(): Promise<void> {
    await this.request('POST', '/api/auth/logout', {});
  }

  async request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, options: { withoutDevice?: boolean } = {}): Promise<T> {
    const doFetch = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 15_000);
    let response: Response;
    try {
      response = await doFetch(new URL(path, this.options.baseUrl), {
        method,
        headers: { ...withoutDeviceHeader(this.headers(), options.withoutDevice), ...(body !== undefined && { 'Content-Type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new ApiFailure('unreachable', undefined, undefined, undefined);
    } finally {
      clearTimeout(timer);
    }
    let payload: unknown;
    try {
      payload = await response.json();
    } catch {
      payload = undefined;
    }
    // A gateway with nothing behind it is the same as no answer: work offline.
    if (payload === undefined && [502, 503, 504].includes(response.status)) throw new ApiFailure('unreachable', undefined, response.status, undefined);
    if (response.ok) {
      if (payload === undefined) throw new ApiFailure('unexpected', undefined, response.status, undefined);
      return payload as T;
    }
    throw this.failureOf(response.status, payload);
  }

  /**
   * A file the server sends as bytes (a CSV export, a document's scan), with the same
   * failures as the JSON calls. No time limit: a large file on a slow link takes long.
   */
  async download(path: string): Promise<Blob> {
    const doFetch = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    try {
      response = await doFetch(new URL(path, this.options.baseUrl), { headers: this.headers(), credentials: 'omit', cache: 'no-store' });
    } catch {
      throw new ApiFailure('unreachable', undefined, undefined, undefined);
    }
    if (response.ok) return response.blob();
    throw this.failureOf(response.status, await response.json().catch(() => undefined));
  }

  private failureOf(status: number, payload: unknown): ApiFailure {
    const error = (payload as ErrorBody | undefined)?.error;
    const code = typeof error?.code === 'string' ? error.code : undefined;
    const message = typeof error?.message === 'string' ? error.message : undefined;
    const kind = kindOf(status, code);
    if (kind === 'deviceRevoked') this.options.onDeviceRevoked?.();
    return new ApiFailure(kind, message, status, code, faultyFields(error));
  }
}
