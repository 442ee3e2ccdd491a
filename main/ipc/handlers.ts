// The main-process side of the preload bridge: one handler per capability. Each checks
// that the caller is the app's own page and that the payload has exactly the expected
// shape; anything else is refused (the renderer's promise rejects) and logged.
import { checkServerUrl } from '../config/server-url';
import type { ServerUrlSetting } from '../config/server-url-setting';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from '../electron-api';
import { checkPdfFileName } from '../print/pdf-file-name';
import type { PrintToPdfResult, SetServerUrlResult } from '../preload-api';
import { desktopMessages, format } from '../../shared/messages/ja';
import { ipcChannels } from './channels';
import { IpcRefusedError, assertAppSender } from './sender';

export interface IpcDependencies {
  serverUrl: ServerUrlSetting;
  /** Where the device settings live, named in the error when saving fails. */
  settingsFile: string;
  printToPdf(contents: WebContents, request: { fileName: string; landscape: boolean }): Promise<PrintToPdfResult>;
  /** Saves a PDF the page made (a printed form) where the user chooses. */
  savePdf(contents: WebContents, request: { fileName: string; bytes: Uint8Array }): Promise<PrintToPdfResult>;
  /** Reloads the page after the server URL changed, so its CSP names the new server. */
  reloadSoon(contents: WebContents): void;
}

export function registerIpcHandlers(ipcMain: IpcMain, deps: IpcDependencies): void {
  handle(ipcMain, ipcChannels.getServerUrl, (_event, args) => {
    expectArgCount(ipcChannels.getServerUrl, args, 0);
    return deps.serverUrl.current();
  });

  handle(ipcMain, ipcChannels.setServerUrl, async (event, args): Promise<SetServerUrlResult> => {
    expectArgCount(ipcChannels.setServerUrl, args, 1);
    if (typeof args[0] !== 'string') throw new IpcRefusedError(`${ipcChannels.setServerUrl}: the URL must be a string`);
    const check = checkServerUrl(args[0]);
    if (!check.ok) return check;
    try {
      await deps.serverUrl.save(check.url);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      return { ok: false, message: format(desktopMessages.serverUrl.notSaved, { file: deps.settingsFile, reason }) };
    }
    deps.reloadSoon(event.sender);
    return { ok: true, serverUrl: check.url };
  });

  handle(ipcMain, ipcChannels.printToPdf, async (event, args): Promise<PrintToPdfResult> => {
    if (args.length > 1) throw new IpcRefusedError(`${ipcChannels.printToPdf}: expected at most one argument`);
    const request = parsePrintRequest(args[0]);
    const name = checkPdfFileName(request.fileName);
    if (!name.ok) return { status: 'failed', message: name.message };
    return deps.printToPdf(event.sender, { fileName: name.fileName, landscape: request.landscape ?? false });
  });

  handle(ipcMain, ipcChannels.savePdf, async (event, args): Promise<PrintToPdfResult> => {
    expectArgCount(ipcChannels.savePdf, args, 1);
    const request = parseSavePdfRequest(args[0]);
    const name = checkPdfFileName(request.fileName);
    if (!name.ok) return { status: 'failed', message: name.message };
    return deps.savePdf(event.sender, { fileName: name.fileName, bytes: request.bytes });
  });
}

/** A PDF the page made: at most this large, and it must start as a PDF does. */
export const SAVE_PDF_MAX_BYTES = 64 * 1024 * 1024;
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function parseSavePdfRequest(value: unknown): { fileName: string; bytes: Uint8Array } {
  const channel = ipcChannels.savePdf;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new IpcRefusedError(`${channel}: the request must be an object`);
  const request = value as Record<string, unknown>;
  for (const key of Object.keys(request)) {
    if (key !== 'fileName' && key !== 'bytes') throw new IpcRefusedError(`${channel}: unknown field "${key}"`);
  }
  if (typeof request.fileName !== 'string') throw new IpcRefusedError(`${channel}: fileName must be a string`);
  const bytes = request.bytes;
  if (!(bytes instanceof Uint8Array)) throw new IpcRefusedError(`${channel}: bytes must be a Uint8Array`);
  if (bytes.byteLength > SAVE_PDF_MAX_BYTES) throw new IpcRefusedError(`${channel}: the PDF is larger than ${SAVE_PDF_MAX_BYTES} bytes`);
  if (!PDF_SIGNATURE.every((byte, i) => bytes[i] === byte)) throw new IpcRefusedError(`${channel}: the bytes are not a PDF`);
  return { fileName: request.fileName, bytes };
}

function handle(ipcMain: IpcMain, channel: string, handler: (event: IpcMainInvokeEvent, args: unknown[]) => unknown): void {
  ipcMain.handle(channel, async (event, ...args) => {
    try {
      assertAppSender(event, channel);
      return await handler(event, args);
    } catch (error) {
      if (error instanceof IpcRefusedError) console.warn(error.message);
      throw error;
    }
  });
}

function expectArgCount(channel: string, args: unknown[], count: number): void {
  if (args.length !== count) throw new IpcRefusedError(`${channel}: expected ${count} argument(s), got ${args.length}`);
}

function parsePrintRequest(value: unknown): { fileName?: string; landscape?: boolean } {
  const channel = ipcChannels.printToPdf;
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new IpcRefusedError(`${channel}: the request must be an object`);
  const request = value as Record<string, unknown>;
  for (const key of Object.keys(request)) {
    if (key !== 'fileName' && key !== 'landscape') throw new IpcRefusedError(`${channel}: unknown field "${key}"`);
  }
  if (request.fileName !== undefined && typeof request.fileName !== 'string') throw new IpcRefusedError(`${channel}: fileName must be a string`);
  if (request.landscape !== undefined && typeof request.landscape !== 'boolean') throw new IpcRefusedError(`${channel}: landscape must be a boolean`);
  return { fileName: request.fileName, landscape: request.landscape };
}
