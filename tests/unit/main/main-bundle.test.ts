// The bundles Electron actually loads (npm run build:main), built into a temporary app
// folder laid out like the installed app, then run: the preload as a sandboxed preload
// runs (only `electron` can be required), the main bundle with the recording Electron.
import { mkdtemp, mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMain, mainBuildIsStale } from '../../../main/build';
import type { ElectronPreload } from '../../../main/electron-api';
import type { KizunaDesktopApi } from '../../../main/preload-api';
import { createFakeElectron } from './support/fake-electron';

let dir: string;
let bundles: { main: string; preload: string };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kizuna-bundle-'));
  await mkdir(join(dir, 'app', 'renderer', 'dist'), { recursive: true });
  await writeFile(join(dir, 'app', 'renderer', 'dist', 'index.html'), '<!doctype html><div id="root">bundled</div>');
  bundles = await buildMain(join(dir, 'app', 'main', 'dist'));
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function requiredModules(code: string): string[] {
  return [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] as string))].sort();
}

/** Runs a CommonJS bundle the way Node would, with our own `require` and `process`. */
function runCommonJs(file: string, code: string, require: (id: string) => unknown, processShim: object): void {
  const module = { exports: {} };
  const run = new Function('require', 'module', 'exports', '__filename', '__dirname', 'process', code);
  run(require, module, module.exports, file, join(file, '..'), processShim);
}

describe('the preload bundle', () => {
  it('requires nothing but electron, as a sandboxed preload must', async () => {
    expect(requiredModules(await readFile(bundles.preload, 'utf8'))).toEqual(['electron']);
  });

  it('hands the page window.kizuna when run', async () => {
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const electron: ElectronPreload = {
      contextBridge: { exposeInMainWorld: (key, api) => void (exposed[key] = api) },
      ipcRenderer: { invoke: async (...args) => void invoked.push(args) },
    };
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`module not found: ${id} (sandboxed preload)`);
    };
    runCommonJs(bundles.preload, await readFile(bundles.preload, 'utf8'), sandboxRequire, { env: {} });
    const api = exposed.kizuna as KizunaDesktopApi;
    await api.setServerUrl('https://kizuna.hikarino.example.lg.jp');
    expect(invoked).toEqual([['kizuna:set-server-url', 'https://kizuna.hikarino.example.lg.jp']]);
  });
});

describe('the main bundle', () => {
  it('requires only electron and Node built-ins: the installed app has no node_modules', async () => {
    const modules = requiredModules(await readFile(bundles.main, 'utf8'));
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect(modules.filter((m) => m !== 'electron' && !builtins.has(m))).toEqual([]);
    expect(modules).toContain('electron');
  });

  it('opens the window on kizuna://app with the renderer next to it and the server URL from the launch', async () => {
    const fake = createFakeElectron({ userData: join(dir, 'userData'), documents: join(dir, 'Documents') });
    const nodeRequire = createRequire(import.meta.url);
    const require = (id: string) => (id === 'electron' ? fake.electron : nodeRequire(id));
    runCommonJs(bundles.main, await readFile(bundles.main, 'utf8'), require, {
      ...process,
      argv: ['/opt/kizuna/kizuna', bundles.main, '--server-url=http://localhost:8080/'],
      env: {},
    });
    fake.ready();
    await expect.poll(() => fake.windows.length, { timeout: 30_000 }).toBe(1);
    const window = fake.windows[0]!;
    expect(window.options.webPreferences.preload).toBe(join(dir, 'app', 'main', 'dist', 'preload.cjs'));
    expect(window.loaded).toEqual(['kizuna://app/']);
    const page = await fake.protocolHandlers.get('kizuna')!(new Request('kizuna://app/'));
    expect(await page.text()).toContain('bundled');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self' http://localhost:8080 ws://localhost:8080");
  });
});

describe('npm start rebuilding the shell', () => {
  it('rebuilds when a bundle is missing or a source is newer, not otherwise', async () => {
    const sources = join(dir, 'sources');
    const out = join(dir, 'out');
    await mkdir(sources, { recursive: true });
    await mkdir(out, { recursive: true });
    await writeFile(join(sources, 'app.ts'), '');
    expect(mainBuildIsStale(out, [sources])).toBe(true);
    await writeFile(join(out, 'main.cjs'), '');
    await writeFile(join(out, 'preload.cjs'), '');
    const older = new Date('2025-04-01T09:00:00Z');
    const newer = new Date('2025-04-01T10:00:00Z');
    await utimes(join(sources, 'app.ts'), older, older);
    await utimes(join(out, 'main.cjs'), newer, newer);
    await utimes(join(out, 'preload.cjs'), newer, newer);
    expect(mainBuildIsStale(out, [sources])).toBe(false);
    await utimes(join(sources, 'app.ts'), new Date('2025-04-01T11:00:00Z'), new Date('2025-04-01T11:00:00Z'));
    expect(mainBuildIsStale(out, [sources])).toBe(true);
  });
});
