// window.kizuna end to end on the main-process side: the preload bridge's functions
// through (structured-cloned) IPC into the real handlers, a real device settings file
// and a real PDF file on disk. Only Electron itself is the recording fake.
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeviceConfigStore, DEVICE_CONFIG_FILE } from '../../../main/config/device-config';
import { loadServerUrlSetting } from '../../../main/config/server-url-setting';
import type { ContextBridge } from '../../../main/electron-api';
import { registerIpcHandlers } from '../../../main/ipc/handlers';
import { ipcChannels } from '../../../main/ipc/channels';
import { exposeDesktopApi } from '../../../main/preload/bridge';
import type { KizunaDesktopApi } from '../../../main/preload-api';
import { printViewToPdf, savePdfBytes } from '../../../main/print/print-to-pdf';
import { FakeDialog, FakeIpcMain, FakeSession, FakeWebContents, fakeFrame, fakeIpcRenderer } from './support/fake-electron';

let dir: string;
let userData: string;
let documents: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kizuna-bridge-'));
  userData = join(dir, 'userData');
  documents = join(dir, 'Documents');
  await mkdir(documents, { recursive: true });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** The main process as the app starts it, and the page's `window.kizuna`. */
async function setUp(frameUrl = 'kizuna://app/settings', launchServerUrl: string | null = null) {
  const ipcMain = new FakeIpcMain();
  const dialog = new FakeDialog();
  const page = new FakeWebContents(new FakeSession(), frameUrl);
  const store = createDeviceConfigStore(userData);
  const serverUrl = await loadServerUrlSetting(store, launchServerUrl);
  registerIpcHandlers(ipcMain, {
    serverUrl,
    settingsFile: store.file,
    printToPdf: (contents, request) => printViewToPdf(contents, request, { dialog, windowOf: () => ({}) as never, defaultDir: () => documents }),
    savePdf: (contents, request) => savePdfBytes(contents, request, { dialog, windowOf: () => ({}) as never, defaultDir: () => documents }),
    reloadSoon: (contents) => contents.reload(),
  });
  let exposed: { key: string; api: KizunaDesktopApi } | undefined;
  const contextBridge: ContextBridge = { exposeInMainWorld: (key, api) => (exposed = { key, api: api as KizunaDesktopApi }) };
  exposeDesktopApi(contextBridge, fakeIpcRenderer(ipcMain, page, fakeFrame(frameUrl)));
  if (!exposed) throw new Error('nothing exposed');
  return { ipcMain, dialog, page, exposed, kizuna: exposed.api };
}

describe('the preload bridge', () => {
  it('exposes window.kizuna with one function per capability and nothing else', async () => {
    const { exposed } = await setUp();
    expect(exposed.key).toBe('kizuna');
    expect(Object.keys(exposed.api).sort()).toEqual(['getServerUrl', 'printToPdf', 'savePdf', 'setServerUrl']);
    for (const value of Object.values(exposed.api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(exposed.api)).toBe(true);
  });
});

describe('the server URL, configured once per device', () => {
  it('is empty on a new device, then stored, and still there after a restart', async () => {
    const first = await setUp();
    expect(await first.kizuna.getServerUrl()).toBeNull();
    expect(await first.kizuna.setServerUrl('  https://kizuna.hikarino.example.lg.jp/  ')).toEqual({ ok: true, serverUrl: 'https://kizuna.hikarino.example.lg.jp' });
    expect(await first.kizuna.getServerUrl()).toBe('https://kizuna.hikarino.example.lg.jp');
    // The page reloads so that its CSP names the new server.
    expect(first.page.reloads).toBe(1);

    const afterRestart = await setUp();
    expect(await afterRestart.kizuna.getServerUrl()).toBe('https://kizuna.hikarino.example.lg.jp');
    expect(JSON.parse(await readFile(join(userData, DEVICE_CONFIG_FILE), 'utf8'))).toEqual({ serverUrl: 'https://kizuna.hikarino.example.lg.jp' });
  });

  it('keeps a server path, for a server behind a reverse proxy', async () => {
    const { kizuna } = await setUp();
    expect(await kizuna.setServerUrl('https://gw.hikarino.example.lg.jp:8443/kizuna/')).toEqual({ ok: true, serverUrl: 'https://gw.hikarino.example.lg.jp:8443/kizuna' });
  });

  it('refuses what is not an http(s) base URL, in Japanese, and keeps the stored one', async () => {
    const { kizuna, page } = await setUp();
    await kizuna.setServerUrl('http://192.168.10.5:8080');
    const cases: [string, string][] = [
      ['', 'サーバーURLを入力してください'],
      ['kizuna.example.lg.jp', 'サーバーURLの形式が正しくありません'],
      ['ftp://kizuna.example.lg.jp', 'http:// または https://'],
      ['file:///C:/kizuna', 'http:// または https://'],
      ['javascript:alert(1)', 'http:// または https://'],
      ['https://admin:secret@kizuna.example.lg.jp', 'ユーザー名やパスワード'],
      ['https://kizuna.example.lg.jp/?next=1', '「?」や「#」'],
      ['https://kizuna.example.lg.jp/#top', '「?」や「#」'],
      [`https://kizuna.example.lg.jp/${'a'.repeat(2100)}`, '長すぎます'],
    ];
    for (const [input, message] of cases) {
      const result = await kizuna.setServerUrl(input);
      expect(result.ok, input).toBe(false);
      expect(result.ok ? '' : result.message, input).toContain(message);
    }
    expect(await kizuna.getServerUrl()).toBe('http://192.168.10.5:8080');
    expect(page.reloads).toBe(1);
  });

  it('names the settings file when it cannot be written, and changes nothing', async () => {
    await writeFile(userData, 'a file where the userData folder should be');
    const { kizuna, page } = await setUp();
    const result = await kizuna.setServerUrl('https://kizuna.hikarino.example.lg.jp');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(join(userData, DEVICE_CONFIG_FILE));
    expect(await kizuna.getServerUrl()).toBeNull();
    expect(page.reloads).toBe(0);
  });

  it('keeps the other settings in the file, and sets an unreadable file aside instead of overwriting it', async () => {
    await mkdir(userData, { recursive: true });
    await writeFile(join(userData, DEVICE_CONFIG_FILE), JSON.stringify({ serverUrl: 'https://old.example.lg.jp', deviceName: '南包括-PC2' }));
    const kept = await setUp();
    await kept.kizuna.setServerUrl('https://kizuna.hikarino.example.lg.jp');
    expect(JSON.parse(await readFile(join(userData, DEVICE_CONFIG_FILE), 'utf8'))).toEqual({ serverUrl: 'https://kizuna.hikarino.example.lg.jp', deviceName: '南包括-PC2' });

    await writeFile(join(userData, DEVICE_CONFIG_FILE), '{"serverUrl": "https://half-written');
    const broken = await setUp();
    expect(await broken.kizuna.getServerUrl()).toBeNull();
    await broken.kizuna.setServerUrl('https://kizuna.hikarino.example.lg.jp');
    const files = await readdir(userData);
    const asideName = files.find((f) => f.startsWith(`${DEVICE_CONFIG_FILE}.unreadable-`));
    expect(asideName).toBeDefined();
    expect(await readFile(join(userData, asideName!), 'utf8')).toBe('{"serverUrl": "https://half-written');
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports a URL given at launch without storing it', async () => {
    const { kizuna } = await setUp('kizuna://app/', 'http://localhost:8080');
    expect(await kizuna.getServerUrl()).toBe('http://localhost:8080');
    const afterRestart = await setUp();
    expect(await afterRestart.kizuna.getServerUrl()).toBeNull();
  });
});

describe('printing the current view to PDF', () => {
  it('saves the printed A4 PDF where the user chose, under a name from the page', async () => {
    const { kizuna, dialog, page } = await setUp('kizuna://app/persons/p-0001');
    const target = join(documents, '相談記録_令和7年4月.pdf');
    dialog.answer = { canceled: false, filePath: target };
    expect(await kizuna.printToPdf({ fileName: '相談記録_令和7年4月' })).toEqual({ status: 'saved', fileName: '相談記録_令和7年4月.pdf' });
    expect(await readFile(target)).toEqual(Buffer.from(page.pdf));
    expect(page.printCalls).toEqual([{ pageSize: 'A4', landscape: false, printBackground: true }]);
    expect(dialog.calls[0]).toMatchObject({ title: 'PDFとして保存', defaultPath: target, filters: [{ name: 'PDFファイル', extensions: ['pdf'] }] });
  });

  it('suggests a default name and writes nothing when the user cancels', async () => {
    const { kizuna, dialog } = await setUp();
    dialog.answer = { canceled: true };
    expect(await kizuna.printToPdf()).toEqual({ status: 'canceled' });
    expect(dialog.calls[0]?.defaultPath).toBe(join(documents, 'きずな印刷.pdf'));
    expect(await readdir(documents)).toEqual([]);
  });

  it('leaves an existing file whole when the new one cannot be written, and says where', async () => {
    const { kizuna, dialog } = await setUp();
    const target = join(dir, 'no-such-folder', 'ledger.pdf');
    dialog.answer = { canceled: false, filePath: target };
    const result = await kizuna.printToPdf({ fileName: 'ledger' });
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' ? result.message : '').toContain(target);

    // Written in full beside the target, then the rename fails: nothing may be left over.
    await mkdir(join(documents, 'a-folder.pdf'));
    dialog.answer = { canceled: false, filePath: join(documents, 'a-folder.pdf') };
    expect((await kizuna.printToPdf({ fileName: 'a-folder' })).status).toBe('failed');
    expect(await readdir(documents)).toEqual(['a-folder.pdf']);
    await rm(join(documents, 'a-folder.pdf'), { recursive: true });

    const existing = join(documents, 'ledger.pdf');
    await writeFile(existing, 'the earlier PDF');
    dialog.answer = { canceled: false, filePath: existing };
    expect((await kizuna.printToPdf({ fileName: 'ledger' })).status).toBe('saved');
    expect(await readdir(documents)).toEqual(['ledger.pdf']);
  });

  it('refuses a file name Windows cannot hold, naming the characters', async () => {
    const { kizuna, dialog } = await setUp();
    const result = await kizuna.printToPdf({ fileName: '..\\..\\Windows\\system32:evil' });
    expect(result).toEqual({ status: 'failed', message: 'ファイル名に使えない文字が含まれています（\\ :）' });
    expect(dialog.calls).toEqual([]);
  });
});

describe('saving a PDF the app made (a printed form)', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n介護予防サービス・支援計画書\n%%EOF');

  it('writes the bytes whole where the user chose, under the name the form gave', async () => {
    const { kizuna, dialog } = await setUp('kizuna://app/persons/p-0001/plans/plan-1');
    const target = join(documents, '介護予防サービス・支援計画書 第1版_架空　トミ.pdf');
    dialog.answer = { canceled: false, filePath: target };
    expect(await kizuna.savePdf({ fileName: '介護予防サービス・支援計画書 第1版_架空　トミ.pdf', bytes: pdf })).toEqual({ status: 'saved', fileName: '介護予防サービス・支援計画書 第1版_架空　トミ.pdf' });
    expect(new Uint8Array(await readFile(target))).toEqual(pdf);
    expect(dialog.calls[0]).toMatchObject({ title: 'PDFとして保存', defaultPath: target });
  });

  it('writes nothing when the user cancels, and refuses a name Windows cannot hold', async () => {
    const { kizuna, dialog } = await setUp();
    dialog.answer = { canceled: true };
    expect(await kizuna.savePdf({ fileName: 'plan.pdf', bytes: pdf })).toEqual({ status: 'canceled' });
    expect((await kizuna.savePdf({ fileName: 'a:b', bytes: pdf })).status).toBe('failed');
    expect(await readdir(documents)).toEqual([]);
  });

  it('is refused unless the payload is a file name and the bytes of a PDF', async () => {
    const { ipcMain, page, dialog } = await setUp();
    const raw = fakeIpcRenderer(ipcMain, page, fakeFrame('kizuna://app/'));
    for (const args of [[], [{ fileName: 'a.pdf' }], [{ fileName: 'a.pdf', bytes: 'JVBERi0=' }], [{ fileName: 'a.pdf', bytes: new TextEncoder().encode('<html>') }], [{ fileName: 'a.pdf', bytes: pdf, path: 'C:\\' }], [{ fileName: 1, bytes: pdf }]]) {
      await expect(raw.invoke(ipcChannels.savePdf, ...args), JSON.stringify(args)).rejects.toThrow(/IPC refused/);
    }
    expect(dialog.calls).toEqual([]);
  });
});

describe('every IPC call', () => {
  it('is refused unless it comes from the app’s own top-level page', async () => {
    const ipcMain = new FakeIpcMain();
    const store = createDeviceConfigStore(userData);
    registerIpcHandlers(ipcMain, {
      serverUrl: await loadServerUrlSetting(store, null),
      settingsFile: store.file,
      printToPdf: () => Promise.reject(new Error('must not print')),
      savePdf: () => Promise.reject(new Error('must not save')),
      reloadSoon: () => undefined,
    });
    const page = new FakeWebContents(new FakeSession());
    const senders = [
      fakeFrame('https://phishing.example.com/'),
      fakeFrame('http://localhost:8080/'),
      fakeFrame('file:///C:/kizuna/index.html'),
      fakeFrame('kizuna://other/'),
      fakeFrame('kizuna://app/embedded', fakeFrame('kizuna://app/')),
      null,
    ];
    for (const frame of senders) {
      const kizuna = fakeIpcRenderer(ipcMain, page, frame);
      for (const [channel, args] of [
        [ipcChannels.getServerUrl, []],
        [ipcChannels.setServerUrl, ['https://attacker.example.com']],
        [ipcChannels.printToPdf, []],
        [ipcChannels.savePdf, [{ fileName: 'a.pdf', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]) }]],
      ] as const) {
        await expect(kizuna.invoke(channel, ...args), `${channel} from ${frame?.url ?? 'a destroyed frame'}`).rejects.toThrow(/IPC refused: .*sent from|IPC refused: .*frame is gone/);
      }
    }
    expect(await readdir(dir)).toEqual(['Documents']);
  });

  it('is refused when its payload has another shape than the one expected', async () => {
    const { ipcMain, page } = await setUp();
    const raw = fakeIpcRenderer(ipcMain, page, fakeFrame('kizuna://app/'));
    const bad: [string, unknown[]][] = [
      [ipcChannels.getServerUrl, ['extra']],
      [ipcChannels.setServerUrl, []],
      [ipcChannels.setServerUrl, [{ url: 'https://kizuna.example.lg.jp' }]],
      [ipcChannels.setServerUrl, ['https://a.example.lg.jp', 'https://b.example.lg.jp']],
      [ipcChannels.printToPdf, ['ledger.pdf']],
      [ipcChannels.printToPdf, [{ fileName: 42 }]],
      [ipcChannels.printToPdf, [{ landscape: 'yes' }]],
      [ipcChannels.printToPdf, [{ fileName: 'a', path: 'C:\\Windows' }]],
      [ipcChannels.printToPdf, [{}, {}]],
      [ipcChannels.printToPdf, [null]],
    ];
    for (const [channel, args] of bad) {
      await expect(raw.invoke(channel, ...args), `${channel} ${JSON.stringify(args)}`).rejects.toThrow(/IPC refused/);
    }
    expect(page.printCalls).toEqual([]);
    expect(await raw.invoke(ipcChannels.getServerUrl)).toBeNull();
  });
});
