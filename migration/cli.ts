// npm run migrate -- <export-folder> (--data DIR [--audit-key FILE] | --server URL --user ID)
//                    [--dry-run] [--report FILE.json] [--rejects FILE.csv] [--mappings DIR]
// Exit status: 0 when the import ran (rejected rows or not), 1 when it could not run or
// could not finish (the message says why; a re-run continues where it stopped), 2 for a
// wrong command line.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { format, migrationMessages } from '../shared/index';
import { MappingError, defaultMappingDir, loadMappings } from './mapping/load';
import { CannotRunError, prepareExport, runMigration } from './engine/run';
import { summaryText, type MigrationReport } from './engine/report';
import { dataInFlight, type MigrationTarget } from './engine/sink';
import { barProgress, plainProgress } from './progress';
import { workerStorageTarget } from './target/worker-target';
import { serverTarget } from './target/server-target';

const fatal = migrationMessages.fatal;
const usage = migrationMessages.usage.migrate;

class UsageError extends Error {}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

function positive(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(format(fatal.badNumber, { option, value }));
  return n;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string' },
        'audit-key': { type: 'string' },
        server: { type: 'string' },
        user: { type: 'string' },
        token: { type: 'string' },
        'dry-run': { type: 'boolean' },
        report: { type: 'string' },
        rejects: { type: 'string' },
        mappings: { type: 'string' },
        'batch-size': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    console.error(`${format(fatal.unknownOption, { reason: (error as Error).message })}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  let target: MigrationTarget | undefined;
  try {
    const [exportArg] = positionals;
    if (!exportArg || positionals.length > 1) throw new UsageError(fatal.exportRequired);
    const dryRun = values['dry-run'] === true;
    if (values.data && values.server) throw new UsageError(fatal.targetBoth);
    if (!dryRun && !values.data && !values.server) throw new UsageError(fatal.targetRequired);
    // Into the data folder: bigger batches, many in flight (sink.ts). The two storage
    // threads own different collections: while one writes the persons (about a seventh
    // of the run), the reader goes on to the checklists and consultations for the other
    // instead of waiting (four in flight left the second thread idle then). Through a
    // server: smaller requests.
    const batchSize = positive('--batch-size', values['batch-size'], values.server ? 500 : 1000);
    const inFlight = values.server ? 2 : dataInFlight;
    const startedAt = new Date();
    const reportPath = values.report ? resolve(values.report) : undefined;
    // By default beside the report, or else beside the export folder: never inside this checkout.
    const exportDir = resolve(exportArg);
    const rejectsPath = resolve(
      values.rejects ?? (reportPath ? reportPath.replace(/(\.json)?$/i, '-rejects.csv') : `${exportDir}-rejects-${timestamp(startedAt)}.csv`),
    );

    // The mappings, then the export's files and headers, are checked before anything is opened.
    const set = loadMappings(values.mappings ? resolve(values.mappings) : defaultMappingDir);
    const prepared = prepareExport(exportDir, set);
    const user = values.user ?? 'migration';
    if (!dryRun) {
      // A data folder whose audit log is sealed (server/audit/key.ts) takes the server's key.
      if (values.data) target = await workerStorageTarget(resolve(values.data), user, values['audit-key'] !== undefined ? resolve(values['audit-key']) : undefined);
      else if (values.server) target = await serverTarget(values.server, { user: values.user, token: values.token, password: process.env.KIZUNA_PASSWORD });
    }
    const progress = process.stderr.isTTY ? barProgress(process.stderr) : plainProgress((line) => console.log(line));
    const report: MigrationReport = await runMigration({
      prepared,
      ...(target ? { target } : {}),
      mode: dryRun ? 'dryRun' : values.data ? 'data' : 'server',
      progress,
      rejectsPath,
      user,
      batchSize,
      inFlight,
    });
    if (reportPath) writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    console.log(summaryText(report));
    if (reportPath) console.log(format(migrationMessages.summary.reportFile, { path: reportPath }));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${usage}`);
      return 2;
    }
    if (error instanceof MappingError) console.error(`${fatal.prefix}:\n${error.message}`);
    else if (error instanceof CannotRunError) console.error(error.message);
    else console.error(format(fatal.writeAborted, { reason: (error as Error).message }));
    return 1;
  } finally {
    await target?.close().catch(() => undefined);
  }
}

process.exitCode = await main(process.argv.slice(2));
