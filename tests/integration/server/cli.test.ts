// `npm run server` as IT and `npm start` use it: it prints where it listens and, in demo
// mode, the demo logins; the demo data goes into the per-center databases on the first
// start only; a bad setting stops it with a message naming the setting.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'kizuna-cli-'));

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number>;
}

function runCli(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { cwd: repository, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { child, output: () => output, exited };
}

/** Resolves with everything printed once the last demo login is listed (or the process ends). */
function startedOutput(run: Run): Promise<string> {
  return new Promise((resolve) => {
    const check = () => {
      if (/it-admin/.test(run.output())) resolve(run.output());
    };
    run.child.stdout?.on('data', check);
    void run.exited.then(() => resolve(run.output()));
  });
}

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function login(url: string, userId: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, password: 'kizuna-demo' }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

describe('npm run server', () => {
  it('prints the URL and the demo logins, and loads the demo data into each center once', async () => {
    const first = runCli(['--port', '0', '--host', '127.0.0.1', '--data', dataDir, '--demo']);
    const printed = await startedOutput(first);
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
    expect(url, printed).toBeDefined();
    expect(printed).toContain('デモデータを読み込みました（3000 人');
    expect(printed).toContain('パスワード kizuna-demo');
    for (const user of ['chuo-cm1', 'minami-cm1', 'city-staff1', 'auditor1', 'it-admin']) expect(printed).toContain(user);

    const token = await login(url!, 'chuo-cm1');
    const listed = await fetch(`${url}/api/persons?q=&limit=200`, { headers: { authorization: `Bearer ${token}` } });
    const items = ((await listed.json()) as { items: Array<{ id: string; centerId: string }> }).items;
    expect(items.length).toBeGreaterThan(100);
    expect(new Set(items.map((p) => p.centerId))).toEqual(new Set(['01']));
    const person = await fetch(`${url}/api/persons/${items[0]!.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(person.status).toBe(200);
    // The demo's scanned documents: records on the devices, one sample PDF on the server.
    const pulled = await fetch(`${url}/api/replication/documents/pull`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ checkpoint: null, batchSize: 1000 }),
    });
    const scans = ((await pulled.json()) as { documents: Array<{ id: string; centerId: string; documentType: string }> }).documents;
    expect(scans.length).toBeGreaterThan(10);
    expect(new Set(scans.map((d) => `${d.centerId} ${d.documentType}`))).toEqual(new Set(['01 physicianOpinion']));
    const file = await fetch(`${url}/api/documents/${scans[0]!.id}/file`, { headers: { authorization: `Bearer ${token}` } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = runCli(['--port', '0', '--host', '127.0.0.1', '--data', dataDir, '--demo']);
    const again = await startedOutput(second);
    expect(again).toContain('既存のデータを使います');
    expect(again).not.toContain('デモデータを読み込みました');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('stops with exit code 2 and a message naming a bad setting', async () => {
    const run = runCli(['--port', '99999', '--data', dataDir]);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('設定「port」の値 99999');
  });
});
