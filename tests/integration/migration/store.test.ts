// The migration store and the file store over the real embedded engine: what a re-run
// of the migration does to documents staff have since worked on, and how file bytes
// are kept per center and proven by their hash.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlainDocument } from '../../../shared/index';
import { createFileStore, filesDatabaseName, FileIntegrityError, sha256Hex } from '../../../server/files/store';
import { createMigrationStore, type ImportUnit, type WrittenDocument } from '../../../server/migration/store';
import { hashValues } from '../../../server/migration/projection';
import { createStorage } from '../../../server/storage/index';
import type { StorageEngine } from '../../../server/storage/port';
import { centerDatabaseName } from '../../../server/storage/names';

let dir: string;
let engine: StorageEngine;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kizuna-migration-store-'));
  engine = await createStorage({ kind: 'embedded', dataDir: dir });
});

afterEach(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const stamp = { createdAt: '2026-10-01T00:00:00.000Z', createdBy: 'migration', updatedAt: '2026-10-01T00:00:00.000Z', updatedBy: 'migration' };

function consultation(content: string, centerId = '01'): ImportUnit {
  const doc: PlainDocument = {
    id: 'consultation-00000001',
    personId: 'person-1000000001',
    centerId,
    consultationNumber: '00000001',
    date: '2024-04-01',
    method: 'phone',
    consulterKind: 'self',
    businessCategory: 'general',
    status: 'closed',
    content,
    afterHours: false,
    dementiaRelated: false,
    suspectedAbuse: false,
    abuseTypes: [],
    legacy: { file: '21_consultation.csv', key: '00000001' },
    ...stamp,
  };
  return {
    collection: 'consultations',
    doc,
    owned: ['id', 'personId', 'centerId', 'consultationNumber', 'date', 'method', 'consulterKind', 'businessCategory', 'status', 'content', 'legacy'],
    defaulted: ['afterHours', 'dementiaRelated', 'suspectedAbuse', 'abuseTypes'],
    checks: [{ fields: ['content', 'date'] }],
  };
}

describe('the migration store', () => {
  it('keeps what staff changed in fields the legacy system does not have, and counts a re-run as unchanged', async () => {
    const written: WrittenDocument[] = [];
    const store = createMigrationStore(engine, { files: createFileStore(engine), onWritten: async (w) => void written.push(...w) });
    const [first] = await store.importBatch([consultation('膝が痛い。')]);
    expect(first).toMatchObject({ status: 'added', before: [null], after: [hashValues({ content: '膝が痛い。', date: '2024-04-01' })], filesVerified: true });

    // A care manager marks it as abuse-related and corrects nothing else.
    const db = await engine.open(centerDatabaseName('consultations', '01'));
    const stored = await db.get('consultation-00000001');
    await db.put({ ...stored, _id: 'consultation-00000001', suspectedAbuse: true, abuseTypes: ['neglect'], updatedBy: 'chuo-cm1' });

    const [again] = await createMigrationStore(engine, { files: createFileStore(engine) }).importBatch([consultation('膝が痛い。')]);
    expect(again?.status).toBe('unchanged');
    expect(await db.get('consultation-00000001')).toMatchObject({ suspectedAbuse: true, abuseTypes: ['neglect'] });

    // The go-live export changed the content: the legacy field is updated, the staff's kept.
    const [changed] = await createMigrationStore(engine, { files: createFileStore(engine) }).importBatch([consultation('膝と腰が痛い。')]);
    expect(changed?.status).toBe('updated');
    expect(changed?.before).not.toEqual(changed?.after);
    expect(await db.get('consultation-00000001')).toMatchObject({ content: '膝と腰が痛い。', suspectedAbuse: true, createdAt: stamp.createdAt });
    expect(written.map((w) => w.operation)).toEqual(['create']);
  });

  it('moves a document to its new center and leaves no copy behind, and a dry run writes nothing', async () => {
    const store = createMigrationStore(engine, { files: createFileStore(engine) });
    await store.importBatch([consultation('相談')]);
    const [dry] = await createMigrationStore(engine, { files: createFileStore(engine) }).importBatch([consultation('相談', '03')], { dryRun: true });
    expect(dry).toMatchObject({ status: 'updated', movedFrom: '01', after: [null] });
    expect(await engine.exists(centerDatabaseName('consultations', '03'))).toBe(false);

    const [moved] = await createMigrationStore(engine, { files: createFileStore(engine) }).importBatch([consultation('相談', '03')]);
    expect(moved).toMatchObject({ status: 'updated', movedFrom: '01' });
    expect(await (await engine.open(centerDatabaseName('consultations', '03'))).get('consultation-00000001')).toMatchObject({ centerId: '03' });
    expect(await (await engine.open(centerDatabaseName('consultations', '01'))).get('consultation-00000001')).toBeUndefined();
  });
});

describe('the file store', () => {
  const pdf = new TextEncoder().encode('%PDF-1.4 invented scan\n');

  it('stores bytes once per center under their hash, and never across centers', async () => {
    const files = createFileStore(engine);
    const sha256 = sha256Hex(pdf);
    expect(await files.putFiles('01', [{ sha256, contentType: 'application/pdf', size: pdf.length, bytes: pdf }])).toBe(1);
    expect(await files.putFiles('01', [{ sha256, contentType: 'application/pdf', size: pdf.length, bytes: pdf }])).toBe(0);
    const stored = await files.get('01', sha256);
    expect(stored).toMatchObject({ sha256, contentType: 'application/pdf', size: pdf.length });
    expect(stored?.bytes.equals(Buffer.from(pdf))).toBe(true);
    expect(await files.get('02', sha256)).toBeUndefined();
    expect(await files.verify('01', [sha256])).toEqual(new Map([[sha256, true]]));
  });

  it('refuses bytes that do not hash to their id, and notices stored bytes that were altered', async () => {
    const files = createFileStore(engine);
    const sha256 = sha256Hex(pdf);
    await expect(files.putFiles('01', [{ sha256: sha256Hex(new Uint8Array([1])), contentType: 'application/pdf', size: pdf.length, bytes: pdf }])).rejects.toThrow(FileIntegrityError);
    await files.putFiles('01', [{ sha256, contentType: 'application/pdf', size: pdf.length, bytes: pdf }]);
    const db = await engine.open(filesDatabaseName('01'));
    const doc = await db.get(sha256);
    await db.put({ ...doc, _id: sha256, data: Buffer.from('%PDF-1.4 altered\n').toString('base64') });
    await expect(files.get('01', sha256)).rejects.toThrow(FileIntegrityError);
    expect(await files.verify('01', [sha256])).toEqual(new Map([[sha256, false]]));
  });
});
