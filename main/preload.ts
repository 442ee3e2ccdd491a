// The sandboxed preload, bundled to main/dist/preload.cjs: it runs before the page in an
// isolated world and hands the page `window.kizuna`, nothing more.
import type { ElectronPreload } from './electron-api';
import { exposeDesktopApi } from './preload/bridge';
import { loadElectron } from './runtime/load-electron';

const { contextBridge, ipcRenderer } = loadElectron<ElectronPreload>();
exposeDesktopApi(contextBridge, ipcRenderer);
