// `--server URL`: imports through a running server's migration endpoint as an IT
// administrator (server/migration/routes.ts). The server checks, writes, audits and
// reads back; this side only ever receives ids, outcomes and hashes.
import { randomUUID } from 'node:crypto';
import { format, migrationMessages } from '../../shared/index';
import type { ImportOutcome, ImportUnit } from '../../server/migration/store';
import type { FilePayload } from '../../server/files/store';
import { CannotRunError } from '../engine/run';
import type { MigrationTarget } from '../engine/sink';

const fatal = migrationMessages.fatal;
/** Base64 of the files sent in one request stays under this (the endpoint takes 32 MB). */
const FILE_REQUEST_BYTES = 8 * 1024 * 1024;

export interface ServerCredentials {
  user?: string;
  password?: string;
  token?: string;
}

class ServerRefusedError extends Error {}

async function call(base: string, path: string, body: unknown, token?: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${base}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new CannotRunError([format(fatal.serverUnreachable, { url: base, reason: (error as Error).message })]);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const message = (json as { error?: { message?: string } } | undefined)?.error?.message ?? text.slice(0, 200);
    throw new ServerRefusedError(format(path === '/auth/login' ? fatal.loginFailed : fatal.serverRefused, { status: response.status, reason: message }));
  }
  return json;
}

export async function serverTarget(url: string, credentials: ServerCredentials): Promise<MigrationTarget> {
  const base = url.replace(/\/+$/, '');
  let token = credentials.token;
  const loggedIn = token === undefined;
  if (token === undefined) {
    if (!credentials.user || !credentials.password) throw new CannotRunError([fatal.credentialsRequired]);
    try {
      const answer = (await call(base, '/auth/login', { userId: credentials.user, password: credentials.password })) as { token: string };
      token = answer.token;
    } catch (error) {
      if (error instanceof ServerRefusedError) throw new CannotRunError([error.message]);
      throw error;
    }
  }
  const runId = randomUUID();

  async function uploadFiles(centerId: string, payloads: readonly FilePayload[]): Promise<void> {
    const unique = [...new Map(payloads.map((p) => [p.sha256, p])).values()];
    const { missing } = (await call(base, '/migration/files/missing', { centerId, sha256s: unique.map((p) => p.sha256) }, token)) as { missing: string[] };
    const wanted = new Set(missing);
    let chunk: Array<{ sha256: string; contentType: string; data: string }> = [];
    let size = 0;
    const send = async () => {
      if (chunk.length > 0) await call(base, '/migration/files', { centerId, files: chunk }, token);
      chunk = [];
      size = 0;
    };
    for (const payload of unique) {
      if (!wanted.has(payload.sha256)) continue;
      const data = Buffer.from(payload.bytes).toString('base64');
      if (size + data.length > FILE_REQUEST_BYTES) await send();
      chunk.push({ sha256: payload.sha256, contentType: payload.contentType, data });
      size += data.length;
    }
    await send();
  }

  return {
    description: base,
    async putFiles(list) {
      const byCenter = new Map<string, FilePayload[]>();
      for (const { centerId, payload } of list) byCenter.set(centerId, [...(byCenter.get(centerId) ?? []), payload]);
      for (const [centerId, payloads] of byCenter) await uploadFiles(centerId, payloads);
    },
    async importBatch(units: readonly ImportUnit[]) {
      const { outcomes } = (await call(base, '/migration/batches', { runId, units }, token)) as { outcomes: ImportOutcome[] };
      return outcomes;
    },
    async close() {
      if (loggedIn) await call(base, '/auth/logout', {}, token).catch(() => undefined);
    },
  };
}
