// The embedded engine: the contract, plus what only a store on the server's own disk has:
// its folder layout, data surviving a restart, and the lock that keeps a second process out.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createStorage, globalDatabases, StorageForbiddenError, type StorageEngine } from '../../../server/storage/index';
import { describeStorageContract } from './contract';

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'kizuna-storage-'));

describeStorageContract('embedded (PouchDB on LevelDB)', async () => {
  const dataDir = await tempDir();
  const engine = await createStorage({ kind: 'embedded', dataDir });
  return {
    engine,
    async dispose() {
      await engine.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

/** Reads one document through the engine in another Node process, as a CLI tool would. */
async function readInAnotherProcess(dataDir: string, database: string, id: string): Promise<string> {
  const script = `
    import { createStorage } from ${JSON.stringify(path.resolve('server/storage/index.ts'))};
    const storage = await createStorage({ kind: 'embedded', dataDir: process.argv[1] });
    try {
      const db = await storage.open(process.argv[2]);
      process.stdout.write(JSON.stringify(await db.get(process.argv[3])));
    } catch (error) {
      process.stdout.write('ERROR ' + error.message);
    } finally {
      await storage.close().catch(() => undefined);
    }`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dataDir, database, id]);
  return stdout;
}

describe('embedded engine on disk', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  async function storageIn(dataDir: string): Promise<StorageEngine> {
    const storage = await createStorage({ kind: 'embedded', dataDir });
    cleanup.push(() => storage.close());
    return storage;
  }

  it('keeps each database in DATA/db/<name> and finds everything again after a restart', async () => {
    const dataDir = await tempDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await storageIn(dataDir);
    const audit = await first.open(globalDatabases.audit, { appendOnly: true });
    const entry = await audit.put({ _id: 'entry-1', operation: 'login' });
    const persons = await first.open('persons-01');
    await persons.bulkWrite([{ _id: 'p-1', name: '架空 一郎' }, { _id: 'p-2', name: '架空 二郎' }]);
    const seqBefore = (await persons.info()).updateSeq;
    await first.close();

    expect(existsSync(path.join(dataDir, 'db', 'audit'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'db', 'persons-01'))).toBe(true);

    const second = await storageIn(dataDir);
    expect(await second.list()).toEqual(['audit', 'persons-01']);
    const personsAgain = await second.open('persons-01');
    expect(await personsAgain.getMany(['p-1', 'p-2'])).toEqual([
      expect.objectContaining({ name: '架空 一郎' }),
      expect.objectContaining({ name: '架空 二郎' }),
    ]);
    expect((await personsAgain.info()).updateSeq).toBe(seqBefore);
    // The append-only rule is stored with the database, not with the process that set it.
    const auditAgain = await second.open(globalDatabases.audit);
    expect(auditAgain.appendOnly).toBe(true);
    await expect(auditAgain.remove('entry-1', entry.rev)).rejects.toBeInstanceOf(StorageForbiddenError);
  });

  it('holds its folders while open and releases them on close, for another process to read', async () => {
    const dataDir = await tempDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const storage = await createStorage({ kind: 'embedded', dataDir });
    await (await storage.open('masters')).put({ _id: 'careLevel', label: '要介護1' });

    expect(await readInAnotherProcess(dataDir, 'masters', 'careLevel')).toMatch(/^ERROR database folder .*masters is in use by another process/);

    await storage.close();
    await expect(storage.open('masters')).rejects.toThrow(/closed/);
    expect(JSON.parse(await readInAnotherProcess(dataDir, 'masters', 'careLevel'))).toMatchObject({ label: '要介護1' });
  });
});
