// `--data` with the storage in worker threads (storage-worker.ts): two storage sides,
// each owning the databases of some collections, so that on two cores PouchDB's work
// runs in parallel with itself and with the main thread's reading and mapping, and a
// third that owns the audit log, through which both sides' writes are audited. The
// second side owns the scanned files.
import { Worker } from 'node:worker_threads';
import { format, migrationMessages, type CollectionName } from '../../shared/index';
import type { ImportOutcome, ImportUnit, WrittenDocument } from '../../server/migration/store';
import { CannotRunError } from '../engine/run';
import type { MigrationTarget } from '../engine/sink';
import type { WorkerAnswer, WorkerRequest } from './storage-worker';
import { encodeUnits } from './wire';

/**
 * Collections written by the second side; the first writes the persons, the checklists,
 * the surveys and the masters. The run reads the files of each side as a chain of its
 * own (run.ts), so the split decides what is written side by side: the consultations
 * from the moment the persons are registered, beside the persons themselves and then
 * the checklists. Measured at 160,000 persons, it gives the two sides about the same
 * work. The scanned documents and their file bytes stay together on this side.
 */
const secondSide: ReadonlySet<CollectionName> = new Set(['consultations', 'carePlans', 'providerPlans', 'providerEvaluations', 'documents']);

interface Side {
  call(op: WorkerRequest['op'], args: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

class SettingError extends Error {}

async function startSide(dataDir: string, user: string, ownsAudit: boolean, auditKeyFile?: string): Promise<Side> {
  // Worker threads do not inherit tsx's module hooks: the worker registers them itself
  // before it loads the TypeScript module (URLs resolved here, where tsx is known).
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./storage-worker.ts', import.meta.url).href)}); })`;
  // A larger young generation: PouchDB allocates short-lived objects per document, and
  // scavenges of the default 16 MB semi-space cost a tenth of the side's time.
  const worker = new Worker(boot, { eval: true, workerData: { dataDir, user, ownsAudit, ...(auditKeyFile !== undefined ? { auditKeyFile } : {}) }, resourceLimits: { maxYoungGenerationSizeMb: 192 } });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 1;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('message', (answer: WorkerAnswer) => {
    const p = pending.get(answer.id);
    if (!p) return;
    pending.delete(answer.id);
    if (answer.ok) p.resolve(answer.value);
    else p.reject(answer.setting ? new SettingError(answer.message) : new Error(answer.message));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`storage worker exited (${code})`)));
  // The worker answers id 0 once its store is open (or could not be: another process,
  // typically the server, holds the folder's LevelDB locks).
  try {
    await new Promise<unknown>((resolve, reject) => pending.set(0, { resolve, reject }));
  } catch (error) {
    await worker.terminate();
    if (error instanceof SettingError) throw new CannotRunError([error.message]);
    throw new CannotRunError([format(migrationMessages.fatal.storageOpen, { path: dataDir, reason: (error as Error).message })]);
  }
  return {
    call: (op, args) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, op, args });
      }),
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

export async function workerStorageTarget(dataDir: string, user: string, auditKeyFile?: string): Promise<MigrationTarget> {
  // The audit side opens first: it creates the folder's global databases alone. It writes
  // no documents: appending every entry on a writing side made that side the slowest.
  const audit = await startSide(dataDir, user, true, auditKeyFile);
  const started: Side[] = [audit];
  try {
    started.push(await startSide(dataDir, user, false), await startSide(dataDir, user, false));
  } catch (error) {
    for (const side of started) {
      await side.call('close', []).catch(() => undefined);
      await side.close();
    }
    throw error;
  }
  const [, first, other] = started as [Side, Side, Side];
  const sides = [first, other];

  return {
    description: dataDir,
    lanes: 2,
    laneOf: (collection) => (secondSide.has(collection) ? 1 : 0),
    // File bytes live with the documents naming them, which verify them on read-back.
    putFiles: async (files) => {
      await other.call('putFiles', [files]);
    },
    async importBatch(units: readonly ImportUnit[]) {
      const parts: Array<Array<{ index: number; unit: ImportUnit }>> = [[], []];
      units.forEach((unit, index) => parts[secondSide.has(unit.collection) ? 1 : 0]?.push({ index, unit }));
      const answers = await Promise.all(
        parts.map(async (part, s) =>
          // As JSON text (wire.ts): V8 writes and reads plain documents as JSON faster than it structured-clones them.
          part.length === 0 ? { outcomes: [], written: [] } : ((await sides[s]?.call('importBatchJson', [encodeUnits(part.map((p) => p.unit))])) as { outcomes: ImportOutcome[]; written: WrittenDocument[] }),
        ),
      );
      const written = answers.flatMap((a) => a.written);
      if (written.length > 0) await audit.call('appendAudit', [written]);
      const outcomes = new Array<ImportOutcome>(units.length);
      parts.forEach((part, s) => part.forEach((p, i) => (outcomes[p.index] = answers[s]?.outcomes[i] as ImportOutcome)));
      return outcomes;
    },
    close: async () => {
      try {
        await Promise.all(started.map((side) => side.call('close', [])));
      } finally {
        await Promise.all(started.map((side) => side.close()));
      }
    },
  };
}
