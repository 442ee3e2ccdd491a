// `npm start`: the whole system on one machine for a demo or a first look. Builds the
// client when its sources changed, starts the central server with demo data, and opens
// the desktop window when the Electron binary is installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestSourceMtime } from './build';
import { desktopMessages, format } from '../shared/messages/ja';

const m = desktopMessages.launch;

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);

function option(name: string, fallback: string): string {
  const at = args.indexOf(`--${name}`);
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  return at >= 0 && args[at + 1] ? (args[at + 1] as string) : fallback;
}

function buildClientIfStale(): void {
  const built = join(root, 'renderer', 'dist', 'index.html');
  const sources = Math.max(newestSourceMtime(join(root, 'renderer')), newestSourceMtime(join(root, 'shared')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log(m.buildingClient);
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(m.clientBuildFailed);
    process.exit(result.status ?? 1);
  }
}

async function waitForServer(url: string, child: ReturnType<typeof spawn>): Promise<boolean> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) return false;
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return false;
}

async function main(): Promise<void> {
  buildClientIfStale();
  const port = option('port', '8080');
  const data = option('data', join(root, 'data'));
  const serverArgs = ['--import', 'tsx', join(root, 'server', 'cli.ts'), '--demo', '--port', port, '--data', data];
  const server = spawn(process.execPath, serverArgs, { cwd: root, stdio: 'inherit' });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));

  const url = `http://localhost:${port}`;
  if (!(await waitForServer(url, server))) return;
  const { launchDesktop } = await import('./desktop');
  const desktop = await launchDesktop({ serverUrl: url });
  if (desktop.started) console.log(m.opened);
  else console.log(format(m.noWindow, { reason: desktop.reason ?? m.electronMissing, url }));
}

void main();
