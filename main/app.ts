// Wires the desktop shell together around an injected Electron API: the real entry
// (main.ts) passes `require('electron')`, the unit tests a recording fake.
import { APP_SCHEME, APP_START_URL } from './app-origin';
import { createDeviceConfigStore } from './config/device-config';
import { loadServerUrlSetting } from './config/server-url-setting';
import type { BrowserWindow, ElectronMain } from './electron-api';
import { registerIpcHandlers } from './ipc/handlers';
import { menuTemplate } from './menu';
import { type PrintDependencies, printViewToPdf, savePdfBytes } from './print/print-to-pdf';
import { appSchemePrivileges, createAppRequestHandler } from './protocol/app-protocol';
import { contentSecurityPolicyFor } from './security/csp';
import { guardSession } from './security/session-guard';
import { guardWebContents } from './security/web-contents-guard';
import { createWindowOptions } from './security/window-options';

export interface DesktopAppOptions {
  /** The built renderer (renderer/dist). */
  rendererDir: string;
  /** The bundled preload script (main/dist/preload.cjs). */
  preloadPath: string;
  /** A server URL given at launch, used for this run instead of the stored one. */
  launchServerUrl: string | null;
}

/**
 * Starts the shell and resolves with its window. Must be called as the process starts:
 * the scheme registration and the app-wide hooks run synchronously, before Electron
 * is ready, as Electron requires.
 */
export async function startDesktopApp(electron: ElectronMain, options: DesktopAppOptions): Promise<BrowserWindow> {
  const { app } = electron;
  electron.protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  app.enableSandbox();
  // Every page Electron ever creates, not only our window, is confined to the app.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  const store = createDeviceConfigStore(app.getPath('userData'));
  const serverUrl = await loadServerUrlSetting(store, options.launchServerUrl);
  const contentSecurityPolicy = (url?: string) => contentSecurityPolicyFor(serverUrl.current(), url);
  guardSession(electron.session.defaultSession, contentSecurityPolicy);
  electron.protocol.handle(APP_SCHEME, createAppRequestHandler({ rendererDir: options.rendererDir, contentSecurityPolicy }));
  const printDeps: PrintDependencies = {
    dialog: electron.dialog,
    windowOf: (c) => electron.BrowserWindow.fromWebContents(c),
    defaultDir: () => app.getPath('documents'),
  };
  registerIpcHandlers(electron.ipcMain, {
    serverUrl,
    settingsFile: store.file,
    printToPdf: (contents, request) => printViewToPdf(contents, request, printDeps),
    savePdf: (contents, request) => savePdfBytes(contents, request, printDeps),
    // After the reply has gone out: the page's CSP is fixed when it loads.
    reloadSoon: (contents) => setTimeout(() => contents.reload(), 0),
  });

  const devTools = !app.isPackaged;
  electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(menuTemplate({ devTools })));
  const window = new electron.BrowserWindow(createWindowOptions(options.preloadPath, { devTools }));
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_START_URL).catch((error: unknown) => console.error(`Could not load ${APP_START_URL}: ${String(error)}`));
  return window;
}
