import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, tabletViewport } from '../support/browser';
import { expectNoPageErrors, rawIndexedDb, seedServer, signedInPage, signIn, slow, submitLogin, waitForSync } from './helpers';
import { centerPersons, clinic, householdSpouse, ledgerPerson } from './fixtures';

// A care manager of center 01 on a PC: sign in online, the sync brings the center's
// persons into the encrypted store, search them every way staff type, open a ledger by
// keyboard alone, and the ledger's audit entry reaches the server's log.

let server: TestServer;
let browser: Browser;
let page: Page;
let errors: string[];
const persons = [ledgerPerson, householdSpouse, ...centerPersons(300)];

beforeAll(async () => {
  server = await startTestServer();
  // Another center's person, which must never reach this device.
  await seedServer(server, { persons: [...persons, { ...ledgerPerson, id: 'person-9300000001', residentCode: '9300000001', centerId: '03', name: '南部　トミ' }], masters: [clinic] });
  browser = await launchChromium();
  ({ page, errors } = await signedInPage(browser, server.url, 'chuo-cm1'));
  await waitForSync(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const box = () => page.getByRole('searchbox', { name: '検索' });
const resultNames = () => page.getByRole('table', { name: '検索結果' }).getByRole('link');

async function search(query: string): Promise<string[]> {
  await box().fill(query);
  await page.locator(`[data-query="${query.replace(/"/g, '\\"')}"]`).waitFor();
  return resultNames().allInnerTexts();
}

async function axe(target: Page) {
  return (await new AxeBuilder({ page: target }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('person search and ledger', () => {
  it('finds the person by kana in any script and width, by kanji, by number and by a 和暦 or 西暦 birth date', async () => {
    const name = /架空\s*トミ/;
    for (const query of ['かくう', 'カクウ　トミ', 'ｶｸｳ', '架空', '9100000001', '0091000001', '昭和13年5月3日', 'S13.5.3', '1938/05/03', 'かくう S13']) {
      const found = await search(query);
      expect(found.some((text) => name.test(text)), `${query} → ${found.join(' / ')}`).toBe(true);
    }
    expect(await search('かくう S14')).toEqual([]);
    expect(await search('9300000001')).toEqual([]); // center 03's person stayed on the server
  });

  it('opens the ledger from the search by keyboard alone, and its audit entry reaches the server', async () => {
    await page.goto(`${server.url}/#/search`);
    await box().waitFor();
    await page.keyboard.press('Tab'); // focus starts in the box (autofocus); Tab and back proves it is reachable
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')), slow).toBe('search');
    await page.keyboard.type('かくうとみ');
    await page.locator('[data-query="かくうとみ"]').waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), slow).toContain('架空');
    await page.keyboard.press('Enter');

    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent(), slow).toContain('架空　トミ');
    const expected = ['昭和13年5月3日', '要支援2', '令和7年4月1日〜令和9年3月31日', '要支援1', 'キーパーソン・緊急連絡先', '架空　一夫', 'ひかり野見本クリニック', '中央', '週2回の見守り訪問あり', '10,531単位'];
    // The institution's name comes from the masters a moment after the ledger itself.
    await expect.poll(async () => {
      const ledger = await page.locator('main').innerText();
      return expected.filter((text) => !ledger.includes(text));
    }, slow).toEqual([]);

    // Written to the local store at the open, uploaded by the sync, chained by the server.
    const auditor = await server.login('auditor1');
    const ledgerReads = async () =>
      ((await auditor.get(`/api/audit?personId=${ledgerPerson.id}&operation=read`)).body.items as Array<Record<string, unknown>>).filter((e) => e.menu === 'ledger');
    await expect.poll(async () => (await ledgerReads()).length, slow).toBe(1);
    const [entry] = await ledgerReads();
    const deviceId = await page.evaluate(() => (JSON.parse(localStorage.getItem('kizuna.device') ?? '{}') as { id?: string }).id);
    expect(entry).toMatchObject({ userId: 'chuo-cm1', deviceId, centerId: '01', result: 'success', targetDocumentId: `persons:${ledgerPerson.id}` });
    expect(entry?.hash).toMatch(/^[0-9a-f]{64}$/);

    // Back to the results it came from, by keyboard.
    await page.getByRole('link', { name: '検索に戻る' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => box().inputValue(), slow).toBe('かくうとみ');
  });

  it('links the persons of one household to each other, and only those on this device', async () => {
    const members = () => page.getByRole('table', { name: '同じ世帯で、この端末に台帳がある方' });
    await page.goto(`${server.url}/#/persons/${ledgerPerson.id}`);
    // Center 03's copy shares the household number but never reached this device.
    await expect.poll(() => members().innerText(), slow).toContain('架空　正男');
    expect(await members().getByRole('link').allInnerTexts()).toEqual(['架空　正男']);
    expect(await members().innerText()).toContain('夫');
    await members().getByRole('link', { name: '架空　正男' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), slow).toContain('架空　正男');
    await expect.poll(() => members().getByRole('link').allInnerTexts(), slow).toEqual(['架空　トミ']);
  });

  it('keeps names, kana, addresses and record text out of the raw IndexedDB', async () => {
    const raw = await rawIndexedDb(page);
    expect(raw.databases.length).toBeGreaterThan(0);
    // Proof the data was read at all: the resident code is stored plain, as the index.
    expect(raw.text).toContain(ledgerPerson.residentCode);
    const secrets = ['架空', 'カクウ', 'ひかり野市本町', 'ひかり荘', '0999-11-2233', '週2回の見守り訪問', '長男', '1938-05-03'];
    for (const person of persons.slice(1, 20)) secrets.push(person.name, person.nameKana, person.address ?? person.name);
    for (const secret of secrets) expect(raw.text.includes(secret), secret).toBe(false);
  });

  it('has no accessibility violations on the search, ledger and sync screens', async () => {
    await page.goto(`${server.url}/#/search`);
    await search('やま');
    expect(await axe(page)).toEqual([]);
    await page.goto(`${server.url}/#/persons/${ledgerPerson.id}`);
    await page.getByRole('heading', { name: /架空/ }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.goto(`${server.url}/#/sync`);
    await page.getByRole('heading', { name: '同期の要対応' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.goto(`${server.url}/#/settings`);
    await page.getByRole('heading', { name: '端末の設定' }).waitFor();
    expect(await axe(page)).toEqual([]);
  });

  it('lets the idle lock be set on this device, within bounds', async () => {
    await page.goto(`${server.url}/#/settings`);
    const minutes = page.getByLabel('自動ロックまでの時間（分）');
    expect(await minutes.inputValue()).toBe('10');
    await minutes.fill('0');
    await page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('自動ロックまでの時間は 1〜60 の整数（分）で入力してください');
    await minutes.fill('１５');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
    await page.reload(); // a reload locks: the data key lives only in memory
    await submitLogin(page, 'chuo-cm1');
    await page.getByRole('heading', { name: '端末の設定' }).waitFor();
    expect(await page.getByLabel('自動ロックまでの時間（分）').inputValue()).toBe('15');
  });

  it('gives tablet users large touch targets and a readable login screen', async () => {
    const tablet = await browser.newContext(tabletViewport);
    const tabletPage = await tablet.newPage();
    await tabletPage.goto(server.url);
    await tabletPage.getByLabel('ユーザーID').waitFor();
    expect(await axe(tabletPage)).toEqual([]);
    await signIn(tabletPage, 'chuo-cm1');
    await waitForSync(tabletPage);
    await tabletPage.getByRole('searchbox', { name: '検索' }).fill('かくう');
    await tabletPage.getByRole('link', { name: /架空\s*トミ/ }).waitFor();
    const small = await tabletPage.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('a, button, input'))
        .filter((el) => el.getClientRects().length > 0 && !el.classList.contains('skip-link'))
        .map((el) => ({ text: el.textContent?.trim() || el.getAttribute('type') || el.tagName, ...el.getBoundingClientRect().toJSON() }))
        .filter((r) => r.height < 44),
    );
    expect(small).toEqual([]);
    await tablet.close();
  });

  it('ran without a page error', () => {
    expectNoPageErrors(errors);
  });
});
