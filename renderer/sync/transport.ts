// The replication's HTTP calls (server/API.md, "Replication"): the session's bearer token
// and the device header on every request, a deadline on every answer, and every outcome
// reported to the engine, which turns them into the status the user sees and into the
// backoff between retries.

/** Why a replication call failed, as the engine acts on it. */
export type SyncFailureKind =
  | 'unreachable' // no answer: offline, server down or restarting
  | 'sessionExpired' // log in again: retrying cannot help
  | 'deviceRevoked' // wipe: retrying cannot help
  | 'server' // the server answered with an error; retried
  | 'unexpected'; // an answer we cannot read; retried

export class SyncRequestError extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    readonly status: number | undefined,
    /** The server's Japanese message, when it sent one. */
    readonly serverMessage: string | undefined,
  ) {
    super(serverMessage ?? `${kind}${status !== undefined ? ` (${status})` : ''}`);
    this.name = 'SyncRequestError';
  }

  /** Nothing a retry can fix: the engine stops and tells the app. */
  get fatal(): boolean {
    return this.kind === 'sessionExpired' || this.kind === 'deviceRevoked';
  }
}

export interface TransportOptions {
  serverUrl: string;
  token: string;
  /** `<deviceId>:<deviceToken>` for X-Kizuna-Device, when the device is registered. */
  deviceHeader?: string;
  fetch?: typeof fetch;
  /** How long a pull or push may take before it counts as unreachable. */
  timeoutMs?: number;
}

export interface TransportEvents {
  onSuccess(): void;
  onFailure(error: SyncRequestError): void;
}

function failureOf(status: number, code: string | undefined, message: string | undefined): SyncRequestError {
  if (code === 'deviceRevoked') return new SyncRequestError('deviceRevoked', status, message);
  if (status === 401) return new SyncRequestError('sessionExpired', status, message);
  // A gateway with nothing behind it is the same as no answer.
  if ([502, 503, 504].includes(status)) return new SyncRequestError('unreachable', status, message);
  return new SyncRequestError('server', status, message);
}

export class SyncTransport {
  private readonly doFetch: typeof fetch;

  constructor(
    private readonly options: TransportOptions,
    private readonly events: TransportEvents,
  ) {
    this.doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.options.token}`, ...(this.options.deviceHeader !== undefined ? { 'X-Kizuna-Device': this.options.deviceHeader } : {}) };
  }

  url(path: string): string {
    return new URL(path, this.options.serverUrl).toString();
  }

  /** A fetch with the session's headers whose failures are reported (the live stream uses it). */
  async open(path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await this.doFetch(this.url(path), { ...init, headers: { ...this.headers(), ...(init.headers as Record<string, string> | undefined) }, credentials: 'omit', cache: 'no-store' });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw this.failed(new SyncRequestError('unreachable', undefined, undefined));
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as { error?: { code?: unknown; message?: unknown } } | undefined;
      const code = typeof body?.error?.code === 'string' ? body.error.code : undefined;
      const message = typeof body?.error?.message === 'string' ? body.error.message : undefined;
      throw this.failed(failureOf(response.status, code, message));
    }
    return response;
  }

  /** POSTs JSON and reads the JSON answer. */
  async post<T>(path: string, body: unknown): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 60_000);
    try {
      const response = await this.open(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: controller.signal });
      let answer: T;
      try {
        answer = (await response.json()) as T;
      } catch {
        // Cut off mid-answer (the server went away, or our deadline passed).
        throw this.failed(new SyncRequestError(controller.signal.aborted ? 'unreachable' : 'unexpected', response.status, undefined));
      }
      this.events.onSuccess();
      return answer;
    } catch (error) {
      if (error instanceof SyncRequestError) throw error;
      throw this.failed(new SyncRequestError('unreachable', undefined, undefined));
    } finally {
      clearTimeout(timer);
    }
  }

  private failed(error: SyncRequestError): SyncRequestError {
    this.events.onFailure(error);
    return error;
  }
}
