// npm run migrate -- <export> --server URL: through a running server as an IT
// administrator. The server re-checks every document, writes into the databases it
// serves (a care manager sees the migrated persons of their center, no other), audits
// every write as the administrator, and answers hashes, never content.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLegacyExport } from '../../../migration/fixtures/generate';
import type { Manifest } from '../../../migration/fixtures/manifest';
import { demoPassword } from '../../../server/demo/users';
import { centerDatabaseName } from '../../../server/storage/names';
import { startTestServer, type TestServer } from '../../support/server';
import { readRejects, readReport, runCli } from './helpers';

let work: string;
let exportDir: string;
let manifest: Manifest;
let server: TestServer;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kizuna-migration-'));
  exportDir = join(work, 'export');
  manifest = await generateLegacyExport({ persons: 60, seed: 5, outDir: exportDir });
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

const migrate = (report: string) => runCli([exportDir, '--server', server.url, '--user', 'it-admin', '--report', report], { env: { KIZUNA_PASSWORD: demoPassword } });

describe('npm run migrate -- <export> --server URL', () => {
  it('imports through the server, reconciled from what the server read back', async () => {
    const report = join(work, 'server.json');
    const result = await migrate(report);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const r = readReport(report);
    expect(r.mode).toBe('server');
    expect(r.reconciled).toBe(true);
    expect(r.totals.rejected).toBe(manifest.expectedRejects.length);
    expect(new Set(readRejects(join(work, 'server-rejects.csv')).lines.map((l) => `${l.file}#${l.row}`))).toEqual(
      new Set(manifest.expectedRejects.map((e) => `${e.file}#${e.row}`)),
    );
  });

  it('serves migrated persons to their center only, and audits each write as the administrator', async () => {
    const persons01 = await server.server.context.storage.open(centerDatabaseName('persons', '01'));
    const [first] = await persons01.allDocs({ includeDocs: false, limit: 1 });
    expect(first).toBeDefined();
    const chuo = await server.login('chuo-cm1');
    const seen = await chuo.get(`/api/persons/${first?.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.centerId ?? seen.body.person?.centerId).toBe('01');
    const minami = await server.login('minami-cm1');
    expect([403, 404]).toContain((await minami.get(`/api/persons/${first?.id}`)).status);

    const auditor = await server.login('auditor1');
    const entries = await auditor.get(`/api/audit?userId=it-admin&personId=${first?.id}&operation=create&limit=100`);
    expect(entries.status).toBe(200);
    const targets = new Set(entries.body.items.map((e: { targetDocumentId: string }) => e.targetDocumentId));
    expect(targets.has(first?.id)).toBe(true);
    expect(entries.body.items[0]).toMatchObject({ menu: 'api:migration.batches', result: 'success' });
  });

  it('refuses the endpoint to anyone without migration.run, and re-checks every document it is sent', async () => {
    const chuo = await server.login('chuo-cm1');
    const denied = await chuo.post('/api/migration/batches', { runId: 'a1b2c3d4-0000', units: [] });
    expect(denied.status).toBe(403);

    const admin = await server.login('it-admin');
    const bad = {
      collection: 'persons',
      doc: { id: 'person-0999999998', residentCode: '0999999998', centerId: '01', nameKana: 'テスト', nameKanaKey: 'テスト', sex: 'female', birthDate: '1940-01-01', residentStatus: 'resident', updatedAt: '2026-10-01T00:00:00.000Z' },
      owned: ['name'],
      checks: [{ fields: ['name'] }],
    };
    const answer = await admin.post('/api/migration/batches', { runId: 'a1b2c3d4-0001', units: [bad] });
    expect(answer.status).toBe(200);
    expect(answer.body.outcomes[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('氏名は必須です') });
    expect(await (await server.server.context.storage.open(centerDatabaseName('persons', '01'))).get('person-0999999998')).toBeUndefined();
  });

  it('changes nothing on a second run', async () => {
    const report = join(work, 'again.json');
    expect((await migrate(report)).code).toBe(0);
    const r = readReport(report);
    expect(r.totals).toMatchObject({ added: 0, updated: 0, mismatched: 0 });
    expect(r.reconciled).toBe(true);
  });

  it('stops with a clear message when the password is wrong', async () => {
    const result = await runCli([exportDir, '--server', server.url, '--user', 'it-admin'], { env: { KIZUNA_PASSWORD: 'wrong-password-1' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('サーバーにログインできません（401');
  });
});
