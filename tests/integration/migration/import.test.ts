// The whole migration as IT runs it, on an invented export with every quirk and planted
// errors: exactly the planted rows (and the rows depending on them) are rejected, all
// else is imported and reconciled from the store; a re-run changes nothing; a run
// killed halfway and run again ends in the same state; the go-live export updates
// what changed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeKana, type AuditEntry, type PlainDocument } from '../../../shared/index';
import { generateLegacyExport } from '../../../migration/fixtures/generate';
import type { Manifest } from '../../../migration/fixtures/manifest';
import { decodeExportFile } from '../../../migration/read/encoding';
import { createFileStore } from '../../../server/files/store';
import { AuditLog } from '../../../server/audit/log';
import { verifyAuditChain } from '../../../server/audit/verify';
import { centerDatabaseName } from '../../../server/storage/names';
import { readRejects, readReport, runCli, storedState, withStorage } from './helpers';

const PERSONS = 240;
let work: string;
let exportDir: string;
let manifest: Manifest;
let dataDir: string;

/** A legacy file's rows as objects keyed by column, with their Excel row numbers. */
function legacyRows(file: string): Array<{ row: number; values: Record<string, string> }> {
  const { text } = decodeExportFile(readFileSync(join(exportDir, file)));
  const [header = [], ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
  return rows
    .map((cells, i) => ({ row: i + 2, values: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])) }))
    .filter((r) => Object.values(r.values).some((v) => v.trim() !== ''));
}

const rejectedRows = () => new Set(manifest.expectedRejects.map((r) => `${r.file}#${r.row}`));

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kizuna-migration-'));
  exportDir = join(work, 'export');
  dataDir = join(work, 'data');
  manifest = await generateLegacyExport({ persons: PERSONS, seed: 11, outDir: exportDir });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run migrate -- <export> --data DIR', () => {
  it('rejects exactly the planted rows, imports everything else and proves it from the store', async () => {
    const report = join(work, 'first.json');
    const result = await runCli([exportDir, '--data', dataDir, '--report', report]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const r = readReport(report);
    expect(r.files).toHaveLength(27);
    for (const file of r.files) {
      const written = manifest.files.find((f) => f.file === file.file);
      expect(file).toMatchObject({ read: written?.dataRows, blank: written?.blankRows, encoding: written?.encoding });
      expect(file.read).toBe(file.imported + file.rejected);
      expect(file.verified).toBe(file.imported);
      expect(file.mismatched).toBe(0);
    }
    expect(r.reconciled).toBe(true);
    expect(r.totals.added).toBe(r.totals.imported);
    expect(r.files.some((f) => f.encoding === 'utf-8-bom')).toBe(true);
    expect(r.files.some((f) => f.encoding === 'cp932')).toBe(true);
    expect(r.centers.map((c) => c.centerId)).toEqual(['01', '02', '03', '04', '05', 'masters']);

    const rejects = readRejects(join(work, 'first-rejects.csv'));
    expect(rejects.bom).toBe(true);
    expect(rejects.header).toEqual(['ファイル', '行', '列', '値', '理由', 'キー']);
    expect(new Set(rejects.lines.map((l) => `${l.file}#${l.row}`))).toEqual(rejectedRows());
    for (const planted of manifest.planted) {
      const lines = rejects.lines.filter((l) => l.file === planted.file && l.row === planted.row);
      expect(lines.map((l) => l.column), `${planted.file} row ${planted.row}`).toContain(planted.column);
    }
    for (const line of rejects.lines) expect(line.reason).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(result.stdout).toContain('照合: すべてのファイルで 読込 = 取込 + 不合格');
  });

  it('stores names, kana, codes and texts as the legacy system meant them', async () => {
    const rejected = rejectedRows();
    const people = legacyRows('18_person.csv').filter((p) => !rejected.has(`18_person.csv#${p.row}`));
    const halfWidth = people.find((p) => /[\uFF61-\uFF9F]/.test(p.values['氏名カナ'] ?? ''));
    const extension = people.find((p) => /[髙﨑]/.test(p.values['氏名'] ?? ''));
    const fullWidthCode = people.find((p) => /[０-９]/.test(p.values['住民コード'] ?? ''));
    const extraAddress = people.find((p) => /[①②③]/.test(p.values['方書'] ?? ''));
    const consultations = legacyRows('21_consultation.csv').filter((c) => !rejected.has(`21_consultation.csv#${c.row}`));
    const quoted = consultations.find((c) => (c.values['相談内容'] ?? '').includes('つらい, 休み'));
    const waveDash = consultations.find((c) => /[～\u301C]/.test(c.values['相談内容'] ?? ''));
    expect([halfWidth, extension, fullWidthCode, extraAddress, quoted, waveDash].every(Boolean)).toBe(true);

    await withStorage(dataDir, async (engine) => {
      const person = async (code: string) => {
        for (const center of ['01', '02', '03', '04', '05']) {
          const doc = await (await engine.open(centerDatabaseName('persons', center))).get(`person-${code}`);
          if (doc) return doc as PlainDocument;
        }
        throw new Error(`person ${code} not stored`);
      };
      const kana = await person(halfWidth?.values['住民コード'] ?? '');
      expect(kana.nameKana).toMatch(/^[ァ-ヶー]+\u3000[ァ-ヶー]+$/);
      expect(kana.nameKanaKey).toBe(normalizeKana(String(kana.nameKana)));
      expect((await person(extension?.values['住民コード'] ?? '')).name).toBe(extension?.values['氏名']?.trimEnd());
      const code = (fullWidthCode?.values['住民コード'] ?? '').normalize('NFKC');
      expect((await person(code)).residentCode).toBe(code);
      expect((await person(extraAddress?.values['住民コード'] ?? '')).addressExtra).toMatch(/[①②③]号棟/);

      const consultation = async (number: string) => {
        for (const center of ['01', '02', '03', '04', '05']) {
          const doc = await (await engine.open(centerDatabaseName('consultations', center))).get(`consultation-${number}`);
          if (doc) return doc as PlainDocument;
        }
        throw new Error(`consultation ${number} not stored`);
      };
      const withQuotes = await consultation(quoted?.values['相談番号'] ?? '');
      expect(withQuotes.content).toContain('\n本人の言葉:"階段がつらい, 休み休み上っている"');
      expect(String(withQuotes.content)).not.toContain('\r');
      expect((withQuotes.legacy as { columns?: Record<string, string> }).columns?.['包括コード']).toMatch(/^0[1-5]$/);
      expect((await consultation(waveDash?.values['相談番号'] ?? '')).content).toContain('10時\uFF5E11時');

      const masters = await engine.open('masters');
      const companies = (await masters.allDocs({ includeDocs: true })).filter((row) => String(row.doc?.name).startsWith('㈱'));
      expect(companies.length).toBeGreaterThan(0);

      // Scans: metadata in the document, the bytes in the center's file store, OCR queued.
      const files = createFileStore(engine);
      let scans = 0;
      for (const center of ['01', '02', '03', '04', '05']) {
        for (const row of await (await engine.open(centerDatabaseName('documents', center))).allDocs({ includeDocs: true })) {
          const doc = row.doc as unknown as PlainDocument & { file: { sha256: string; size: number; contentType: string } };
          if (doc.kind !== 'scan') {
            expect(doc).toMatchObject({ kind: 'planAttachment', planType: expect.any(String), planId: expect.any(String) });
            continue;
          }
          scans++;
          expect(doc).toMatchObject({ ocr: { status: 'pending' }, file: { contentType: 'application/pdf' } });
          const stored = await files.get(center, doc.file.sha256);
          expect(stored?.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          expect(stored?.size).toBe(doc.file.size);
        }
      }
      expect(scans).toBe(legacyRows('24_image_filing.csv').length - manifest.expectedRejects.filter((r) => r.file === '24_image_filing.csv').length);

      // Every document written is in the audit log, whose chain is intact.
      const verified = await verifyAuditChain(engine);
      expect(verified.ok).toBe(true);
      const log = await AuditLog.open(engine);
      expect(log.lastSeq).toBeGreaterThanOrEqual(manifest.persons);

      // Audited per person, not per document: filtering by a person who has consultations
      // finds the run's entries naming the person's record and the consultations written.
      const consulted = legacyRows('21_consultation.csv').find((c) => !rejectedRows().has(`21_consultation.csv#${c.row}`));
      const personId = `person-${consulted?.values['住民コード'] ?? ''}`;
      const entries = (await log.db.allDocs({ includeDocs: true })).map((row) => row.doc as unknown as AuditEntry).filter((e) => e.targetPersonId === personId);
      expect(entries.every((e) => e.menu === 'migration' && e.operation === 'create' && e.result === 'success')).toBe(true);
      expect(entries.some((e) => e.targetDocumentId === personId && e.detail?.includes('persons 1'))).toBe(true);
      const ownConsultations = legacyRows('21_consultation.csv').filter((c) => c.values['住民コード'] === consulted?.values['住民コード'] && !rejectedRows().has(`21_consultation.csv#${c.row}`));
      const audited = entries.map((e) => Number(/consultations (\d+)/.exec(e.detail ?? '')?.[1] ?? 0)).reduce((a, b) => a + b, 0);
      expect(audited).toBe(ownConsultations.length);
      expect(new Set(entries.map((e) => e.requestId)).size).toBe(1);
    });
  });

  it('changes nothing when the same export is imported again, and says so', async () => {
    const before = await storedState(dataDir);
    const report = join(work, 'second.json');
    const result = await runCli([exportDir, '--data', dataDir, '--report', report]);
    expect(result.code).toBe(0);
    const r = readReport(report);
    expect(r.totals).toMatchObject({ added: 0, updated: 0, mismatched: 0 });
    expect(r.totals.unchanged).toBe(r.totals.imported);
    expect(r.documents.every((d) => d.added === 0 && d.updated === 0 && d.moved === 0)).toBe(true);
    expect(result.stdout).toContain('前回の移行から変わったものはありません');
    expect(await storedState(dataDir)).toEqual(before);
  });

  it('finishes with the same result when a run is killed halfway and started again', async () => {
    const resumed = join(work, 'resumed');
    let killedAt = '';
    const killed = await runCli([exportDir, '--data', resumed, '--batch-size', '25'], {
      onLine: (line, child) => {
        // Persons are written; consultations are being read and written.
        if (!killedAt && line.startsWith('21_consultation.csv') && line.includes('(0%)')) {
          killedAt = line;
          child.kill('SIGKILL');
        }
      },
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(killedAt).not.toBe('');
    const partial = await storedState(resumed);
    const complete = await storedState(dataDir);
    expect([...partial.values()].reduce((n, docs) => n + docs.size, 0)).toBeLessThan([...complete.values()].reduce((n, docs) => n + docs.size, 0));

    const report = join(work, 'resumed.json');
    const again = await runCli([exportDir, '--data', resumed, '--report', report]);
    expect(again.code).toBe(0);
    const r = readReport(report);
    expect(r.reconciled).toBe(true);
    expect(r.totals.unchanged).toBeGreaterThan(0);
    expect(r.totals.added).toBeGreaterThan(0);
    expect(await storedState(resumed)).toEqual(complete);
  });

  it('updates what the go-live export changed, moves persons who changed center, and reports how many', async () => {
    const liveDir = join(work, 'golive');
    const live = await generateLegacyExport({ persons: PERSONS, seed: 11, outDir: liveDir, revision: 1 });
    expect(live.changes.phoneChanged.length).toBeGreaterThan(0);
    expect(live.changes.centerChanged.length).toBeGreaterThan(0);
    const report = join(work, 'golive.json');
    const result = await runCli([liveDir, '--data', dataDir, '--report', report]);
    expect(result.code).toBe(0);
    const r = readReport(report);
    const file = (name: string) => r.files.find((f) => f.file === name);
    expect(file('18_person.csv')?.updated).toBe(live.changes.phoneChanged.length);
    expect(file('27_elder_ledger.csv')?.updated).toBe(live.changes.centerChanged.length);
    expect(file('21_consultation.csv')?.added).toBe(live.changes.consultationsAdded);
    expect(r.totals.updated).toBe(live.changes.phoneChanged.length + live.changes.centerChanged.length);
    expect(r.reconciled).toBe(true);
    expect(result.stdout).toMatch(/追加 \d+ 件・更新 \d+ 件・担当包括の移動 [1-9]\d* 件/);

    const moved = live.changes.centerChanged[0];
    await withStorage(dataDir, async (engine) => {
      const id = `person-${moved?.residentCode}`;
      expect(await (await engine.open(centerDatabaseName('persons', moved?.to ?? ''))).get(id)).toMatchObject({ centerId: moved?.to });
      expect(await (await engine.open(centerDatabaseName('persons', moved?.from ?? ''))).get(id)).toBeUndefined();
    });
    expect(existsSync(join(work, 'golive-rejects.csv'))).toBe(true);
  });
});
