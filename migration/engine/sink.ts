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

/**
 * Batches in flight into a data folder (see migration/cli.ts): enough for the reader to
 * go on with the next files while one storage thread writes the persons, and few enough
 * that the batches held in memory stay cheap to collect (a run with 256 in flight spent
 * far more CPU in garbage collection). The storage threads write a few at a time; the
 * rest wait there as JSON text.
 */
export const dataInFlight = 32;

export class Sink {
  private batch: PendingUnit[] = [];
  private readonly inFlight = new Set<Promise<void>>();
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
    // Waits for any batch, not the oldest: batches for the other storage thread finish first.
    while (this.inFlight.size >= this.maxInFlight) await Promise.race(this.inFlight);
    this.throwIfFailed();
    // Caught here and rethrown on the next call: a rejection nobody awaits yet must not crash the process.
    const written: Promise<void> = this.write(batch)
      .catch((error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
      })
      .finally(() => this.inFlight.delete(written));
    this.inFlight.add(written);
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
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
    this.throwIfFailed();
  }
}
