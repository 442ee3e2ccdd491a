// The storage side of `--data`, run in a worker thread: PouchDB's work (revisions,
// LevelDB batches, reads back, the audit chain) then runs on the second core while the
// main thread reads and maps the next rows.
import { parentPort, workerData } from 'node:worker_threads';
import type { MigrationTarget } from '../engine/sink';
import { storageTarget } from './storage-target';

export type WorkerRequest =
  | { id: number; op: 'putFiles'; args: Parameters<MigrationTarget['putFiles']> }
  | { id: number; op: 'importBatch'; args: Parameters<MigrationTarget['importBatch']> }
  | { id: number; op: 'close'; args: [] };

export type WorkerAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('storage-worker.ts runs as a worker thread');
const { dataDir, user } = workerData as { dataDir: string; user: string };

let target: MigrationTarget | undefined;
let opening: string | undefined;
try {
  target = await storageTarget(dataDir, user);
} catch (error) {
  opening = (error as Error).message;
}
port.postMessage({ id: 0, ...(target ? { ok: true, value: null } : { ok: false, message: opening ?? '' }) } satisfies WorkerAnswer);

port.on('message', (request: WorkerRequest) => {
  const run = async (): Promise<unknown> => {
    if (!target) throw new Error(opening ?? 'storage not open');
    switch (request.op) {
      case 'putFiles':
        return target.putFiles(...request.args);
      case 'importBatch':
        return target.importBatch(...request.args);
      case 'close':
        await target.close();
        return null;
    }
  };
  run().then(
    (value) => port.postMessage({ id: request.id, ok: true, value } satisfies WorkerAnswer),
    (error: unknown) => port.postMessage({ id: request.id, ok: false, message: (error as Error).message } satisfies WorkerAnswer),
  );
});
