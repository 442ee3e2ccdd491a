// The desktop shell as Electron would run it: started on an injected (recording) Electron
// with a real renderer folder and a real userData folder, then probed the way a page,
// a link or a permission prompt would probe it.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDesktopApp } from '../../../main/app';
import { APP_START_URL } from '../../../main/app-origin';
import { DEVICE_CONFIG_FILE } from '../../../main/config/device-config';
import { createFakeElectron } from './support/fake-electron';

let dir: string;
let rendererDir: string;
let userData: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kizuna-shell-'));
  rendererDir = join(dir, 'renderer-dist');
  userData = join(dir, 'userData');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>きずな</title><div id="root"></div>');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function start(options: { launchServerUrl?: string | null; isPackaged?: boolean } = {}) {
  const fake = createFakeElectron({ userData, documents: join(dir, 'Documents'), isPackaged: options.isPackaged });
  const started = startDesktopApp(fake.electron, {
    rendererDir,
    preloadPath: '/opt/kizuna/main/dist/preload.cjs',
    launchServerUrl: options.launchServerUrl ?? null,
  });
  fake.ready();
  await started;
  const window = fake.windows[0];
  if (!window) throw new Error('no window was created');
  return { fake, window };
}

function cspOf(response: Response): Map<string, string[]> {
  const header = response.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

describe('the desktop window', () => {
  it('is sandboxed and isolated, with the preload bundle and no Node in the page', async () => {
    const { window } = await start();
    const prefs = window.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/kizuna/main/dist/preload.cjs',
    });
    // The remote module left Electron in v14; no option may bring it back.
    expect(Object.keys(prefs)).not.toContain('enableRemoteModule');
  });

  it('loads the app from kizuna://app, never file://, and shows itself once ready', async () => {
    const { window } = await start();
    expect(window.loaded).toEqual([APP_START_URL]);
    expect(window.shown).toBe(false);
    window.emitReadyToShow();
    expect(window.shown).toBe(true);
  });

  it('offers developer tools in a checkout but not in an installed app', async () => {
    const dev = await start();
    expect(dev.window.options.webPreferences.devTools).toBe(true);
    expect(JSON.stringify(dev.fake.menu())).toContain('toggleDevTools');
    const installed = await start({ isPackaged: true });
    expect(installed.window.options.webPreferences.devTools).toBe(false);
    expect(JSON.stringify(installed.fake.menu())).not.toContain('toggleDevTools');
  });

  it('has a Japanese menu whose zoom items let staff enlarge the text', async () => {
    const { fake } = await start();
    const view = fake.menu()?.find((item) => item.label === '表示');
    const roles = view?.submenu?.map((item) => [item.role, item.label]);
    expect(roles).toEqual(expect.arrayContaining([['zoomIn', '拡大'], ['zoomOut', '縮小'], ['resetZoom', '実際のサイズ']]));
  });
});

describe('the app protocol', () => {
  it('is registered as a privileged standard, secure scheme before Electron is ready', async () => {
    const { fake } = await start();
    expect(fake.schemes).toEqual([
      { scheme: 'kizuna', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: true }) },
    ]);
    expect(fake.schemes[0]?.privileges.bypassCSP).toBeUndefined();
    const log = fake.log;
    expect(log).toEqual(expect.arrayContaining(['protocol.registerSchemesAsPrivileged', 'app.enableSandbox', 'ready', 'protocol.handle(kizuna)']));
    expect(log.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(log.indexOf('ready'));
    expect(log.indexOf('app.enableSandbox')).toBeLessThan(log.indexOf('ready'));
    expect(log.indexOf('protocol.handle(kizuna)')).toBeGreaterThan(log.indexOf('ready'));
    expect(log.indexOf('protocol.handle(kizuna)')).toBeLessThan(log.indexOf('new BrowserWindow'));
  });

  it('serves the app with a strict CSP that lets it reach only itself and the configured server', async () => {
    const { fake } = await start({ launchServerUrl: 'https://kizuna.hikarino.example.lg.jp' });
    const handler = fake.protocolHandlers.get('kizuna');
    const response = await handler!(new Request(APP_START_URL));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
    const csp = cspOf(response);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://kizuna.hikarino.example.lg.jp', 'wss://kizuna.hikarino.example.lg.jp']);
    expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-(inline|eval)/);
  });

  it("sends 'wasm-unsafe-eval' with the print worker's script only, never with a page or another script", async () => {
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'assets', 'print.worker-Ab1_x.js'), 'self.onmessage = () => undefined;');
    await writeFile(join(rendererDir, 'assets', 'index-Ab1_x.js'), 'console.log(1);');
    const { fake } = await start({ launchServerUrl: 'https://kizuna.hikarino.example.lg.jp' });
    const serve = fake.protocolHandlers.get('kizuna')!;
    const worker = cspOf(await serve(new Request('kizuna://app/assets/print.worker-Ab1_x.js')));
    expect(worker.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(worker.get('connect-src')).toEqual(["'self'", 'https://kizuna.hikarino.example.lg.jp', 'wss://kizuna.hikarino.example.lg.jp']);
    for (const url of [APP_START_URL, 'kizuna://app/assets/index-Ab1_x.js', 'kizuna://app/persons/print.worker-Ab1_x.js']) {
      const csp = (await serve(new Request(url))).headers.get('content-security-policy') ?? '';
      expect(csp, url).not.toMatch(/unsafe-(inline|eval)|wasm-unsafe-eval/);
    }
    // The same rule through the session, and only for the app's own origin.
    const policyOf = (url: string) => {
      let answered: Record<string, string[] | string> | undefined;
      fake.session.headersReceived!({ url, resourceType: 'script', responseHeaders: {} }, (response) => (answered = response.responseHeaders));
      return String(answered?.['Content-Security-Policy']);
    };
    expect(policyOf('kizuna://app/assets/print.worker-Ab1_x.js')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policyOf('https://kizuna.hikarino.example.lg.jp/assets/print.worker-Ab1_x.js')).not.toContain('wasm-unsafe-eval');
  });

  it('lets a device without a server URL reach nothing but itself', async () => {
    const { fake } = await start();
    const response = await fake.protocolHandlers.get('kizuna')!(new Request(APP_START_URL));
    expect(cspOf(response).get('connect-src')).toEqual(["'self'"]);
  });

  it('puts the same CSP on responses that come through the session, replacing theirs', async () => {
    const { fake } = await start({ launchServerUrl: 'http://localhost:8080' });
    let answered: Record<string, string[] | string> | undefined;
    fake.session.headersReceived!(
      { url: 'http://localhost:8080/api/health', resourceType: 'xhr', responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Request-Id': ['r-1'] } },
      (response) => (answered = response.responseHeaders),
    );
    expect(answered?.['X-Request-Id']).toEqual(['r-1']);
    expect(answered?.['content-security-policy']).toBeUndefined();
    expect(String(answered?.['Content-Security-Policy'])).toContain("connect-src 'self' http://localhost:8080 ws://localhost:8080");
  });
});

describe('every page Electron creates', () => {
  it('cannot navigate or be redirected away from the app', async () => {
    const { window } = await start();
    const page = window.webContents;
    expect(page.tryNavigate('kizuna://app/persons/p-1')).toBe(true);
    expect(page.tryNavigate('https://phishing.example.com/login')).toBe(false);
    expect(page.tryNavigate('file:///C:/Users/staff/Documents/')).toBe(false);
    expect(page.tryNavigate('http://localhost:8080/')).toBe(false);
    expect(page.tryNavigate('kizuna://other/')).toBe(false);
    expect(page.tryNavigate('https://phishing.example.com/', 'will-redirect')).toBe(false);
    expect(page.getURL()).toBe('kizuna://app/persons/p-1');
  });

  it('cannot open new windows, not even for https links, nor attach a webview', async () => {
    const { window } = await start();
    expect(window.webContents.tryOpenWindow('https://www.city.example.lg.jp/')).toBe('deny');
    expect(window.webContents.tryOpenWindow('kizuna://app/')).toBe('deny');
    expect(window.webContents.tryAttachWebview()).toBe(false);
  });

  it('is guarded even when it is not our window', async () => {
    const { fake } = await start();
    const other = fake.createOtherWebContents('kizuna://app/');
    expect(other.tryNavigate('https://example.com/')).toBe(false);
    expect(other.tryOpenWindow('https://example.com/')).toBe('deny');
  });

  it('is refused every permission it asks for or checks', async () => {
    const { fake, window } = await start();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'hid', 'fullscreen']) {
      let granted: boolean | undefined;
      fake.session.permissionRequestHandler!(window.webContents, permission, (g) => (granted = g), {});
      expect(granted, permission).toBe(false);
      expect(fake.session.permissionCheckHandler!(window.webContents, permission, 'kizuna://app', {}), permission).toBe(false);
    }
    expect(fake.session.devicePermissionHandler!({ deviceType: 'usb', origin: 'kizuna://app' })).toBe(false);
  });
});

describe('the server URL in effect', () => {
  it('comes from the device settings, unless one was given at launch for this run', async () => {
    await mkdir(userData, { recursive: true });
    await writeFile(join(userData, DEVICE_CONFIG_FILE), JSON.stringify({ serverUrl: 'https://kizuna.hikarino.example.lg.jp' }));
    const stored = await start();
    const page = await stored.fake.protocolHandlers.get('kizuna')!(new Request(APP_START_URL));
    expect(cspOf(page).get('connect-src')).toContain('https://kizuna.hikarino.example.lg.jp');

    const launched = await start({ launchServerUrl: 'http://localhost:8080' });
    const devPage = await launched.fake.protocolHandlers.get('kizuna')!(new Request(APP_START_URL));
    expect(cspOf(devPage).get('connect-src')).toEqual(["'self'", 'http://localhost:8080', 'ws://localhost:8080']);
  });
});
