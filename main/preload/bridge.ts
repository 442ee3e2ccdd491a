// Builds `window.kizuna` from ipcRenderer. The page gets these functions only, never
// ipcRenderer itself, so it cannot reach a channel the main process did not open for it.
import type { ContextBridge, IpcRenderer } from '../electron-api';
import { ipcChannels } from '../ipc/channels';
import type { KizunaDesktopApi, PrintToPdfRequest, PrintToPdfResult, SavePdfRequest, SetServerUrlResult } from '../preload-api';

export const BRIDGE_KEY = 'kizuna';

export function createDesktopApi(ipcRenderer: IpcRenderer): KizunaDesktopApi {
  return Object.freeze({
    getServerUrl: () => ipcRenderer.invoke(ipcChannels.getServerUrl) as Promise<string | null>,
    setServerUrl: (url: string) => ipcRenderer.invoke(ipcChannels.setServerUrl, url) as Promise<SetServerUrlResult>,
    printToPdf: (request?: PrintToPdfRequest) =>
      (request === undefined ? ipcRenderer.invoke(ipcChannels.printToPdf) : ipcRenderer.invoke(ipcChannels.printToPdf, request)) as Promise<PrintToPdfResult>,
    savePdf: (request: SavePdfRequest) => ipcRenderer.invoke(ipcChannels.savePdf, request) as Promise<PrintToPdfResult>,
  });
}

export function exposeDesktopApi(contextBridge: ContextBridge, ipcRenderer: IpcRenderer): void {
  contextBridge.exposeInMainWorld(BRIDGE_KEY, createDesktopApi(ipcRenderer));
}
