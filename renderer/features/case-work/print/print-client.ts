import { caseWorkMessages, format } from '../../../../shared/index';
import type { PrintedForm } from '../../print/index';
import type { PrintJob, PrintResponse } from './protocol';

// One print worker for the app session: it keeps the font it fetched, so only the first
// print of a session pays for loading 5 MB. A worker that dies (or that the CSP refused)
// fails every print it held, and the next print starts a new one.

export class PrintFailure extends Error {
  override name = 'PrintFailure';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (printed: PrintedForm) => void; reject: (error: Error) => void }>();

function failAll(message: string): void {
  worker?.terminate();
  worker = undefined;
  for (const [id, job] of waiting) {
    waiting.delete(id);
    job.reject(new PrintFailure(format(caseWorkMessages.print.workerFailed, { reason: message })));
  }
}

function printWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./print.worker.ts', import.meta.url), { type: 'module', name: 'kizuna-print' });
  started.onmessage = (event: MessageEvent<PrintResponse>) => {
    const answer = event.data;
    const job = waiting.get(answer.id);
    if (!job) return;
    waiting.delete(answer.id);
    if (answer.ok) job.resolve(answer.printed);
    else job.reject(new PrintFailure(answer.message, answer.field));
  };
  started.onerror = (event) => {
    event.preventDefault();
    failAll(event.message || 'worker error');
  };
  started.onmessageerror = () => failAll('message error');
  worker = started;
  return started;
}

/** The PDF of a form, made in the print worker. Rejects with a PrintFailure whose message is Japanese. */
export function printInWorker(job: PrintJob): Promise<PrintedForm> {
  const id = nextId++;
  return new Promise<PrintedForm>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    printWorker().postMessage({ ...job, id });
  });
}
