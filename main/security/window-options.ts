// The one place the window's web preferences are decided. Each is written out even where
// it equals Electron's default, so a change of default never loosens the shell silently.
import { desktopMessages } from '../../shared/messages/ja';
import type { BrowserWindowOptions } from '../electron-api';

export function createWindowOptions(preloadPath: string, options: { devTools: boolean }): BrowserWindowOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: desktopMessages.windowTitle,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.devTools,
    },
  };
}
