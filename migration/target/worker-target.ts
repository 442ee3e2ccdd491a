// `--data` with the storage in a worker thread (see storage-worker.ts): the same
// MigrationTarget, its calls posted to the worker and answered from there.
import { Worker } from 'node:worker_threads';
import type { ImportOutcome } from '../../server/migration/store';
import { format, migrationMessages } from '../../shared/index';
import { CannotRunError } from '../engine/run';
import type { MigrationTarget } from '../engine/sink';
import type { WorkerAnswer, WorkerRequest } from './storage-worker';

export async function workerStorageTarget(dataDir: string, user: string): Promise<MigrationTarget> {
  // Worker threads do not inherit tsx's module hooks: the worker registers them itself
  // before it loads the TypeScript module (URLs resolved here, where tsx is known).
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./storage-worker.ts', import.meta.url).href)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { dataDir, user } });
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
    else p.reject(new Error(answer.message));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`storage worker exited (${code})`)));

  const call = (op: WorkerRequest['op'], args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, args });
    });
  // The worker answers id 0 once the store is open (or could not be: another process,
  // typically the server, holds the folder's LevelDB locks).
  try {
    await new Promise<unknown>((resolve, reject) => pending.set(0, { resolve, reject }));
  } catch (error) {
    await worker.terminate();
    throw new CannotRunError([format(migrationMessages.fatal.storageOpen, { path: dataDir, reason: (error as Error).message })]);
  }

  return {
    description: dataDir,
    putFiles: async (files) => {
      await call('putFiles', [files]);
    },
    importBatch: async (units) => (await call('importBatch', [units])) as ImportOutcome[],
    close: async () => {
      try {
        await call('close', []);
      } finally {
        worker.removeAllListeners('exit');
        await worker.terminate();
      }
    },
  };
}
