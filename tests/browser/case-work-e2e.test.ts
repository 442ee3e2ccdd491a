import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { basicChecklistQuestions } from '../../shared/index';
import { startTestServer, type TestServer } from '../support/server';
import { collectPageErrors, desktopViewport, launchChromium, tabletViewport } from '../support/browser';
import { seedDocuments, serverDocuments } from '../integration/sync/support';
import { expectNoPageErrors, signIn } from './helpers';
import { axe, caseWorkPerson, readPdf, squeeze, choose } from './case-work-support';

// Issue 6, item 8, end to end through the real server and the real sync: on a tablet
// with the network off, a consultation and a complete checklist are recorded; the tablet
// goes online; a colleague of the same center at a PC sees both, writes a prevention
// plan from the checklist, prints it, and the plan's text is in the PDF. The tablet then
// prints the synced plan offline.

let server: TestServer;
let browser: Browser;
const person = caseWorkPerson(11, { name: '架空　ミツ', nameKana: 'カクウ　ミツ' });
const colleague = { id: 'chuo-cm2', password: 'mihon-pass-2026' };
const said = '訪問時、本人より「最近つまずくことが増えた」との話。\n階段は手すりにつかまって昇っている。';
const goal = '近所の公民館の体操教室に一人で歩いて通える';
const clientDist = fileURLToPath(new URL('../../renderer/dist', import.meta.url));

beforeAll(async () => {
  server = await startTestServer();
  await seedDocuments(server, 'persons', [person]);
  const admin = await server.login('it-admin');
  const created = await admin.post('/api/users', { id: colleague.id, displayName: '中央 ケアマネ二号', role: 'careManager', password: colleague.password, centers: ['01'] });
  expect(created.status).toBe(201);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});


async function openPerson(page: Page): Promise<void> {
  const box = page.getByRole('searchbox', { name: '検索' });
  // The person arrives with the first sync.
  await expect
    .poll(async () => {
      await box.fill('');
      await box.fill('かくう');
      return page.getByRole('link', { name: /架空\s*ミツ/ }).count();
    }, { timeout: 60_000, interval: 500 })
    .toBeGreaterThan(0);
  await page.getByRole('link', { name: /架空\s*ミツ/ }).click();
  await page.getByRole('heading', { level: 1, name: /架空/ }).waitFor();
}

/** Every visible control a finger must hit, with its height if under 44 px. */
async function smallTargets(page: Page): Promise<Array<{ text: string; height: number }>> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('main button, main a, main input[type="text"], main input[type="date"], main select, main label.choice'))
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 20) || el.id, height: el.getBoundingClientRect().height }))
      .filter((r) => r.height < 44),
  );
}

describe('the print worker’s CSP', () => {
  it("is the only script the server sends with 'wasm-unsafe-eval'; the page keeps script-src 'self'", async () => {
    const worker = readdirSync(path.join(clientDist, 'assets')).find((name) => /^print\.worker-.*\.js$/.test(name));
    expect(worker).toBeDefined();
    const scriptSrc = (response: Response) => /script-src ([^;]*)/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    const page = await fetch(`${server.url}/`);
    expect(scriptSrc(page)).toBe("'self'");
    expect(await page.text()).not.toContain('wasm-unsafe-eval');
    expect(scriptSrc(await fetch(`${server.url}/assets/${worker}`))).toBe("'self' 'wasm-unsafe-eval'");
    const app = readdirSync(path.join(clientDist, 'assets')).find((name) => /^index-.*\.js$/.test(name));
    expect(scriptSrc(await fetch(`${server.url}/assets/${app}`))).toBe("'self'");
  });
});

describe('case work offline on a tablet, then at a colleague’s PC', () => {
  it('records a consultation and a complete checklist offline, syncs them, and a colleague plans and prints from them', async () => {
    const tablet = await browser.newContext(tabletViewport);
    const tabletErrors = collectPageErrors(tablet);
    const onTablet = await tablet.newPage();
    await onTablet.goto(server.url);
    await signIn(onTablet, 'chuo-cm1');
    await openPerson(onTablet);

    // The network goes: a living room with no connection.
    await tablet.setOffline(true);
    await onTablet.getByRole('link', { name: /相談記録（0件）/ }).click();
    await onTablet.getByRole('link', { name: '相談記録を作成' }).click();
    await onTablet.getByRole('heading', { level: 1, name: /相談記録の新規作成/ }).waitFor();
    await choose(onTablet, /^相談方法/, '訪問');
    await choose(onTablet, /^相談者区分/, '本人');
    await choose(onTablet, /^業務区分/, '介護予防ケアマネジメント');
    await onTablet.getByLabel('相談内容').fill(said);
    await onTablet.getByLabel('対応内容').fill('基本チェックリストを実施した。');
    expect(await smallTargets(onTablet)).toEqual([]);
    await onTablet.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => onTablet.locator('main').innerText()).toContain('保存しました');

    await onTablet.getByRole('link', { name: '台帳に戻る' }).click();
    await onTablet.getByRole('link', { name: /基本チェックリスト（0件）/ }).click();
    await onTablet.getByRole('link', { name: '基本チェックリストを入力' }).click();
    await onTablet.getByRole('heading', { level: 1, name: /基本チェックリストの入力/ }).waitFor();
    await choose(onTablet, /^実施方法/, '訪問');
    // 6, 7 and 9 score (運動機能の低下); everything else answered so that it does not.
    for (const q of basicChecklistQuestions) {
      if (q.scoresOn === 'bmi') continue;
      const scores = [6, 7, 9].includes(q.number);
      const answer = (q.scoresOn === 'yes') === scores ? 'はい' : 'いいえ';
      await onTablet.getByRole('radiogroup', { name: new RegExp(`^${q.number}\\.`) }).getByRole('radio', { name: answer, exact: true }).tap();
    }
    await onTablet.getByLabel('身長', { exact: true }).fill('152');
    await onTablet.getByLabel('体重', { exact: true }).fill('51');
    const judgement = onTablet.getByRole('region', { name: '判定' });
    await expect.poll(() => judgement.innerText()).toContain('事業対象者');
    expect(await smallTargets(onTablet)).toEqual([]);
    expect(await axe(onTablet)).toEqual([]);
    await onTablet.getByRole('button', { name: '保存する' }).click();
    await onTablet.getByRole('heading', { level: 1, name: /^基本チェックリスト/ }).waitFor();
    // Nothing has reached the server while the tablet is offline.
    expect((await serverDocuments(server, 'consultations')).size).toBe(0);
    expect((await serverDocuments(server, 'basicChecklists')).size).toBe(0);

    // Back online: the sync sends both.
    await tablet.setOffline(false);
    await expect.poll(async () => [(await serverDocuments(server, 'consultations')).size, (await serverDocuments(server, 'basicChecklists')).size], { timeout: 90_000, interval: 500 }).toEqual([1, 1]);
    expectNoPageErrors(tabletErrors);

    // A colleague of the same center, at a PC.
    const pc = await browser.newContext(desktopViewport);
    const pcErrors = collectPageErrors(pc);
    const onPc = await pc.newPage();
    await onPc.goto(server.url);
    await signIn(onPc, colleague.id, colleague.password);
    await openPerson(onPc);
    await expect.poll(() => onPc.getByRole('link', { name: /相談記録（1件）/ }).count(), { timeout: 60_000 }).toBe(1);
    await onPc.getByRole('link', { name: /相談記録（1件）/ }).click();
    const consultations = onPc.getByRole('region', { name: '相談記録の一覧' });
    await expect.poll(() => consultations.innerText()).toContain('最近つまずくことが増えた');
    await consultations.getByRole('link').first().click();
    await expect.poll(() => onPc.locator('.long-text').first().evaluate((el) => (el as HTMLElement).innerText)).toBe(said);

    await onPc.getByRole('link', { name: '台帳に戻る' }).click();
    await onPc.getByRole('link', { name: /基本チェックリスト（1件）/ }).click();
    await expect.poll(() => onPc.getByRole('region', { name: '基本チェックリスト' }).innerText()).toContain('事業対象者');

    // A prevention plan from that checklist.
    await onPc.getByRole('link', { name: '台帳に戻る' }).click();
    await onPc.getByRole('link', { name: /ケアプラン（0件）/ }).click();
    await onPc.getByRole('link', { name: '介護予防サービス・支援計画書を作成' }).click();
    await onPc.getByRole('heading', { level: 1, name: /介護予防サービス・支援計画書の作成/ }).waitFor();
    expect(await onPc.getByRole('region', { name: '基本チェックリストの該当数' }).innerText()).toMatch(/運動不足\s+3\/5/);
    await onPc.getByLabel('目標とする生活（1年）').fill('孫の運動会を見に行く。');
    await onPc.getByLabel('運動・移動：現在の状況').fill('最近つまずくことが増え、階段は手すりが必要。');
    await onPc.getByLabel('目標1：目標').fill(goal);
    await onPc.getByLabel('目標1：具体策').fill('通所型サービスで下肢筋力の運動を週1回行う。');
    await onPc.getByRole('button', { name: '保存する' }).click();
    await onPc.getByRole('heading', { level: 1, name: /介護予防サービス・支援計画書 第1版/ }).waitFor();
    expect(await axe(onPc)).toEqual([]);

    const downloading = onPc.waitForEvent('download', { timeout: 120_000 });
    await onPc.getByRole('button', { name: 'PDFを作成' }).click();
    const pdf = await readPdf(await downloading);
    const text = squeeze(pdf.text);
    for (const expected of ['介護予防サービス・支援計画書', goal, '孫の運動会を見に行く。', '架空　ミツ', '運動不足']) expect(text, expected).toContain(squeeze(expected));
    expect(pdf.firstPageInk).toBeGreaterThan(0.01);

    // The print is in the server's audit log once the sync has uploaded it.
    const auditor = await server.login('auditor1');
    await expect
      .poll(async () => (await auditor.get(`/api/audit?personId=${person.id}&operation=print`)).body.items.map((e: { userId: string; menu: string }) => `${e.userId} ${e.menu}`), { timeout: 60_000, interval: 500 })
      .toEqual([`${colleague.id} carePlan`]);
    expectNoPageErrors(pcErrors);

    // The plan reaches the tablet, which prints it with no network at all: the page, the
    // print worker (with its own CSP), the font and HarfBuzz all come from the service
    // worker's cache.
    await onTablet.getByRole('link', { name: '台帳に戻る' }).click();
    await expect.poll(() => onTablet.getByRole('link', { name: /ケアプラン（1件）/ }).count(), { timeout: 60_000 }).toBe(1);
    expect(await onTablet.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await tablet.setOffline(true);
    await onTablet.getByRole('link', { name: /ケアプラン（1件）/ }).click();
    await onTablet.getByRole('link', { name: /第1版/ }).click();
    const offlineDownload = onTablet.waitForEvent('download', { timeout: 120_000 });
    await onTablet.getByRole('button', { name: 'PDFを作成' }).tap();
    expect(squeeze((await readPdf(await offlineDownload)).text)).toContain(squeeze(goal));
    expectNoPageErrors(tabletErrors);
  });
});
