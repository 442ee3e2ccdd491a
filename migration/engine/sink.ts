// Hands units to the target in batches, several in flight: while the store writes a batch
// (its I/O runs off the main thread), the next is being read and mapped.
import type { CollectionName } from '../../shared/index';
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
  /**
   * Which of the target's writers (0 up to lanes - 1) takes a collection's documents,
   * when it has more than one. Each lane has batches and a limit of its own, so a
   * reader waiting on one busy writer does not hold up the others.
   */
  readonly lanes?: number;
  laneOf?(collection: CollectionName): number;
}

/**
 * Batches in flight into a data folder (see migration/cli.ts), per storage thread: few
 * enough that the batches held in memory stay cheap to collect (a run with 256 in flight
 * spent far more CPU in garbage collection). The storage threads write a few at a time;
 * the rest wait there as JSON text.
 */
export const dataInFlight = 16;

export class Sink {
  private readonly lanes: Array<{ batch: PendingUnit[]; inFlight: Set<Promise<void>> }>;
  private failure: Error | undefined;

  constructor(
    private readonly target: MigrationTarget | undefined,
    private readonly batchSize: number,
    private readonly onOutcomes: (batch: readonly PendingUnit[], outcomes: readonly ImportOutcome[] | undefined) => void,
    /** Per lane. */
    private readonly maxInFlight = 2,
  ) {
    this.lanes = Array.from({ length: Math.max(1, target?.lanes ?? 1) }, () => ({ batch: [], inFlight: new Set() }));
  }

  /** The lane a collection's documents go through (0 when the target has one writer). */
  laneOf(collection: CollectionName): number {
    const lane = this.target?.laneOf?.(collection) ?? 0;
    return lane >= 0 && lane < this.lanes.length ? lane : 0;
  }

  get laneCount(): number {
    return this.lanes.length;
  }

  async add(pending: PendingUnit): Promise<void> {
    const lane = this.laneOf(pending.unit.collection);
    const { batch } = this.lanes[lane] as Sink['lanes'][number];
    batch.push(pending);
    if (batch.length >= this.batchSize) await this.dispatch(lane);
  }

  private async dispatch(laneNumber: number): Promise<void> {
    this.throwIfFailed();
    const lane = this.lanes[laneNumber] as Sink['lanes'][number];
    const batch = lane.batch;
    lane.batch = [];
    if (batch.length === 0) return;
    // Waits for any batch of the lane, not the oldest.
    while (lane.inFlight.size >= this.maxInFlight) await Promise.race(lane.inFlight);
    this.throwIfFailed();
    // Caught here and rethrown on the next call: a rejection nobody awaits yet must not crash the process.
    const written: Promise<void> = this.write(batch)
      .catch((error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
      })
      .finally(() => lane.inFlight.delete(written));
    lane.inFlight.add(written);
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
    for (let lane = 0; lane < this.lanes.length; lane++) await this.dispatch(lane);
    for (const lane of this.lanes) while (lane.inFlight.size > 0) await Promise.race(lane.inFlight);
    this.throwIfFailed();
  }
}
