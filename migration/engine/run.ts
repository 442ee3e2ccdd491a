// One migration run: check the export against the mappings (before any row is read),
// read the files in dependency order, map and check every row, write through the target,
// read back and reconcile, and report.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import Papa from 'papaparse';
import { format, migrationMessages } from '../../shared/index';
import type { ImportOutcome } from '../../server/migration/store';
import { dependenciesOf, type MappingSet } from '../mapping/load';
import { csvChunks } from '../read/csv';
import { decodeExportFile } from '../read/encoding';
import { isDirectory, listExport, locateFile } from '../read/export-folder';
import type { Progress } from '../progress';
import { compileMapping, canonicalLabel, type CompiledMapping } from './compile';
import { executionOrder, type ExecutionStep } from './order';
import { Registry } from './registry';
import { RejectLog } from './rejects';
import { centersOf, DocumentTally, fileReport, totalsOf, type MigrationReport, type Mismatch } from './report';
import { RowMapper, type RunContext } from './rows';
import { Sink, type MigrationTarget } from './sink';
import { emptyCounts, type FileState, type PendingUnit } from './state';

export interface RunOptions {
  /** From prepareExport: checked before the target was opened. */
  prepared: PreparedExport;
  /** Where documents go; absent in a dry run. */
  target?: MigrationTarget;
  mode: MigrationReport['mode'];
  progress: Progress;
  /** The reject CSV; undefined writes none (tests that only need the report). */
  rejectsPath?: string;
  /** Recorded as createdBy/updatedBy. */
  user: string;
  batchSize?: number;
  /** Batches written at once (more keeps several storage threads busy). */
  inFlight?: number;
  now?: () => Date;
}

/** The run could not start (or not go on): nothing about it is the data's fault row by row. */
export class CannotRunError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`${migrationMessages.fatal.prefix}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CannotRunError';
  }
}

const fatal = migrationMessages.fatal;
const HEADER_PROBE = 64 * 1024;
const MAX_MISMATCHES = 1000;

/** The header row alone, decoded the way the whole file will be. */
function readHeader(path: string): string[] {
  const fd = openSync(path, 'r');
  try {
    const probe = new Uint8Array(HEADER_PROBE);
    const length = readSync(fd, probe, 0, HEADER_PROBE, 0);
    let bytes = probe.subarray(0, length);
    const lf = bytes.indexOf(0x0a);
    if (lf >= 0) bytes = bytes.subarray(0, lf + 1);
    const { text } = decodeExportFile(bytes);
    const parsed = Papa.parse<string[]>(text.replace(/\r?\n$/, ''), { skipEmptyLines: false });
    return parsed.data[0] ?? [];
  } finally {
    closeSync(fd);
  }
}

/** The export bound to its mappings, ready to read: what the run checks before it opens any target. */
export interface PreparedExport {
  exportDir: string;
  set: MappingSet;
  states: FileState[];
}

/** Binds every mapping to its file; reports everything that stops the run at once. */
export function prepareExport(exportDir: string, set: MappingSet): PreparedExport {
  return { exportDir, set, states: bind(exportDir, set) };
}

function bind(exportDir: string, set: MappingSet): FileState[] {
  if (!isDirectory(exportDir)) throw new CannotRunError([format(fatal.exportMissing, { path: exportDir })]);
  const listing = listExport(exportDir);
  const problems: string[] = [];
  const states: FileState[] = [];
  for (const loaded of executionOrder(set.mappings).map((step) => step.loaded)) {
    const { mapping } = loaded;
    const located = locateFile(listing, mapping.number, mapping.file);
    if (!located.ok) {
      if (located.reason === 'missing' && mapping.optional) continue;
      problems.push(
        located.reason === 'missing'
          ? format(fatal.fileMissing, { file: canonicalLabel(mapping), title: mapping.title })
          : format(fatal.fileAmbiguous, { file: canonicalLabel(mapping), candidates: located.candidates.join('、') }),
      );
      continue;
    }
    let header: string[];
    try {
      header = readHeader(located.path);
    } catch (error) {
      problems.push(format(fatal.fileUnreadable, { file: located.name, reason: (error as Error).message }));
      continue;
    }
    if (header.length === 0 || header.every((h) => h.trim() === '')) {
      problems.push(format(fatal.headerEmpty, { file: located.name }));
      continue;
    }
    const compiled = compileMapping(loaded, header, set, located.name);
    if (Array.isArray(compiled)) {
      problems.push(...compiled.map((p) => p.message));
      continue;
    }
    states.push({ compiled: compiled as CompiledMapping, name: located.name, path: located.path, counts: emptyCounts(), firstRowOfKey: new Map() });
  }
  if (problems.length > 0) throw new CannotRunError(problems);
  return states;
}

export async function runMigration(options: RunOptions): Promise<MigrationReport> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const { exportDir, set, states } = options.prepared;
  const byFile = new Map(states.map((s) => [s.compiled.mapping.file, s]));
  const steps = executionOrder(set.mappings).filter((step) => byFile.has(step.loaded.mapping.file));
  const tracked = new Set(set.mappings.flatMap((m) => dependenciesOf(m.mapping, set.mappings)));
  const rejects = new RejectLog(options.rejectsPath);
  const context: RunContext = {
    set,
    exportDir,
    registry: new Registry(tracked),
    holders: new Map(),
    stamp: { at: startedAt.toISOString(), by: options.user },
    reject: (state, row, key, problems) => rejects.add(state.compiled.label, row, key, problems),
  };
  const mappers = new Map(states.map((s) => [s.compiled.mapping.file, new RowMapper(context, s)]));
  const tally = new DocumentTally();
  const mismatches: Mismatch[] = [];

  const onOutcomes = (batch: readonly PendingUnit[], outcomes: readonly ImportOutcome[] | undefined) => {
    batch.forEach((pending, i) => {
      const outcome = outcomes?.[i];
      const centerId = pending.unit.collection === 'masters' ? 'masters' : String(pending.unit.doc.centerId);
      if (outcome) {
        tally.count(pending.unit.collection, centerId, outcome.status);
        if (outcome.movedFrom !== undefined && outcome.status !== 'failed') tally.count(pending.unit.collection, centerId, 'moved');
      }
      pending.rows.forEach((row, j) => {
        const counts = row.state.counts;
        if (outcome?.status === 'failed') {
          counts.rejected++;
          const message = format(migrationMessages.reject.writeFailed, { reason: outcome.error ?? '' });
          rejects.add(row.state.compiled.label, row.row, row.key, [{ column: '', value: '', kind: 'writeFailed', message }]);
          return;
        }
        counts.imported++;
        counts.byCenter[centerId] = (counts.byCenter[centerId] ?? 0) + 1;
        if (!outcome) return;
        const before = outcome.before[j] ?? null;
        if (before === null) counts.added++;
        else if (before === row.hash) counts.unchanged++;
        else counts.updated++;
        if (outcome.after[j] === row.hash && outcome.filesVerified) counts.verified++;
        else {
          counts.mismatched++;
          if (mismatches.length < MAX_MISMATCHES) mismatches.push({ file: row.state.compiled.label, row: row.row, id: outcome.id });
        }
      });
    });
  };

  const sink = new Sink(options.target, options.batchSize ?? 500, onOutcomes, options.inFlight ?? 2);
  const { progress } = options;

  /** Reads one file into the sink; `ready` once its rows (and any documents it completes) are registered. */
  const readStep = async (step: ExecutionStep, ready: () => void, stopped: () => Error | undefined): Promise<void> => {
    const state = byFile.get(step.loaded.mapping.file) as FileState;
    const mapper = mappers.get(step.loaded.mapping.file) as RowMapper;
    const label = state.compiled.label;
    const decoded = decodeExportFile(readFileSync(state.path));
    state.encoding = decoded.encoding;
    progress.startFile(label, decoded.text.length);
    for await (const chunk of csvChunks(decoded.text)) {
      const failure = stopped();
      if (failure) throw failure;
      for (const record of chunk.records) {
        if (record.row === 1) continue;
        const unit = mapper.map(record);
        if (unit) await sink.add(unit);
      }
      progress.advance(label, chunk.consumed, state.counts.read + state.counts.blank);
    }
    progress.endFile(label, state.counts);
    // Only this file's rows can repeat its keys: 2.5 million keys kept to the end of a
    // 160,000-person run made every full garbage collection after them slower.
    state.firstRowOfKey.clear();
    const completed = step.completes.map((owner) => ({ owner, units: mappers.get(owner)?.completeHeld() }));
    // Files that refer to these documents need only their registration, not their writing.
    ready();
    for (const { owner, units } of completed) {
      if (!units) continue;
      progress.note(format(migrationMessages.progress.flushing, { what: byFile.get(owner)?.compiled.label ?? owner, count: units.length }));
      for (const unit of units) await sink.add(unit);
    }
  };

  try {
    // One chain of files per lane of the target (a storage thread), read side by side on
    // this thread: while one lane's writer is busy (the persons, written once every file
    // embedding into them is read), the reader maps the files of the other. A file waits
    // for the files it depends on, whichever chain reads them; each chain keeps the
    // execution order, in which dependencies come first, so no two chains wait on each other.
    const present = new Set(steps.map((step) => step.loaded.mapping.file));
    const readiness = new Map(
      steps.map((step) => {
        let resolve!: () => void;
        let reject!: (error: Error) => void;
        const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
        promise.catch(() => undefined);
        return [step.loaded.mapping.file, { promise, resolve, reject }] as const;
      }),
    );
    let failure: Error | undefined;
    const chains = new Map<number, ExecutionStep[]>();
    for (const step of steps) {
      const lane = sink.laneOf(step.loaded.mapping.collection);
      chains.set(lane, [...(chains.get(lane) ?? []), step]);
    }
    // Settled, not raced: a chain still running must not write rejects after they are closed.
    const settled = await Promise.allSettled(
      [...chains.values()].map(async (chain) => {
        try {
          for (const step of chain) {
            await Promise.all(step.after.filter((file) => present.has(file)).map((file) => readiness.get(file)?.promise));
            await readStep(step, () => readiness.get(step.loaded.mapping.file)?.resolve(), () => failure);
          }
        } catch (error) {
          // The other chains stop at their next chunk or dependency.
          failure ??= error instanceof Error ? error : new Error(String(error));
          for (const entry of readiness.values()) entry.reject(failure);
          throw error;
        }
      }),
    );
    if (settled.some((result) => result.status === 'rejected')) throw failure;
    await sink.drain();
  } finally {
    rejects.close();
    progress.stop();
  }

  const files = states
    .slice()
    .sort((a, b) => a.compiled.mapping.number.localeCompare(b.compiled.mapping.number))
    .map(fileReport);
  const documents = tally.list();
  const finishedAt = now();
  const dryRun = options.target === undefined;
  return {
    export: exportDir,
    mode: options.mode,
    target: options.target?.description ?? null,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    seconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 100) / 10,
    files,
    documents,
    centers: centersOf(files, documents),
    totals: totalsOf(files),
    reconciled: dryRun ? null : files.every((f) => f.balanced && f.mismatched === 0 && f.verified === f.imported),
    rejectsFile: options.rejectsPath ?? null,
    rejectedRows: rejects.rows,
    rejectLines: rejects.lines,
    mismatches,
  };
}
