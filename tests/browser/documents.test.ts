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
// the file cannot be fetched.

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
const saveButton = () => documents().getByRole('button', { name: `${opinion.fileName} を保存` });

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

  it('ran without a page error', () => {
    expectNoPageErrors(errors);
  });
});
