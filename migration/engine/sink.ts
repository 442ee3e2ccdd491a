// Hands units to the target in batches, several in flight: while the store writes a batch
// (its I/O runs off the main thread), the next is being read and mapped.
import type { FilePayload } from '../../server/files/store';
import type { ImportOutcome, ImportUnit } from '../../server/migration/store';
import type { PendingUnit } from './state';

export interface MigrationTarget {
  /** For messages: the data folder or the server URL. */
  readonly description: string;
  /** Stores file bytes (before the documents naming them). */
  putFiles(files: ReadonlyArray<{ centerId: string; payload: FilePayload }>): Promise<void>;
  importBatch(units: readonly ImportUnit[]): Promise<ImportOutcome[]>;
  close(): Promise<void>;
}

/** Batches in flight into a data folder (see migration/cli.ts). */
export const dataInFlight = 32;

export class Sink {
  private batch: PendingUnit[] = [];
  private readonly inFlight: Array<Promise<void>> = [];
  private failure: Error | undefined;

  constructor(
    private readonly target: MigrationTarget | undefined,
    private readonly batchSize: number,
    private readonly onOutcomes: (batch: readonly PendingUnit[], outcomes: readonly ImportOutcome[] | undefined) => void,
    private readonly maxInFlight = 2,
  ) {}

  async add(pending: PendingUnit): Promise<void> {
    this.batch.push(pending);
    if (this.batch.length >= this.batchSize) await this.dispatch();
  }

  private async dispatch(): Promise<void> {
    this.throwIfFailed();
    const batch = this.batch;
    this.batch = [];
    if (batch.length === 0) return;
    while (this.inFlight.length >= this.maxInFlight) await this.inFlight.shift();
    this.throwIfFailed();
    // Caught here and rethrown on the next call: a rejection nobody awaits yet must not crash the process.
    this.inFlight.push(
      this.write(batch).catch((error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
      }),
    );
  }

  private async write(batch: PendingUnit[]): Promise<void> {
    if (!this.target) {
      this.onOutcomes(batch, undefined);
      return;
    }
    const files = batch.flatMap((p) => p.files.map((payload) => ({ centerId: String(p.unit.doc.centerId), payload })));
    if (files.length > 0) await this.target.putFiles(files);
    const outcomes = await this.target.importBatch(batch.map((p) => p.unit));
    this.onOutcomes(batch, outcomes);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /** Writes what is left and waits for every batch. */
  async drain(): Promise<void> {
    await this.dispatch();
    while (this.inFlight.length > 0) await this.inFlight.shift();
    this.throwIfFailed();
  }
}
