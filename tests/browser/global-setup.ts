// Builds what the browser tests drive, once per run: the client exactly as it ships
// (`npm run build`'s config) and the store harness the tests open beside it.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { harnessDir } from './harness/paths';

export default async function setup(): Promise<void> {
  // vitest runs with NODE_ENV=test; the client under test is the production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildAll();
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

async function buildAll(): Promise<void> {
  await build({ configFile: fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url)), logLevel: 'error' });
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'error',
    build: {
      outDir: harnessDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: fileURLToPath(new URL('./harness/store-harness.ts', import.meta.url)), formats: ['es'], fileName: () => 'store-harness.js' },
    },
  });
}
