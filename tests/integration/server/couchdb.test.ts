// The production path: the same server on the CouchDB engine, talking real HTTP to a
// CouchDB-protocol server (express-pouchdb stands in for the cluster). Login, a scoped
// read and search, the audit chain — and the cluster itself refusing to change an entry.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditDocumentId } from '../../../server/audit/chain';
import { startCouchProtocolServer, type CouchProtocolServer } from '../../support/couch-protocol-server';
import { seedPersons, startTestServer, testPerson, type TestServer } from '../../support/server';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let couch: CouchProtocolServer;
let server: TestServer;
const scratch = mkdtempSync(path.join(tmpdir(), 'kizuna-couch-config-'));

beforeAll(async () => {
  couch = await startCouchProtocolServer();
  server = await startTestServer({ config: { storage: { kind: 'couchdb', url: couch.url, prefix: 'hikarino_' } } });
});
afterAll(async () => {
  await server?.close();
  await couch?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the server on the CouchDB engine', () => {
  it('logs in, searches and reads only in scope, and keeps the audit chain', async () => {
    await seedPersons(server, [testPerson(1, '01', { name: '中央 花子' }), testPerson(2, '03', { name: '南 花子' })]);
    const chuo = await server.login('chuo-cm1');
    const found = await chuo.get('/api/persons?q=はなこ');
    expect(found.body.items.map((p: { name: string }) => p.name)).toEqual(['中央 花子']);
    expect((await chuo.get('/api/persons/person-9000000001')).status).toBe(200);
    expect((await chuo.get('/api/persons/person-9000000002')).status).toBe(404);
    const auditor = await server.login('auditor1');
    const verify = await auditor.get('/api/audit/verify');
    expect(verify.body).toMatchObject({ ok: true });
    expect(verify.body.entries).toBeGreaterThanOrEqual(5);
  });

  it('keeps its databases under the city’s prefix on the cluster', async () => {
    const names = (await (await fetch(`${couch.url}/_all_dbs`)).json()) as string[];
    expect(names).toEqual(expect.arrayContaining(['hikarino_audit', 'hikarino_users', 'hikarino_persons-01']));
  });

  it('has the cluster itself refuse a change to an audit entry', async () => {
    const url = `${couch.url}/hikarino_audit/${auditDocumentId(1)}`;
    const entry = (await (await fetch(url)).json()) as Record<string, unknown>;
    const changed = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...entry, userId: 'someone-else' }) });
    expect(changed.status).toBe(403);
    const removed = await fetch(`${url}?rev=${String(entry._rev)}`, { method: 'DELETE' });
    expect(removed.status).toBe(403);
  });

  it('is verified by npm run audit:verify with the same config file', async () => {
    await server.server.context.audit.flush();
    const file = path.join(scratch, 'kizuna.json');
    writeFileSync(file, JSON.stringify({ storage: { kind: 'couchdb', url: couch.url, prefix: 'hikarino_' } }));
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'server/audit/verify-cli.ts', '--config', file], { cwd: repository }, (error, stdout) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      );
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/正常です（\d+ 件）/);
  });
});
