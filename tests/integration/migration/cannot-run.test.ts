// What IT sees when the import cannot run (exit 1, a message naming the file, the
// mapping key or the column, nothing written) and what --dry-run does (checks and
// reports everything, writes nothing).
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLegacyExport } from '../../../migration/fixtures/generate';
import type { Manifest } from '../../../migration/fixtures/manifest';
import { defaultMappingDir } from '../../../migration/mapping/load';
import { decodeExportFile, encodeCp932 } from '../../../migration/read/encoding';
import { createAuditKeyFile, loadAuditKey } from '../../../server/audit/key';
import { verifyAuditChain } from '../../../server/audit/verify';
import { startTestServer } from '../../support/server';
import { readRejects, readReport, runCli, withStorage } from './helpers';

let work: string;
let exportDir: string;
let manifest: Manifest;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kizuna-migration-'));
  exportDir = join(work, 'export');
  manifest = await generateLegacyExport({ persons: 60, seed: 3, outDir: exportDir });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the export with one change. */
function alteredExport(name: string, alter: (dir: string) => void): string {
  const dir = join(work, name);
  cpSync(exportDir, dir, { recursive: true });
  alter(dir);
  return dir;
}

describe('npm run migrate on an export it cannot take as it is', () => {
  it('--dry-run checks and reports every row and writes nothing', async () => {
    const data = join(work, 'dry-data');
    const report = join(work, 'dry.json');
    const result = await runCli([exportDir, '--data', data, '--dry-run', '--report', report]);
    expect(result.code).toBe(0);
    expect(existsSync(data)).toBe(false);
    const r = readReport(report);
    expect(r.mode).toBe('dryRun');
    expect(r.reconciled).toBeNull();
    for (const file of r.files) expect(file.read).toBe(file.imported + file.rejected);
    expect(r.totals.rejected).toBe(manifest.expectedRejects.length);
    expect(readRejects(join(work, 'dry-rejects.csv')).lines.length).toBeGreaterThanOrEqual(manifest.expectedRejects.length);
    expect(result.stdout).toContain('確認のみ（--dry-run）: 書き込みはしていません');
  });

  it('stops before reading a row when a mapping is broken, naming the mapping file and key', async () => {
    const mappings = join(work, 'mappings');
    cpSync(defaultMappingDir, mappings, { recursive: true });
    const path = join(mappings, '21_consultation.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"field": "consulterName"', '"field": "consultantName"'));
    const data = join(work, 'broken-mapping-data');
    const result = await runCli([exportDir, '--data', data, '--mappings', mappings]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('移行を実行できません');
    expect(result.stderr).toMatch(/21_consultation\.json の columns\[8\]\.field: consultations に項目「consultantName」はありません/);
    expect(existsSync(data)).toBe(false);
  });

  it('stops when a file of the export is missing, or a header does not match its mapping', async () => {
    const missing = alteredExport('missing', (dir) => renameSync(join(dir, '17_basic_checklist.csv'), join(dir, 'checklist-old.csv')));
    const data = join(work, 'missing-data');
    let result = await runCli([missing, '--data', data]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('移行元ファイル 17_basic_checklist.csv がありません（基本チェックリスト情報）');
    expect(existsSync(data)).toBe(false);

    const renamed = alteredExport('renamed-column', (dir) => {
      const file = join(dir, '21_consultation.csv');
      const { text, encoding } = decodeExportFile(readFileSync(file));
      const changed = text.replace('相談日', '受付日');
      writeFileSync(file, encoding === 'cp932' ? new Uint8Array(encodeCp932(changed)) : `\uFEFF${changed}`);
    });
    result = await runCli([renamed, '--data', data]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('21_consultation.csv の見出し行の列「受付日」はマッピング 21_consultation.json にありません');
    expect(result.stderr).toContain('21_consultation.csv の見出し行に列「相談日」がありません');
    expect(existsSync(data)).toBe(false);
  });

  it('refuses a data folder the running server holds, and says to stop it or use --server', async () => {
    const server = await startTestServer();
    try {
      const result = await runCli([exportDir, '--data', server.dataDir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`データフォルダ ${server.dataDir} を開けません`);
      expect(result.stderr).toContain('--server');
    } finally {
      await server.close();
    }
  });

  it('rejects whole a row broken by a line break outside quotes, instead of importing half of it', async () => {
    const broken = alteredExport('broken-row', (dir) => {
      const file = join(dir, '21_consultation.csv');
      const { text, encoding } = decodeExportFile(readFileSync(file));
      const row = '99990001,1000000001,01,R06.04.01,0930,1000,2,1,,1,01,膝が痛い\r\n階段がつらい,電話で助言,保健 太郎,2\r\n';
      const changed = text + row;
      writeFileSync(file, encoding === 'cp932' ? new Uint8Array(encodeCp932(changed)) : `\uFEFF${changed}`);
    });
    const report = join(work, 'broken.json');
    const result = await runCli([broken, '--dry-run', '--report', report]);
    expect(result.code).toBe(0);
    const consultations = readReport(report).files.find((f) => f.file === '21_consultation.csv');
    const written = manifest.files.find((f) => f.file === '21_consultation.csv');
    // One record became two, both with the wrong number of fields, both rejected.
    expect(consultations?.read).toBe((written?.dataRows ?? 0) + 2);
    const lines = readRejects(join(work, 'broken-rejects.csv')).lines.filter((l) => l.file === '21_consultation.csv' && l.reason.startsWith('列の数が見出しと違います'));
    expect(lines.map((l) => l.reason)).toEqual([expect.stringContaining('（12 列、見出しは 15 列）'), expect.stringContaining('（4 列、見出しは 15 列）')]);
  });

  it('says what is wrong with the command line', async () => {
    let result = await runCli([join(work, 'no-such-export'), '--data', join(work, 'x')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('移行元フォルダ');
    result = await runCli([exportDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--data <フォルダ> か --server <URL>');
  });
});

describe('npm run migrate into a data folder whose audit log is sealed with a key', () => {
  it('stops without the key, writing nothing, and imports with it, the log sealed and intact', async () => {
    const data = join(work, 'sealed-data');
    const key = join(work, 'audit.key');
    createAuditKeyFile(key);
    const server = await startTestServer({ dataDir: data, config: { auditKeyFile: key } });
    await server.server.close();
    const state = () => withStorage(data, async (engine) => ({ persons: (await (await engine.open('persons-01')).info()).docCount, audit: await verifyAuditChain(engine, loadAuditKey(key, data)) }));
    const before = await state();

    const refused = await runCli([exportDir, '--data', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('監査ログは鍵で署名されています');
    expect(refused.stderr).not.toContain('サーバーがこのフォルダで動いているとき');
    expect(await state()).toEqual(before);
    expect(before.persons).toBe(0);

    const report = join(work, 'sealed.json');
    const result = await runCli([exportDir, '--data', data, '--audit-key', key, '--report', report]);
    expect(result.code, result.stderr).toBe(0);
    expect(readReport(report).reconciled).toBe(true);
    const verified = await withStorage(data, (engine) => verifyAuditChain(engine, loadAuditKey(key, data)));
    expect(verified).toMatchObject({ ok: true, sealed: true });
    expect(verified.entries).toBeGreaterThan(60);
  });
});
