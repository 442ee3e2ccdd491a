import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, testPerson, type TestServer } from '../support/server';
import { collectPageErrors, desktopViewport, launchChromium } from '../support/browser';
import { auditDocumentId } from '../../server/audit/chain';
import { demoPassword, expectNoPageErrors, localRecords, rawIndexedDb, seedServer, signIn, slow, submitLogin, waitForSync } from './helpers';

// The auditor's client (issue 3 item 5, DESIGN.md roles): the audit log and statistics
// read from the server, and no case content on the auditor's machine.

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startTestServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function axe(page: Page): Promise<string[]> {
  return (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const watched = testPerson(1, '01', { name: '監査 対象子', nameKana: 'カンサ タイショウコ', nameKanaKey: 'カンサタイショウコ' });
const menu = (page: Page) => page.getByRole('navigation', { name: 'メインメニュー' });
const results = (page: Page) => page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '対象文書' }) });

describe('the auditor', () => {
  it('reads, pages, verifies and exports the audit log, and keeps no case data once they no longer read cases', async () => {
    await seedServer(server, { persons: [watched] });
    // A care manager reads the person's ledger 55 times: more than one page of the log.
    const careManager = await server.login('chuo-cm1');
    for (let i = 0; i < 55; i += 1) expect((await careManager.get(`/api/persons/${watched.id}`)).status).toBe(200);

    // For a while the auditor also did case work at 中央: the union of both roles' screens, and a local store.
    const admin = await server.login('it-admin');
    const auditorPermissions = ['audit.read', 'audit.export', 'statistics.read'];
    expect((await admin.patch('/api/users/auditor1', { permissions: [...auditorPermissions, 'case.read'], centers: ['01'] })).status).toBe(200);
    const context = await browser.newContext({ ...desktopViewport, acceptDownloads: true });
    const errors = collectPageErrors(context);
    const page = await context.newPage();
    await page.goto(server.url);
    await signIn(page, 'auditor1');
    await waitForSync(page);
    const both = await menu(page).getByRole('link').allInnerTexts();
    expect(both[0]).toBe('検索');
    expect(both).toEqual(expect.arrayContaining(['検索', '同期の要対応', '監査ログ', '統計']));
    expect(await page.getByRole('banner').innerText()).toContain('（中央）');
    expect((await rawIndexedDb(page)).databases.some((name) => name.includes('kizuna-u'))).toBe(true);
    await page.getByRole('button', { name: 'ログアウト' }).click();
    expect((await admin.patch('/api/users/auditor1', { permissions: auditorPermissions, centers: [] })).status).toBe(200);

    // From here on, an auditor only.
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    await page.getByLabel('パスワード').fill(demoPassword);
    await page.getByRole('button', { name: 'ログイン' }).click();

    // Lands on the audit log; the menu holds the auditor's screens only, the header no empty "()".
    await page.getByRole('heading', { level: 1, name: '監査ログ' }).waitFor({ timeout: slow.timeout });
    expect(await menu(page).getByRole('link').allInnerTexts()).toEqual(['監査ログ', '統計', '端末の設定']);
    const banner = await page.getByRole('banner').innerText();
    expect(banner).not.toMatch(/（）|\(\)/);
    expect(page.url()).toMatch(/#\/(audit)?$/);

    await expect.poll(() => page.getByRole('region', { name: 'ハッシュ連鎖の検証' }).innerText(), slow).toMatch(/正常: [\d,]+ 件/);
    // The test server has no audit key, and the auditor is told what that leaves unchecked.
    expect(await page.getByRole('region', { name: 'ハッシュ連鎖の検証' }).innerText()).toContain('署名は確認していません');

    // The care manager's reads of this person: 50 on the first page, the rest behind 次へ.
    await page.getByLabel('ユーザーID').fill('chuo-cm1');
    await page.getByLabel('対象者ID').fill(watched.id);
    await page.getByLabel('操作').selectOption({ label: '閲覧' });
    await page.getByLabel('期間（開始）').fill('令和元年5月1日');
    await expect.poll(() => page.locator('.field').filter({ hasText: '期間（開始）' }).innerText()).toContain('令和元年5月1日 として検索します');
    await page.getByLabel('期間（開始）').press('Enter'); // the keyboard alone runs the search
    // Until the filtered page arrives, the unfiltered one (the auditor's own sign-in first) may still show.
    const rows = () => results(page).locator('tbody tr').allInnerTexts();
    await expect.poll(async () => (await rows()).filter((row) => row.includes(watched.id)).length, slow).toBe(50);
    await page.getByRole('heading', { name: '1ページ目（50件）' }).waitFor();
    const firstPage = await rows();
    expect(firstPage).toHaveLength(50);
    for (const row of firstPage) expect(row).toMatch(new RegExp(`chuo-cm1[\\s\\S]*中央[\\s\\S]*閲覧[\\s\\S]*${watched.id}[\\s\\S]*成功`));
    expect(firstPage[0]).toMatch(/令和\d+年\d+月\d+日 \d\d:\d\d:\d\d[\s\S]*UTC \d{4}-\d\d-\d\dT/);
    await page.getByRole('button', { name: '次へ' }).click();
    await page.getByRole('heading', { name: '2ページ目（5件）' }).waitFor();
    expect(await page.getByRole('button', { name: '次へ' }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);

    // CSV of the same filters, in both encodings: the same Japanese text.
    const download = async (label: RegExp) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
      return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
    };
    const utf8 = await download(/UTF-8/);
    const cp932 = await download(/CP932/);
    expect(utf8.name).toMatch(/^監査ログ_\d{8}-\d{6}_UTF-8\.csv$/);
    expect(cp932.name).toMatch(/^監査ログ_\d{8}-\d{6}_CP932\.csv$/);
    expect([...utf8.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = utf8.bytes.subarray(3).toString('utf8');
    expect(text.split(/\r?\n/).filter((line) => line.includes(watched.id) && line.includes('閲覧'))).toHaveLength(55);
    expect(text).toContain('連番');
    expect(cp932.bytes[0]).not.toBe(0xef);
    expect(iconv.decode(cp932.bytes, 'cp932')).toBe(text);
    await expect.poll(() => page.getByRole('status').filter({ hasText: /を保存しました/ }).count()).toBe(1);

    // A date the calendar does not have is named on its field, and nothing is asked.
    await page.getByLabel('期間（終了）').fill('令和8年2月30日');
    await page.getByRole('button', { name: '検索する' }).click();
    expect(await page.locator('.field').filter({ hasText: '期間（終了）' }).locator('.field-error').innerText()).toContain('期間（終了）を日付として読めません');

    // What the server refuses is named on the field it names.
    await page.getByLabel('期間（終了）').fill('');
    await page.getByLabel('ユーザーID').fill('x'.repeat(41));
    await page.getByRole('button', { name: '検索する' }).click();
    await expect.poll(() => page.locator('.field').filter({ has: page.getByLabel('ユーザーID') }).locator('.field-error').allInnerTexts(), slow).toEqual([expect.stringContaining('ユーザーID')]);

    // Statistics: counts per center, no person.
    await menu(page).getByRole('link', { name: '統計' }).click();
    await page.getByRole('heading', { level: 1, name: '統計' }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /中央 / }).first().innerText(), slow).toMatch(/中央\s+1 人/);
    expect(await page.locator('main').innerText()).not.toContain(watched.name);
    expect(await axe(page)).toEqual([]);

    // Case screens are not theirs, even by address.
    await page.goto(`${server.url}/#/search`);
    await page.getByRole('heading', { level: 1, name: 'この画面は利用できません' }).waitFor();

    // Nothing of case content on this machine: the old store is gone, no replication.
    const raw = await rawIndexedDb(page);
    expect(raw.databases.filter((name) => name.includes('kizuna-u') || name.startsWith('rxdb'))).toEqual([]);
    expect(await localRecords(page)).not.toContain('kizuna.user.auditor1');
    expect(raw.text).not.toContain(watched.id);
    expect(requests.filter((url) => url.includes('/api/replication') || url.includes('/api/persons'))).toEqual([]);

    // Offline, the screen says it plainly instead of showing stale or empty data.
    await menu(page).getByRole('link', { name: '監査ログ' }).click();
    await page.getByRole('heading', { level: 1, name: '監査ログ' }).waitFor();
    await context.setOffline(true);
    await page.getByRole('button', { name: '再検証する' }).click();
    await expect.poll(() => page.locator('main').innerText(), slow).toContain('ネットワークに接続されていないため');
    await context.setOffline(false);

    // Every read of the log by the auditor is itself in the log.
    const auditor = await server.login('auditor1');
    const own = (await auditor.get('/api/audit?userId=auditor1&operation=export')).body.items as Array<{ detail?: string }>;
    expect(own.map((e) => e.detail).filter((d) => d?.includes(`personId=${watched.id}`))).toHaveLength(2);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('is told first thing, and prominently, which entry breaks a chain someone edited on disk', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kizuna-audit-ui-'));
    try {
      const before = await startTestServer({ dataDir });
      await seedServer(before, { persons: [watched] });
      const careManager = await before.login('chuo-cm1');
      for (let i = 0; i < 3; i += 1) await careManager.get(`/api/persons/${watched.id}`);
      await before.close();
      // Past the server, straight into the stored log: entry 2 now names another user.
      const db = new PouchDB<Record<string, unknown>>(path.join(dataDir, 'db', 'audit'));
      await db.put({ ...(await db.get(auditDocumentId(2))), userId: 'minami-cm1' });
      await db.close();

      const after = await startTestServer({ dataDir });
      const context = await browser.newContext(desktopViewport);
      const page = await context.newPage();
      await page.goto(after.url);
      await submitLogin(page, 'auditor1');
      const chain = page.getByRole('region', { name: 'ハッシュ連鎖の検証' });
      await chain.getByRole('alert').waitFor({ timeout: slow.timeout });
      expect(await chain.getByRole('alert').innerText()).toBe(`異常: 監査ログの改ざんまたは欠落を検出しました。最初の不正な記録は ID ${auditDocumentId(2)}（連番 2）: 内容が書き換えられています。`);
      expect(await axe(page)).toEqual([]);
      await context.close();
      await after.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
