import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { KizunaDocument } from '../../shared/index';
import { createFileStore, sha256Hex } from '../../server/files/store';
import { centerDatabaseName } from '../../server/storage/names';
import { startTestServer, type TestServer } from '../support/server';
import { desktopViewport, launchChromium } from '../support/browser';
import { expectNoPageErrors, seedServer, signedInPage, slow, waitForSync } from './helpers';
import { ledgerPerson } from './fixtures';

// A care manager opens a person's ledger: the scanned 主治医意見書 is listed from the
// local store (its bytes are not on the device), saved from the server on demand, and
// the server's audit log has the read. Offline, the list stays and the user is told why
// the file cannot be fetched — unless they pinned it to the device before the visit.

const pdf = Buffer.from('%PDF-1.4\n% 架空の主治医意見書\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const opinion: KizunaDocument = {
  id: 'document-scan-9100000001-1',
  personId: ledgerPerson.id,
  centerId: '01',
  kind: 'scan',
  documentType: 'physicianOpinion',
  receivedOn: '2025-03-10',
  title: '主治医意見書（令和7年更新）',
  fileName: '主治医意見書_架空トミ.pdf',
  pageCount: 2,
  file: { contentType: 'application/pdf', size: pdf.length, sha256: sha256Hex(pdf) },
  ocr: { status: 'pending' },
  updatedAt: '2026-10-01T00:00:00.000Z',
};

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  server = await startTestServer();
  await seedServer(server, { persons: [ledgerPerson] });
  const { storage } = server.server.context;
  await (await storage.open(centerDatabaseName('documents', '01'))).bulkWrite([{ ...opinion, _id: opinion.id }]);
  await createFileStore(storage).putFiles('01', [{ sha256: opinion.file!.sha256, contentType: 'application/pdf', size: pdf.length, bytes: pdf }]);
  browser = await launchChromium();
  ({ context, page, errors } = await signedInPage(browser, server.url, 'chuo-cm1', { ...desktopViewport, acceptDownloads: true }));
  await waitForSync(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const documents = () => page.getByRole('table', { name: 'この方の書類（スキャンした書類・計画書の添付ファイル）' });
const saveButton = () => documents().getByRole('button', { name: `${opinion.fileName} を保存`, exact: true });
const pinButton = () => documents().getByRole('button', { name: `${opinion.fileName} を端末に保存` });
const unpinButton = () => documents().getByRole('button', { name: `${opinion.fileName} を端末から削除` });
/** The records of the device's pinned-file store, read straight from IndexedDB: what sits on the disk. */
const pinsOnDisk = (): Promise<Array<Record<string, unknown> & { id: string; sealed: number[] }>> =>
  page.evaluate(async () => {
    const name = (await indexedDB.databases()).map((d) => d.name).find((n) => n?.endsWith('--pinned-files'));
    if (!name) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const rows = await new Promise<Array<Record<string, unknown> & { id: string; sealed: Uint8Array }>>((resolve, reject) => {
        const request = db.transaction('pins').objectStore('pins').getAll();
        request.onsuccess = () => resolve(request.result as never);
        request.onerror = () => reject(request.error);
      });
      return rows.map((row) => ({ ...row, sealed: Array.from(row.sealed) }));
    } finally {
      db.close();
    }
  });
const pinnedOnDevice = async (): Promise<string[]> => (await pinsOnDisk()).map((pin) => pin.id);

describe('documents on the ledger', () => {
  it('lists the scanned document and saves its file from the server, audited', async () => {
    await page.goto(`${server.url}/#/persons/${ledgerPerson.id}`);
    await expect.poll(() => documents().innerText(), slow).toContain('主治医意見書（令和7年更新）');
    const row = await documents().innerText();
    for (const text of ['主治医意見書', '令和7年3月10日', '2', '待機中']) expect(row).toContain(text);
    const violations = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map((v) => v.id);
    expect(violations).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), saveButton().click()]);
    expect(download.suggestedFilename()).toBe(opinion.fileName);
    const saved = await download.path();
    expect(await readFile(saved)).toEqual(pdf);
    await page.getByRole('status').filter({ hasText: `${opinion.fileName} をダウンロードしました` }).waitFor();

    const auditor = await server.login('auditor1');
    const reads = (await auditor.get(`/api/audit?personId=${ledgerPerson.id}&operation=read`)).body.items as Array<Record<string, unknown>>;
    expect(reads.filter((e) => e.targetDocumentId === `documents:${opinion.id}`)).toEqual([expect.objectContaining({ userId: 'chuo-cm1', result: 'success', centerId: '01' })]);
  });

  it('keeps the list offline and says why the file cannot be fetched', async () => {
    await context.setOffline(true);
    try {
      await expect.poll(() => page.getByText('オフラインのため、書類のファイルを取得できません').count(), slow).toBeGreaterThan(0);
      expect(await documents().innerText()).toContain('主治医意見書（令和7年更新）');
      expect(await saveButton().isDisabled()).toBe(true);
    } finally {
      await context.setOffline(false);
    }
    await expect.poll(() => saveButton().isDisabled(), slow).toBe(false);
  });

  it('pins the file for a home visit: it opens offline from the device, encrypted there, and the opening is audited', async () => {
    expect(await pinButton().isDisabled()).toBe(false);
    await pinButton().click();
    await page.getByRole('status').filter({ hasText: `${opinion.fileName} を端末に保存しました` }).waitFor();
    await unpinButton().waitFor();
    expect(await pinnedOnDevice()).toEqual([opinion.id]);
    // On the disk the bytes are sealed like every personal field: no part of the PDF shows.
    const [stored] = await pinsOnDisk();
    const sealed = Buffer.from(stored!.sealed);
    expect(sealed.length).toBeGreaterThan(pdf.length);
    for (const plain of ['%PDF', '架空の主治医意見書', pdf.toString('base64').slice(0, 12)]) expect(sealed.includes(Buffer.from(plain))).toBe(false);
    expect(JSON.stringify(stored)).not.toContain('架空');

    await context.setOffline(true);
    try {
      await expect.poll(() => page.getByText('端末に保存した書類だけを開けます').count(), slow).toBeGreaterThan(0);
      expect(await pinButton().count()).toBe(0);
      expect(await saveButton().isDisabled()).toBe(false);
      const [download] = await Promise.all([page.waitForEvent('download'), saveButton().click()]);
      expect(await readFile(await download.path())).toEqual(pdf);
    } finally {
      await context.setOffline(false);
    }
    await waitForSync(page);
    const auditor = await server.login('auditor1');
    await expect
      .poll(async () => ((await auditor.get(`/api/audit?personId=${ledgerPerson.id}&operation=read`)).body.items as Array<Record<string, unknown>>).filter((e) => e.menu === 'documents'), slow)
      .toEqual([expect.objectContaining({ userId: 'chuo-cm1', targetDocumentId: `documents:${opinion.id}`, detail: 'pinned', offline: true })]);
  });

  it('lets the file go from the device, and drops the pin by itself when the document leaves the device', async () => {
    await unpinButton().click();
    await page.getByRole('status').filter({ hasText: `${opinion.fileName} を端末から削除しました` }).waitFor();
    expect(await pinnedOnDevice()).toEqual([]);

    await pinButton().click();
    await unpinButton().waitFor();
    const db = await server.server.context.storage.open(centerDatabaseName('documents', '01'));
    const stored = await db.get(opinion.id);
    await db.remove(opinion.id, stored!._rev as string);
    await page.getByText('書類はありません').waitFor(slow);
    await expect.poll(pinnedOnDevice, slow).toEqual([]);
  });

  it('ran without a page error', () => {
    expectNoPageErrors(errors);
  });
});
