// Opens the desktop window for `npm start` (main/launcher.ts). Electron's binary is an
// optional download; where npm could not fetch it, this says so in a sentence the
// launcher prints, and the system stays usable in a browser.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildMain, mainBuildIsStale, mainDistDir } from './build';
import { checkServerUrl } from './config/server-url';
import { desktopMessages, format } from '../shared/messages/ja';

const m = desktopMessages.launch;

export interface LaunchDesktopOptions {
  serverUrl: string;
  /** Called when the Electron process ends, with its exit code. */
  onExit?: (code: number | null) => void;
}

export interface LaunchDesktopResult {
  started: boolean;
  /** Why no window opened: a plain sentence for the launcher's console (desktopMessages.launch). */
  reason?: string;
}

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export interface LaunchDependencies {
  locateElectron(): ElectronBinary;
  /** Builds main/dist when it is missing or older than its sources; returns the main bundle. */
  ensureBuilt(): Promise<string>;
}

const defaultDependencies: LaunchDependencies = {
  locateElectron: () => locateElectronBinary(createRequire(import.meta.url)),
  async ensureBuilt() {
    if (mainBuildIsStale()) await buildMain();
    return join(mainDistDir, 'main.cjs');
  },
};

export async function launchDesktop(options: LaunchDesktopOptions, deps: LaunchDependencies = defaultDependencies): Promise<LaunchDesktopResult> {
  const check = checkServerUrl(options.serverUrl);
  if (!check.ok) return { started: false, reason: format(m.badServerUrl, { url: options.serverUrl, reason: check.message }) };
  const binary = deps.locateElectron();
  if (!binary.found) return { started: false, reason: binary.reason };
  let mainBundle: string;
  try {
    mainBundle = await deps.ensureBuilt();
  } catch (error) {
    return { started: false, reason: format(m.mainBuildFailed, { error: String(error) }) };
  }
  const env: NodeJS.ProcessEnv = { ...process.env, KIZUNA_SERVER_URL: check.url };
  // Set in some shells and CI images; it would make the binary run as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary.path, [mainBundle, `--server-url=${check.url}`], { env, stdio: 'inherit' });
  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ started: false, reason: format(m.electronFailed, { path: binary.path, error: error.message }) }));
    child.once('spawn', () => {
      child.once('exit', (code) => options.onExit?.(code));
      resolve({ started: true });
    });
  });
}

/** Where the `electron` package says its binary is, when both the package and the binary exist. */
export function locateElectronBinary(require: NodeJS.Require): ElectronBinary {
  const missing = m.electronMissing;
  try {
    require.resolve('electron');
  } catch {
    return { found: false, reason: missing };
  }
  let path: unknown;
  try {
    // The package's main export is the path of the binary it downloaded; it throws when
    // the download never completed.
    path = require('electron');
  } catch {
    return { found: false, reason: missing };
  }
  if (typeof path !== 'string' || !existsSync(path)) return { found: false, reason: missing };
  return { found: true, path };
}
