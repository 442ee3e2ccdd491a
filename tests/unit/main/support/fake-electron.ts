// A recording stand-in for the slice of Electron the shell uses (main/electron-api.ts).
// Electron's binary cannot be installed on these machines, so this is the boundary the
// team allows us to fake: it records what the shell asks of Electron and lets a test
// play the part of the page (navigate, open windows, call IPC) the way Electron would.
import { APP_START_URL } from '../../../../main/app-origin';
import type {
  App,
  BrowserWindow,
  BrowserWindowOptions,
  CustomScheme,
  Dialog,
  ElectronMain,
  HeadersReceivedDetails,
  HeadersReceivedResponse,
  IpcMain,
  IpcMainInvokeEvent,
  IpcRenderer,
  MenuItemOptions,
  PrintToPdfOptions,
  SaveDialogOptions,
  Session,
  WebContents,
  WebFrameMain,
  WindowOpenDetails,
} from '../../../../main/electron-api';

type Listener = (...args: never[]) => unknown;

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeSession implements Session {
  permissionRequestHandler: Parameters<Session['setPermissionRequestHandler']>[0] = null;
  permissionCheckHandler: Parameters<Session['setPermissionCheckHandler']>[0] = null;
  devicePermissionHandler: Parameters<Session['setDevicePermissionHandler']>[0] = null;
  headersReceived: ((details: HeadersReceivedDetails, callback: (response: HeadersReceivedResponse) => void) => void) | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: NonNullable<FakeSession['headersReceived']>) => {
      this.headersReceived = listener;
    },
  };
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = handler;
  }
}

export class FakeWebContents implements WebContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: WindowOpenDetails) => { action: 'deny' } | { action: 'allow' }) | null = null;
  readonly printCalls: PrintToPdfOptions[] = [];
  reloads = 0;
  pdf: Uint8Array = new TextEncoder().encode('%PDF-1.7\n% invented test page\n%%EOF\n');

  constructor(
    readonly session: Session,
    public url: string = APP_START_URL,
  ) {}

  on(event: string, listener: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  setWindowOpenHandler(handler: NonNullable<FakeWebContents['windowOpenHandler']>): void {
    this.windowOpenHandler = handler;
  }
  printToPDF(options: PrintToPdfOptions): Promise<Uint8Array> {
    this.printCalls.push(options);
    return Promise.resolve(this.pdf);
  }
  reload(): void {
    this.reloads += 1;
  }
  getURL(): string {
    return this.url;
  }

  /** What Electron does before a navigation: true when the page may go there. */
  tryNavigate(url: string, kind: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const event = fakeEvent();
    for (const listener of this.listeners.get(kind) ?? []) (listener as (e: FakeEvent, url: string) => void)(event, url);
    if (!event.defaultPrevented) this.url = url;
    return !event.defaultPrevented;
  }
  /** What Electron does when the page calls window.open or follows a target=_blank link. */
  tryOpenWindow(url: string): 'allow' | 'deny' {
    if (this.windowOpenHandler === null) return 'allow';
    return this.windowOpenHandler({ url, frameName: '', disposition: 'new-window' }).action;
  }
  /** What Electron does before attaching a <webview>: true when it may attach. */
  tryAttachWebview(): boolean {
    const event = fakeEvent();
    for (const listener of this.listeners.get('will-attach-webview') ?? []) (listener as (e: FakeEvent, p: object, q: object) => void)(event, {}, {});
    return !event.defaultPrevented;
  }
}

export class FakeIpcMain implements IpcMain {
  readonly handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
}

/** The page side of IPC: as Electron does, arguments are structured-cloned on the way. */
export function fakeIpcRenderer(ipcMain: FakeIpcMain, sender: WebContents, frame: WebFrameMain | null): IpcRenderer {
  return {
    async invoke(channel, ...args) {
      const handler = ipcMain.handlers.get(channel);
      if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered for '${channel}'`);
      const result = await handler({ sender, senderFrame: frame }, ...structuredClone(args));
      return structuredClone(result);
    },
  };
}

export function fakeFrame(url: string, parent: WebFrameMain | null = null): WebFrameMain {
  return { url, parent };
}

export class FakeDialog implements Dialog {
  readonly calls: SaveDialogOptions[] = [];
  answer: { canceled: boolean; filePath?: string } = { canceled: true };
  showSaveDialog(_window: BrowserWindow, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }> {
    this.calls.push(options);
    return Promise.resolve(this.answer);
  }
}

/** A whole fake `electron` module for the main process, with a log of calls in order. */
export function createFakeElectron(options: { userData: string; documents: string; isPackaged?: boolean }) {
  const log: string[] = [];
  const session = new FakeSession();
  const appListeners = new Map<string, Listener[]>();
  const windows: FakeBrowserWindow[] = [];
  const schemes: CustomScheme[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const ipcMain = new FakeIpcMain();
  const dialog = new FakeDialog();
  let menuTemplate: MenuItemOptions[] | null = null;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const app: App = {
    isPackaged: options.isPackaged ?? false,
    enableSandbox: () => void log.push('app.enableSandbox'),
    whenReady: () => ready,
    getPath: (name) => (name === 'userData' ? options.userData : options.documents),
    on: (event: string, listener: Listener) => {
      log.push(`app.on(${event})`);
      appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
    },
    quit: () => void log.push('app.quit'),
  };

  class FakeBrowserWindow implements BrowserWindow {
    readonly webContents: FakeWebContents;
    readonly loaded: string[] = [];
    shown = false;
    private readyToShow: (() => void)[] = [];
    constructor(readonly options: BrowserWindowOptions) {
      log.push('new BrowserWindow');
      this.webContents = new FakeWebContents(session);
      windows.push(this);
      // As Electron does for every web contents it creates.
      for (const listener of appListeners.get('web-contents-created') ?? []) (listener as (e: object, c: WebContents) => void)({}, this.webContents);
    }
    static fromWebContents(contents: WebContents): BrowserWindow | null {
      return windows.find((w) => w.webContents === contents) ?? null;
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    once(_event: 'ready-to-show', listener: () => void): void {
      this.readyToShow.push(listener);
    }
    show(): void {
      this.shown = true;
    }
    emitReadyToShow(): void {
      for (const listener of this.readyToShow) listener();
    }
  }

  const electron: ElectronMain = {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (list) => {
        log.push('protocol.registerSchemesAsPrivileged');
        schemes.push(...list);
      },
      handle: (scheme, handler) => {
        log.push(`protocol.handle(${scheme})`);
        protocolHandlers.set(scheme, handler);
      },
    },
    session: { defaultSession: session },
    ipcMain,
    dialog,
    Menu: {
      buildFromTemplate: (template) => template,
      setApplicationMenu: (menu) => {
        menuTemplate = menu as MenuItemOptions[];
      },
    },
  };

  return {
    electron,
    log,
    session,
    windows,
    schemes,
    protocolHandlers,
    ipcMain,
    dialog,
    menu: () => menuTemplate,
    ready: () => {
      log.push('ready');
      markReady();
    },
    /** Electron creating some other web contents (a devtools page, a popup…). */
    createOtherWebContents(url: string): FakeWebContents {
      const contents = new FakeWebContents(session, url);
      for (const listener of appListeners.get('web-contents-created') ?? []) (listener as (e: object, c: WebContents) => void)({}, contents);
      return contents;
    },
  };
}
