// Print the current view to PDF and save it where the user chooses. The PDF is written
// next to its destination and renamed into place, so an existing file of that name is
// either replaced whole or left as it was.
import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { desktopMessages, format } from '../../shared/messages/ja';
import type { BrowserWindow, Dialog, WebContents } from '../electron-api';
import type { PrintToPdfResult } from '../preload-api';

export interface PrintDependencies {
  dialog: Dialog;
  windowOf(contents: WebContents): BrowserWindow | null;
  /** The folder the save dialog opens in (the user's Documents). */
  defaultDir(): string;
}

export async function printViewToPdf(
  contents: WebContents,
  request: { fileName: string; landscape: boolean },
  deps: PrintDependencies,
): Promise<PrintToPdfResult> {
  const window = deps.windowOf(contents);
  if (window === null) return { status: 'canceled' };
  const pdf = await contents.printToPDF({ pageSize: 'A4', landscape: request.landscape, printBackground: true });
  return saveWhereChosen(window, request.fileName, pdf, deps);
}

/** Saves a PDF the page made itself (a printed form from renderer/features/print). */
export async function savePdfBytes(contents: WebContents, request: { fileName: string; bytes: Uint8Array }, deps: PrintDependencies): Promise<PrintToPdfResult> {
  const window = deps.windowOf(contents);
  if (window === null) return { status: 'canceled' };
  return saveWhereChosen(window, request.fileName, request.bytes, deps);
}

async function saveWhereChosen(window: BrowserWindow, fileName: string, pdf: Uint8Array, deps: PrintDependencies): Promise<PrintToPdfResult> {
  const m = desktopMessages.pdf;
  const choice = await deps.dialog.showSaveDialog(window, {
    title: m.saveTitle,
    defaultPath: join(deps.defaultDir(), fileName),
    filters: [{ name: m.filterName, extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return { status: 'canceled' };
  const target = choice.filePath;
  const temporary = `${target}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, pdf);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return { status: 'failed', message: format(m.notSaved, { file: target, reason }) };
  }
  return { status: 'saved', fileName: basename(target) };
}
