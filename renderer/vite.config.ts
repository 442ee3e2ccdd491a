import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { browserGuardPlugin } from './build/browser-guard-plugin.ts';
import { serviceWorkerPlugin } from './build/service-worker-plugin.ts';

// The client build (Electron renderer and PWA alike): relative paths, so the same files
// work from kizuna://app/ and from the server's origin; nothing from a CDN (fonts are
// the system's); no eval and no RxDB dev-mode (enforced by browserGuardPlugin).
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  publicDir: 'public',
  plugins: [browserGuardPlugin(), serviceWorkerPlugin({ entry: fileURLToPath(new URL('./pwa/sw.ts', import.meta.url)) })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-router marks its modules "use client" for React Server Components, which
        // this client does not use: the directive means nothing here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
