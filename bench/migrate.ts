// How fast a legacy export is imported into the embedded store, against a bare parse of
// the same files (decode + CSV parse, nothing else) in the same process, for the city's
// export (16,000 persons, ~250,000 rows) and a stress export ten times that.
// Prints figures and ratios and, last, `RESULT migrate_ratio=<r> migrate_rows_per_s=<n>`
// for the largest export. Targets (DESIGN.md): the stress export under 5 minutes on two
// cores, within 3× the bare parse. A second baseline, PouchDB's bulkDocs alone of the
// same documents, shows the floor any store with CouchDB's revisions and sequences pays.
// Usage: npm run bench:migrate [-- --persons 16000,160000] [--keep]
// Exports are generated once into the system temp folder and reused by later runs.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import PouchDB from 'pouchdb-node';
import { generateLegacyExport } from '../migration/fixtures/generate';
import type { Manifest } from '../migration/fixtures/manifest';
import { loadMappings } from '../migration/mapping/load';
import { prepareExport, runMigration } from '../migration/engine/run';
import { decodeExportFile } from '../migration/read/encoding';
import { dataInFlight } from '../migration/engine/sink';
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

/**
 * The storage floor: the documents the import stored, written again with nothing but
 * PouchDB's bulkDocs (batches of 1,000, into fresh databases) on this thread. Revisions,
 * sequences and LevelDB cost this much for any import that keeps CouchDB's semantics;
 * the import adds mapping, checks, the read-back and the audit on top (on two storage
 * threads). Only the writes are timed, not reading the documents out.
 */
async function barePouchWrite(dataDir: string): Promise<{ ms: number; cpuMs: number; documents: number }> {
  const copyDir = mkdtempSync(join(tmpdir(), 'kizuna-bench-pouch-'));
  let ms = 0;
  let cpuMs = 0;
  let documents = 0;
  try {
    for (const name of readdirSync(join(dataDir, 'db'))) {
      if (name.startsWith('audit') || name === 'server_meta') continue;
      const source = new PouchDB(join(dataDir, 'db', name));
      const target = new PouchDB(join(copyDir, name));
      let startkey: string | undefined;
      for (;;) {
        const page = await source.allDocs({ include_docs: true, limit: 1000, ...(startkey !== undefined ? { startkey, skip: 1 } : {}) });
        if (page.rows.length === 0) break;
        const docs = page.rows.filter((row) => !row.id.startsWith('_')).map((row) => {
          const { _rev: _ignored, ...doc } = row.doc as unknown as Record<string, unknown> & { _rev?: string };
          return doc;
        });
        const started = performance.now();
        const cpu = process.cpuUsage();
        await target.bulkDocs(docs);
        const used = process.cpuUsage(cpu);
        ms += performance.now() - started;
        cpuMs += (used.user + used.system) / 1000;
        documents += docs.length;
        startkey = page.rows[page.rows.length - 1]?.id;
      }
      await source.close();
      await target.close();
    }
  } finally {
    rmSync(copyDir, { recursive: true, force: true });
  }
  return { ms, cpuMs, documents };
}

async function fullImport(dir: string): Promise<{ ms: number; cpuMs: number; rows: number; documents: number; reconciled: boolean | null; pouch: Awaited<ReturnType<typeof barePouchWrite>> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kizuna-bench-data-'));
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    // What `npm run migrate -- <export> --data DIR` does, in this process.
    const target = await workerStorageTarget(dataDir, 'bench');
    let report;
    try {
      report = await runMigration({ prepared: prepareExport(dir, loadMappings()), target, mode: 'data', progress: silentProgress, user: 'bench', batchSize: 1000, inFlight: dataInFlight });
    } finally {
      await target.close();
    }
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const pouch = await barePouchWrite(dataDir);
    return {
      ms,
      cpuMs: (used.user + used.system) / 1000,
      rows: report.totals.read,
      documents: report.documents.reduce((n, d) => n + d.added + d.updated + d.unchanged, 0),
      reconciled: report.reconciled,
      pouch,
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
  console.log(
    `  bare PouchDB bulkDocs of the same ${full.pouch.documents.toLocaleString('en')} documents (one thread, writes only): ${(full.pouch.ms / 1000).toFixed(1)} s wall, ${(full.pouch.cpuMs / 1000).toFixed(1)} s CPU, ${((full.pouch.ms / baselineMs) || 0).toFixed(1)}× the bare parse`,
  );
  console.log(`  ratio full / bare: ${ratio.toFixed(1)}×   target: ≤ 3×${persons >= 160_000 ? `, under 300 s (${full.ms / 1000 < 300 ? 'met' : 'missed'})` : ''}`);
  console.log(`  ratio full / bare PouchDB writes: ${(full.ms / full.pouch.ms).toFixed(1)}×`);
  result = `RESULT migrate_ratio=${ratio.toFixed(2)} migrate_rows_per_s=${rowsPerSecond}`;
}
console.log(result);
