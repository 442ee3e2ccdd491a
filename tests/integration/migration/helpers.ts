// Running `npm run migrate` as IT does (a child process, its exit status and output),
// reading the reject CSV and the stored documents back for assertions.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { MigrationReport } from '../../../migration/engine/report';
import { createStorage } from '../../../server/storage/index';
import type { StoredDocument } from '../../../server/storage/port';

const root = join(import.meta.dirname, '..', '..', '..');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs migration/cli.ts; `onLine` sees each stdout line and may kill the child. */
export function runCli(args: readonly string[], options: { env?: Record<string, string>; onLine?: (line: string, child: ChildProcess) => void } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'migration', 'cli.ts'), ...args], {
      cwd: root,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onLine?.(line, child);
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export const readReport = (path: string): MigrationReport => JSON.parse(readFileSync(path, 'utf8')) as MigrationReport;

export interface RejectLine {
  file: string;
  row: number;
  column: string;
  value: string;
  reason: string;
  key: string;
}

export function readRejects(path: string): { bom: boolean; header: string[]; lines: RejectLine[] } {
  const text = readFileSync(path, 'utf8');
  const [header = [], ...rows] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  return {
    bom: text.startsWith('\uFEFF'),
    header,
    lines: rows.map(([file = '', row = '', column = '', value = '', reason = '', key = '']) => ({ file, row: Number(row), column, value, reason, key })),
  };
}

/** Every stored document of every database but the audit log's, without revisions and stamps. */
export async function storedState(dataDir: string): Promise<Map<string, Map<string, Record<string, unknown>>>> {
  const engine = await createStorage({ kind: 'embedded', dataDir });
  try {
    const state = new Map<string, Map<string, Record<string, unknown>>>();
    for (const name of await engine.list()) {
      if (name.startsWith('audit') || name === 'server_meta') continue;
      const docs = new Map<string, Record<string, unknown>>();
      for (const row of await (await engine.open(name)).allDocs({ includeDocs: true })) {
        const { _rev: _r, createdAt: _c, updatedAt: _u, ...content } = row.doc as StoredDocument;
        docs.set(row.id, content);
      }
      state.set(name, docs);
    }
    return state;
  } finally {
    await engine.close();
  }
}

export async function withStorage<T>(dataDir: string, use: (engine: Awaited<ReturnType<typeof createStorage>>) => Promise<T>): Promise<T> {
  const engine = await createStorage({ kind: 'embedded', dataDir });
  try {
    return await use(engine);
  } finally {
    await engine.close();
  }
}
