// How fast a legacy export is imported into the embedded store, against a bare parse of
// the same files (decode + CSV parse, nothing else) in the same process, for the city's
// export (16,000 persons, ~250,000 rows) and a stress export ten times that.
// Prints figures and ratios and, last, `RESULT migrate_ratio=<r> migrate_rows_per_s=<n>`
// for the largest export. Targets (DESIGN.md): the stress export under 5 minutes on two
// cores, within 3× the bare parse.
// Usage: npm run bench:migrate [-- --persons 16000,160000] [--keep]
// Exports are generated once into the system temp folder and reused by later runs.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { generateLegacyExport } from '../migration/fixtures/generate';
import type { Manifest } from '../migration/fixtures/manifest';
import { loadMappings } from '../migration/mapping/load';
import { prepareExport, runMigration } from '../migration/engine/run';
import { decodeExportFile } from '../migration/read/encoding';
import { silentProgress } from '../migration/progress';
import { workerStorageTarget } from '../migration/target/worker-target';

const flag = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const sizes = (flag('persons') ?? '16000,160000').split(',').map(Number);
const keep = process.argv.includes('--keep');
const SEED = 20261001;

async function exportOf(persons: number): Promise<{ dir: string; manifest: Manifest; generatedMs: number }> {
  const dir = join(tmpdir(), `kizuna-bench-migrate-${persons}-${SEED}`);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) return { dir, manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest, generatedMs: 0 };
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const manifest = await generateLegacyExport({ persons, seed: SEED, outDir: dir });
  return { dir, manifest, generatedMs: performance.now() - started };
}

/** The baseline: read, decode and CSV-parse every file, nothing else. */
function bareParse(dir: string): { ms: number; rows: number } {
  const started = performance.now();
  let rows = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.csv'))) {
    const { text } = decodeExportFile(readFileSync(join(dir, name)));
    rows += Papa.parse<string[]>(text, { skipEmptyLines: false }).data.length;
  }
  return { ms: performance.now() - started, rows };
}

async function fullImport(dir: string): Promise<{ ms: number; cpuMs: number; rows: number; documents: number; reconciled: boolean | null }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kizuna-bench-data-'));
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    // What `npm run migrate -- <export> --data DIR` does, in this process.
    const target = await workerStorageTarget(dataDir, 'bench');
    let report;
    try {
      report = await runMigration({ prepared: prepareExport(dir, loadMappings()), target, mode: 'data', progress: silentProgress, user: 'bench', batchSize: 1000, inFlight: 4 });
    } finally {
      await target.close();
    }
    const used = process.cpuUsage(cpu);
    return {
      ms: performance.now() - started,
      cpuMs: (used.user + used.system) / 1000,
      rows: report.totals.read,
      documents: report.documents.reduce((n, d) => n + d.added + d.updated + d.unchanged, 0),
      reconciled: report.reconciled,
    };
  } finally {
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

let result = '';
for (const persons of sizes) {
  const { dir, manifest, generatedMs } = await exportOf(persons);
  const dataRows = manifest.files.reduce((n, f) => n + f.dataRows, 0);
  console.log(
    `export ${persons.toLocaleString('en')} persons: ${dataRows.toLocaleString('en')} rows, ${manifest.images.toLocaleString('en')} PDFs, ${manifest.attachments.toLocaleString('en')} attachments${generatedMs > 0 ? ` (generated in ${(generatedMs / 1000).toFixed(1)} s)` : ' (cached)'}`,
  );
  const parse = bareParse(dir);
  const full = await fullImport(dir);
  const parse2 = bareParse(dir);
  // The baseline is taken before and after the import and the faster kept, so that a
  // cold file cache or a busy neighbour does not flatter the ratio.
  const baselineMs = Math.min(parse.ms, parse2.ms);
  const ratio = full.ms / baselineMs;
  const rowsPerSecond = Math.round(full.rows / (full.ms / 1000));
  console.log(`  bare parse (decode + CSV): ${(baselineMs / 1000).toFixed(2)} s, ${Math.round(parse.rows / (baselineMs / 1000)).toLocaleString('en')} rows/s`);
  console.log(
    `  full import (map, check, write, audit, read back, reconcile): ${(full.ms / 1000).toFixed(1)} s wall, ${(full.cpuMs / 1000).toFixed(1)} s CPU, ${rowsPerSecond.toLocaleString('en')} rows/s, ${full.documents.toLocaleString('en')} documents, reconciled: ${String(full.reconciled)}`,
  );
  console.log(`  ratio full / bare: ${ratio.toFixed(1)}×   target: ≤ 3×${persons >= 160_000 ? `, under 300 s (${full.ms / 1000 < 300 ? 'met' : 'missed'})` : ''}`);
  result = `RESULT migrate_ratio=${ratio.toFixed(2)} migrate_rows_per_s=${rowsPerSecond}`;
}
console.log(result);
