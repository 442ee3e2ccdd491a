import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { build, type Plugin } from 'vite';
import { drawIcon } from './icon.ts';

// Writes the PWA's icons and its service worker next to the built app. The worker is
// compiled from renderer/pwa/sw.ts in a second, self-contained build, with the list of
// every file the app build wrote (and a version derived from their contents) baked in,
// so a new release replaces the cached app in one step and an unchanged one does not.

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function serviceWorkerPlugin(options: { entry: string }): Plugin {
  let outDir = '';
  return {
    name: 'kizuna-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'icons/icon-192.png', source: drawIcon(192) });
      this.emitFile({ type: 'asset', fileName: 'icons/icon-512.png', source: drawIcon(512) });
      this.emitFile({ type: 'asset', fileName: 'icons/icon-maskable-512.png', source: drawIcon(512, true) });
    },
    async closeBundle() {
      const files = filesUnder(outDir)
        .map((path) => relative(outDir, path).split(sep).join('/'))
        .filter((path) => path !== 'sw.js' && !path.endsWith('.map'))
        .sort();
      const hash = createHash('sha256');
      for (const file of files) hash.update(file).update(new Uint8Array(await readFile(join(outDir, file))));
      await build({
        configFile: false,
        publicDir: false,
        logLevel: 'warn',
        define: {
          __PRECACHE__: JSON.stringify(files),
          __CACHE_VERSION__: JSON.stringify(hash.digest('hex').slice(0, 16)),
        },
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          minify: true,
          lib: { entry: options.entry, formats: ['iife'], name: 'kizunaServiceWorker', fileName: () => 'sw.js' },
        },
      });
    },
  };
}
