// The slice of Electron's API that the desktop shell uses, written out here because the
// `electron` package is an optional dependency whose binary (and types) may be absent:
// the shell's modules take these interfaces as parameters, the real entries pass the
// real module, and the unit tests pass recording fakes. Names and shapes follow
// Electron 38's own typings, narrowed to what we call.

export interface CustomScheme {
  scheme: string;
  privileges: {
    standard?: boolean;
    secure?: boolean;
    bypassCSP?: boolean;
    allowServiceWorkers?: boolean;
    supportFetchAPI?: boolean;
    corsEnabled?: boolean;
    stream?: boolean;
    codeCache?: boolean;
  };
}

export interface Protocol {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export interface HeadersReceivedDetails {
  url: string;
  resourceType: string;
  responseHeaders?: Record<string, string[]>;
}

export interface HeadersReceivedResponse {
  cancel?: boolean;
  responseHeaders?: Record<string, string[] | string>;
}

export interface WebRequest {
  onHeadersReceived(listener: (details: HeadersReceivedDetails, callback: (response: HeadersReceivedResponse) => void) => void): void;
}

export interface Session {
  webRequest: WebRequest;
  setPermissionRequestHandler(
    handler: ((webContents: WebContents, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null,
  ): void;
  setPermissionCheckHandler(
    handler: ((webContents: WebContents | null, permission: string, requestingOrigin: string, details: unknown) => boolean) | null,
  ): void;
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void;
}

/** The event object Electron passes to `will-navigate`, `will-redirect` and friends. */
export interface PreventableEvent {
  preventDefault(): void;
  /** Electron 25+ passes the target on the event as well as in the second argument. */
  url?: string;
}

export interface WindowOpenDetails {
  url: string;
  frameName: string;
  disposition: string;
}

export interface PrintToPdfOptions {
  pageSize?: 'A3' | 'A4' | 'A5' | 'Legal' | 'Letter' | 'Tabloid';
  landscape?: boolean;
  printBackground?: boolean;
  margins?: { marginType?: 'default' | 'none' | 'printableArea' | 'custom' };
}

export interface WebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): void;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent, webPreferences: Record<string, unknown>, params: Record<string, unknown>) => void): void;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' } | { action: 'allow' }): void;
  printToPDF(options: PrintToPdfOptions): Promise<Uint8Array>;
  reload(): void;
  getURL(): string;
  readonly session: Session;
}

export interface WebPreferences {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  experimentalFeatures: boolean;
  navigateOnDragDrop: boolean;
  safeDialogs: boolean;
  spellcheck: boolean;
  devTools: boolean;
}

export interface BrowserWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: WebPreferences;
}

export interface BrowserWindow {
  readonly webContents: WebContents;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): void;
  show(): void;
}

export interface BrowserWindowConstructor {
  new (options: BrowserWindowOptions): BrowserWindow;
  fromWebContents(webContents: WebContents): BrowserWindow | null;
}

export interface WebFrameMain {
  readonly url: string;
  readonly parent: WebFrameMain | null;
}

export interface IpcMainInvokeEvent {
  readonly sender: WebContents;
  readonly senderFrame: WebFrameMain | null;
}

export interface IpcMain {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
  properties?: ('createDirectory' | 'showOverwriteConfirmation')[];
}

export interface Dialog {
  showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface MenuItemOptions {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu' | 'normal';
  submenu?: MenuItemOptions[];
}

export interface MenuStatic {
  buildFromTemplate(template: MenuItemOptions[]): unknown;
  setApplicationMenu(menu: unknown): void;
}

export interface App {
  readonly isPackaged: boolean;
  enableSandbox(): void;
  whenReady(): Promise<void>;
  getPath(name: 'userData' | 'documents'): string;
  on(event: 'window-all-closed', listener: () => void): void;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): void;
  quit(): void;
}

/** What the main process takes from `require('electron')`. */
export interface ElectronMain {
  app: App;
  BrowserWindow: BrowserWindowConstructor;
  protocol: Protocol;
  session: { defaultSession: Session };
  ipcMain: IpcMain;
  dialog: Dialog;
  Menu: MenuStatic;
}

export interface IpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}

export interface ContextBridge {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

/** What the sandboxed preload takes from `require('electron')`. */
export interface ElectronPreload {
  contextBridge: ContextBridge;
  ipcRenderer: IpcRenderer;
}
