// The real server for everyone's tests: a free loopback port, a temporary data folder
// (removed on close), the demo logins, and scrypt work factors low enough that a login
// costs a millisecond. `login(userId)` gives a client that sends the session's token.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Person, PublicUser } from '../../shared/index';
import { startServer, type RunningServer, type StartOptions } from '../../server/app';
import type { ConfigInput } from '../../server/config/schema';
import { demoPassword } from '../../server/demo/users';
import { centerDatabaseName } from '../../server/storage/names';

export interface TestServerOptions {
  /** Settings on top of the test defaults (loopback, port 0, demo, fast scrypt). */
  config?: ConfigInput;
  /** Load the ~3,000 demo persons and their records (slow: default false). */
  demoData?: boolean;
  /** Reuse a data folder (a restart); it is then not removed on close. */
  dataDir?: string;
  now?: () => number;
  log?: StartOptions['log'];
}

// Answers are whatever JSON the endpoint documents; tests read fields without a cast each time.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface ApiResponse<T = Json> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestClient {
  token: string;
  user: PublicUser;
  /** Headers that authenticate this client (bearer token, and device when registered). */
  headers: Record<string, string>;
  get<T = Json>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  post<T = Json>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  patch<T = Json>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  delete<T = Json>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
}

export interface TestServer {
  url: string;
  dataDir: string;
  server: RunningServer;
  /** Logs in (demo password by default) and returns a client; throws unless 200. */
  login(userId: string, options?: { password?: string; device?: string }): Promise<TestClient>;
  /** An unauthenticated request. */
  request<T = Json>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'kizuna-server-'));
  const server = await startServer(
    { host: '127.0.0.1', port: 0, dataDir, demo: true, scrypt: { cost: 1024, blockSize: 8, parallelization: 1 }, passwordMinLength: 10, ...options.config },
    { demoData: options.demoData ?? false, ...(options.now ? { now: options.now } : {}), log: options.log ?? (() => undefined) },
  );

  const request = async <T>(method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> => {
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers };
  };

  const login: TestServer['login'] = async (userId, loginOptions = {}) => {
    const deviceHeaders: Record<string, string> = loginOptions.device ? { 'x-kizuna-device': loginOptions.device } : {};
    const answer = await request<{ token: string; user: PublicUser }>('POST', '/api/auth/login', { userId, password: loginOptions.password ?? demoPassword }, deviceHeaders);
    if (answer.status !== 200) throw new Error(`login of ${userId} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    const headers = { authorization: `Bearer ${answer.body.token}`, ...deviceHeaders };
    const call = <T>(method: string) => (route: string, body?: unknown, extra: Record<string, string> = {}) => request<T>(method, route, body, { ...headers, ...extra });
    return {
      token: answer.body.token,
      user: answer.body.user,
      headers,
      get: (route, extra) => call('GET')(route, undefined, extra),
      post: (route, body, extra) => call('POST')(route, body ?? {}, extra),
      patch: (route, body, extra) => call('PATCH')(route, body ?? {}, extra),
      delete: (route, extra) => call('DELETE')(route, undefined, extra),
    } as TestClient;
  };

  return {
    url: server.url,
    dataDir,
    server,
    login,
    request,
    close: async () => {
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An invented person for tests; `n` makes the resident code and id unique. */
export function testPerson(n: number, centerId: string, fields: Partial<Person> = {}): Person {
  const residentCode = String(9_000_000_000 + n);
  return {
    id: `person-${residentCode}`,
    residentCode,
    centerId,
    name: '試験 花子',
    nameKana: 'シケン ハナコ',
    nameKanaKey: 'シケンハナコ',
    sex: 'female',
    birthDate: '1941-05-06',
    residentStatus: 'resident',
    updatedAt: '2026-10-01T00:00:00.000Z',
    ...fields,
  };
}

/** Stores persons straight into their centers' databases, as a sync or the migration would. */
export async function seedPersons(server: TestServer, persons: readonly Person[]): Promise<void> {
  const { storage } = server.server.context;
  for (const person of persons) {
    const db = await storage.open(centerDatabaseName('persons', person.centerId));
    await db.put({ ...person, _id: person.id });
  }
  await server.server.context.persons.caughtUp();
}
