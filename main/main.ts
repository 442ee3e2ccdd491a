// The Electron main process entry, bundled to main/dist/main.cjs (npm run build:main).
// Paths are taken from this bundle's own folder, which is main/dist both in a checkout
// and inside the installed app's asar archive, next to renderer/dist.
import { join } from 'node:path';
import { startDesktopApp } from './app';
import { launchServerUrl } from './config/server-url-setting';
import type { ElectronMain } from './electron-api';
import { loadElectron } from './runtime/load-electron';

const electron = loadElectron<ElectronMain>();
startDesktopApp(electron, {
  rendererDir: join(__dirname, '..', '..', 'renderer', 'dist'),
  preloadPath: join(__dirname, 'preload.cjs'),
  launchServerUrl: launchServerUrl(process.argv, process.env),
}).catch((error: unknown) => {
  console.error('The desktop app could not start:', error);
  electron.app.quit();
});
