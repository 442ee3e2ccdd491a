// Bundles the main process and the preload to CommonJS for Electron (`npm run
// build:main`). Everything but `electron` itself is bundled in: the installed app
// carries no node_modules (electron-builder.yml packs main/dist and renderer/dist only),
// and a sandboxed preload could not load them anyway.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

export const mainSourceDir = resolve(fileURLToPath(new URL('.', import.meta.url)));
export const mainDistDir = join(mainSourceDir, 'dist');
const sharedSourceDir = resolve(mainSourceDir, '..', 'shared');

/** Electron 38 runs Node 22 in the main process and Chromium 140 in the preload. */
const common: BuildOptions = {
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  logLevel: 'warning',
  legalComments: 'none',
  sourcemap: 'linked',
};

export async function buildMain(outDir: string = mainDistDir): Promise<{ main: string; preload: string }> {
  const main = join(outDir, 'main.cjs');
  const preload = join(outDir, 'preload.cjs');
  await Promise.all([
    build({ ...common, entryPoints: [join(mainSourceDir, 'main.ts')], outfile: main, platform: 'node', target: 'node22' }),
    // The sandboxed preload has no Node: built for the browser so that any reach for a
    // Node built-in fails here, at build time, instead of as a blank window.
    build({ ...common, entryPoints: [join(mainSourceDir, 'preload.ts')], outfile: preload, platform: 'browser', target: 'chrome140' }),
  ]);
  return { main, preload };
}

/** True when a bundle is missing or older than any source it is built from. */
export function mainBuildIsStale(outDir: string = mainDistDir, sourceDirs: readonly string[] = [mainSourceDir, sharedSourceDir]): boolean {
  const built = ['main.cjs', 'preload.cjs'].map((name) => join(outDir, name));
  let oldestOutput = Infinity;
  for (const file of built) {
    try {
      oldestOutput = Math.min(oldestOutput, statSync(file).mtimeMs);
    } catch {
      return true;
    }
  }
  return sourceDirs.some((dir) => newestSourceMtime(dir) > oldestOutput);
}

/** The newest modification time of any source file under dir (dist and node_modules skipped). */
export function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildMain();
  console.log(`Built ${out.main} and ${out.preload}`);
}
