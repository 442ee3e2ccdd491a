// launchDesktop as `npm start` calls it. On this machine the Electron binary really is
// absent, which is the first case; a stand-in executable plays the binary for the rest.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchDesktop, locateElectronBinary, type LaunchDependencies } from '../../../main/desktop';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kizuna-launch-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function electronPackagePresent(): boolean {
  try {
    createRequire(import.meta.url).resolve('electron');
    return true;
  } catch {
    return false;
  }
}

/** An executable that records how it was started, standing in for Electron's binary. */
async function standInBinary(record: string): Promise<string> {
  const file = join(dir, 'electron');
  await writeFile(file, `#!/bin/sh\n{ printf '%s\\n' "$@"; echo "env=$KIZUNA_SERVER_URL"; echo "run-as-node=$ELECTRON_RUN_AS_NODE"; } > '${record}'\n`);
  await chmod(file, 0o755);
  return file;
}

describe('launchDesktop', () => {
  it.skipIf(electronPackagePresent())('says in a plain sentence that the Electron binary is missing, where it is', async () => {
    const result = await launchDesktop({ serverUrl: 'http://localhost:8080' });
    expect(result.started).toBe(false);
    expect(result.reason).toMatch(/^Electron の実行ファイルがありません（.*npm がダウンロードできませんでした）$/);
  });

  it('finds a binary only when the package resolves and the path it names exists', async () => {
    const binary = await standInBinary(join(dir, 'unused'));
    const fakeRequire = (answer: unknown) => Object.assign((() => answer) as unknown as NodeJS.Require, { resolve: () => '/x/node_modules/electron/index.js' });
    expect(locateElectronBinary(fakeRequire(binary))).toEqual({ found: true, path: binary });
    expect(locateElectronBinary(fakeRequire(join(dir, 'dist', 'electron'))).found).toBe(false);
    const failedDownload = Object.assign(
      (() => {
        throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');
      }) as unknown as NodeJS.Require,
      { resolve: () => '/x/node_modules/electron/index.js' },
    );
    expect(locateElectronBinary(failedDownload).found).toBe(false);
  });

  it('starts the binary on the main bundle with the server URL, without ELECTRON_RUN_AS_NODE', async () => {
    const record = join(dir, 'started.txt');
    const binary = await standInBinary(record);
    const deps: LaunchDependencies = { locateElectron: () => ({ found: true, path: binary }), ensureBuilt: async () => '/work/kizuna/main/dist/main.cjs' };
    let onExit: (code: number | null) => void = () => undefined;
    const exited = new Promise<number | null>((resolve) => (onExit = resolve));
    process.env.ELECTRON_RUN_AS_NODE = '1';
    try {
      expect(await launchDesktop({ serverUrl: 'http://localhost:8080/', onExit }, deps)).toEqual({ started: true });
    } finally {
      delete process.env.ELECTRON_RUN_AS_NODE;
    }
    expect(await exited).toBe(0);
    expect((await readFile(record, 'utf8')).split('\n')).toEqual([
      '/work/kizuna/main/dist/main.cjs',
      '--server-url=http://localhost:8080',
      'env=http://localhost:8080',
      'run-as-node=',
      '',
    ]);
  });

  it('does not start with a server URL the shell could not use, or when the build fails', async () => {
    const deps: LaunchDependencies = { locateElectron: () => ({ found: true, path: '/bin/false' }), ensureBuilt: async () => '/x/main.cjs' };
    const badUrl = await launchDesktop({ serverUrl: 'localhost:8080' }, deps);
    expect(badUrl.started).toBe(false);
    expect(badUrl.reason).toContain('localhost:8080');

    const broken = await launchDesktop(
      { serverUrl: 'http://localhost:8080' },
      { ...deps, ensureBuilt: () => Promise.reject(new Error('main/app.ts:3:1: ERROR: Expected ";"')) },
    );
    expect(broken).toEqual({ started: false, reason: expect.stringContaining('npm run build:main') });
    expect(broken.reason).toContain('Expected ";"');
  });

  it('reports a binary that cannot be executed', async () => {
    const notExecutable = join(dir, 'not-executable');
    await writeFile(notExecutable, 'not a program');
    const result = await launchDesktop(
      { serverUrl: 'http://localhost:8080' },
      { locateElectron: () => ({ found: true, path: notExecutable }), ensureBuilt: async () => '/x/main.cjs' },
    );
    expect(result.started).toBe(false);
    expect(result.reason).toContain(notExecutable);
  });
});
