import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server';
import { collectPageErrors, desktopViewport, launchChromium, tabletViewport } from '../support/browser';
import { demoPassword, expectNoPageErrors, localRecords, openStoreHarness, rawIndexedDb, seedServer, signIn, slow, submitLogin, waitForSync } from './helpers';
import { centerPersons, ledgerPerson } from './fixtures';
import { choose } from './case-work-support';
import { serverDocuments } from '../integration/sync/support';

// Sign-in as the device lives it: offline after one online visit (the PWA), idle lock,
// the offline lease, revocation, a password changed elsewhere, an unregistered device.

let browser: Browser;
const servers: TestServer[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close().catch(() => undefined)));
});

async function server(config: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const started = await startTestServer(config);
  servers.push(started);
  return started;
}

async function axe(page: Page): Promise<string[]> {
  return (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const loginMessage = (page: Page) => page.locator('main').innerText();

async function newContext(options = desktopViewport): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(options);
  const errors = collectPageErrors(context);
  return { context, page: await context.newPage(), errors };
}

describe('sign-in on a device', () => {
  // Issue 5 item 3: after one online visit, reload, unlock, search, open a person and
  // write a consultation with no network and no server; once online, the consultation
  // and the offline read reach the server.
  it('after one online visit, works with the network off and the server gone, and what it did offline reaches the server afterwards', async () => {
    // A data folder of our own, so the server can come back with the same data and port.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kizuna-offline-'));
    const central = await server({ dataDir });
    await seedServer(central, { persons: [ledgerPerson, ...centerPersons(50)] });
    const { context, page, errors } = await newContext(tabletViewport);
    await page.goto(central.url);
    await signIn(page, 'chuo-cm1');
    await waitForSync(page);
    // The service worker has precached the app once it controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), slow).toBe(true);

    await central.close();
    await context.setOffline(true);
    await page.reload();
    await page.getByLabel('ユーザーID').waitFor();
    expect(await loginMessage(page)).toContain('ネットワークに接続されていません');

    await submitLogin(page, 'chuo-cm1', 'wrong password');
    await expect.poll(() => page.getByRole('alert').allInnerTexts(), slow).toContain('ユーザーIDまたはパスワードが正しくありません');

    await signIn(page, 'chuo-cm1');
    expect(await page.getByRole('banner').innerText()).toContain('オフラインで利用中');
    expect(await page.getByRole('region', { name: '同期の状態' }).innerText()).toMatch(/オフライン[\s\S]*未同期/);
    await page.getByRole('searchbox', { name: '検索' }).fill('かくう');
    await page.getByRole('link', { name: /架空/ }).click();
    await page.getByRole('heading', { level: 1, name: /架空/ }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain('要支援2');

    // A consultation written in the living room, with no network: it waits on the tablet.
    const saidOffline = '電話がつながらないため自宅を訪問。\n本人は元気で、食事も取れている。';
    await page.getByRole('link', { name: /相談記録（\d+件）/ }).click();
    await page.getByRole('link', { name: '相談記録を作成' }).click();
    await page.getByRole('heading', { level: 1, name: /相談記録の新規作成/ }).waitFor();
    await choose(page, /^相談方法/, '訪問');
    await choose(page, /^相談者区分/, '本人');
    await choose(page, /^業務区分/, '総合相談');
    await page.getByLabel('相談内容').fill(saidOffline);
    await page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => page.locator('main').innerText(), slow).toContain('保存しました');
    await page.getByRole('link', { name: '台帳に戻る' }).click();
    await page.getByRole('heading', { level: 1, name: /架空/ }).waitFor();

    // The server returns on the same address; the device goes online and signs in again to sync.
    const again = await server({ dataDir, config: { port: Number(new URL(central.url).port) } });
    await context.setOffline(false);
    const backOnlineAt = new Date().toISOString();
    await page.getByRole('button', { name: 'サーバーに接続して同期' }).click();
    expect(await loginMessage(page)).toContain('サーバーと同期するため、もう一度ログインしてください');
    await page.getByLabel('パスワード').fill(demoPassword);
    await page.getByRole('button', { name: 'ログイン' }).click();
    // Back where the user was: the ledger, now with the server behind it.
    await page.getByRole('heading', { level: 1, name: /架空/ }).waitFor();
    await waitForSync(page);
    const auditor = await again.login('auditor1');
    // The reads made offline, recorded on the tablet, now in the server's chain. (Showing
    // the ledger again after the new sign-in is a read of its own, made online.)
    const offlineReads = async () =>
      ((await auditor.get(`/api/audit?personId=${ledgerPerson.id}&operation=read`)).body.items as Array<Record<string, unknown>>).filter(
        (e) => e.menu === 'ledger' && String(e.at) < backOnlineAt,
      );
    // Two offline reads: the ledger opened from the search, and again after the consultation.
    await expect.poll(async () => (await offlineReads()).length, slow).toBe(2);
    // The consultation written offline is on the server, line breaks and all.
    const synced = async () => [...(await serverDocuments(again, 'consultations')).values()].filter((c) => c.personId === ledgerPerson.id && c.content === saidOffline);
    await expect.poll(async () => (await synced()).length, slow).toBe(1);
    expectNoPageErrors(errors);
    await context.close();
    await again.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a first sign-in on this device while the server cannot be reached', async () => {
    const central = await server();
    const { context, page } = await newContext();
    await page.goto(central.url);
    await page.getByLabel('ユーザーID').waitFor();
    await context.route(`${central.url}/api/**`, (route) => route.abort('connectionrefused'));
    await submitLogin(page, 'minami-cm1');
    await expect.poll(() => page.getByRole('alert').allInnerTexts(), slow).toContain('サーバーに接続できません。この端末で初めてログインするには、ネットワークへの接続が必要です。');
    await context.close();
  });

  it('locks after ten idle minutes and after the offline lease, and opens again online', async () => {
    const central = await server();
    const { context, page, errors } = await newContext();
    await page.clock.install();
    await page.goto(central.url);
    await signIn(page, 'chuo-cm1');

    await page.clock.fastForward(9 * 60_000);
    expect(await page.getByRole('searchbox', { name: '検索' }).isVisible()).toBe(true);
    await page.clock.fastForward(90_000);
    await page.getByLabel('パスワード').waitFor();
    expect(await loginMessage(page)).toContain('一定時間操作がなかったため、画面をロックしました');
    expect(await page.getByLabel('ユーザーID').inputValue()).toBe('chuo-cm1');
    expect(await axe(page)).toEqual([]);

    // Fifteen days on, away from the server: the lease (14 days) has run out.
    await page.clock.fastForward(15 * 24 * 60 * 60_000);
    await context.route(`${central.url}/api/**`, (route) => route.abort('connectionrefused'));
    await page.getByLabel('パスワード').fill(demoPassword);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect.poll(() => loginMessage(page), slow).toContain('最後の同期から期限（14日）を過ぎたため、この端末のデータはロックされています');

    // Back on the network, the server vouches for the device again and the data opens.
    await context.unroute(`${central.url}/api/**`);
    await signIn(page, 'chuo-cm1');
    expectNoPageErrors(errors);
    await context.close();
  });

  it('wipes every local database and record when the server says this device is revoked', async () => {
    const central = await server();
    const { context, page } = await newContext();
    await page.goto(central.url);
    await seedServer(central, { persons: [ledgerPerson] });
    await signIn(page, 'chuo-cm1');
    await waitForSync(page);
    expect((await rawIndexedDb(page)).text).toContain(ledgerPerson.residentCode);
    const deviceId = await page.evaluate(() => (JSON.parse(localStorage.getItem('kizuna.device') ?? '{}') as { id: string }).id);

    const admin = await central.login('it-admin');
    expect((await admin.post(`/api/devices/${deviceId}/revoke`)).status).toBe(200);

    await page.getByRole('button', { name: 'ロック' }).click();
    await page.getByLabel('パスワード').fill(demoPassword);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect.poll(() => loginMessage(page), slow).toContain('この端末は利用停止されたため、端末内のデータを消去しました');
    expect((await rawIndexedDb(page)).databases.filter((name) => name.startsWith('rxdb-dexie-kizuna-'))).toEqual([]);
    expect(await localRecords(page)).toEqual([]);
    await context.close();
  });

  it('keeps the local data through a password changed elsewhere, once the previous password is given', async () => {
    const central = await server();
    const admin = await central.login('it-admin');
    const created = await admin.post('/api/users', { id: 'chuo-cm9', displayName: '中央 ケアマネ九号', role: 'careManager', password: 'first-password-1', centers: ['01'] });
    expect(created.status).toBe(201);
    const { context, page } = await newContext();
    await page.goto(central.url);
    await seedServer(central, { persons: [ledgerPerson] });
    await signIn(page, 'chuo-cm9', 'first-password-1');
    await waitForSync(page);
    // A draft lives only on this device: finding it again proves the same store reopened.
    const store = await openStoreHarness(context, central.url);
    const draft = { id: 'draft-1', kind: 'consultations', personId: ledgerPerson.id, centerId: '01', data: { content: '下書きの相談内容' }, userId: 'chuo-cm9', updatedAt: '2026-10-01T09:00:00.000Z' };
    await store.put('chuo-cm9', 'drafts', [draft], 'first-password-1');
    await page.getByRole('button', { name: 'ログアウト' }).click();

    const user = await central.login('chuo-cm9', { password: 'first-password-1' });
    expect((await user.post('/api/auth/password', { currentPassword: 'first-password-1', newPassword: 'second-password-2' })).status).toBe(200);

    await submitLogin(page, 'chuo-cm9', 'second-password-2');
    await page.getByRole('heading', { name: 'パスワードが変更されています' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('以前のパスワード').fill('not-it');
    await page.getByRole('button', { name: 'データを開く' }).click();
    await expect.poll(() => page.locator('main').innerText(), slow).toContain('以前のパスワードが正しくありません');
    await page.getByLabel('以前のパスワード').fill('first-password-1');
    await page.getByRole('button', { name: 'データを開く' }).click();
    await page.getByRole('searchbox', { name: '検索' }).waitFor();
    expect(await store.read('chuo-cm9', 'drafts', 'second-password-2')).toEqual([expect.objectContaining({ data: { content: '下書きの相談内容' } })]);
    await store.close();

    // From now on the new password alone opens the data, offline too.
    await page.getByRole('button', { name: 'ロック' }).click();
    await context.route(`${central.url}/api/**`, (route) => route.abort('connectionrefused'));
    await signIn(page, 'chuo-cm9', 'second-password-2');
    await page.getByRole('searchbox', { name: '検索' }).fill('かくう');
    await page.getByRole('link', { name: /架空/ }).waitFor();
    await context.close();
  });

  it('in the desktop shell, asks once for the server URL through the preload bridge', async () => {
    const central = await server();
    const { context, page, errors } = await newContext();
    // The Electron binary cannot run here: its preload API is injected (main/preload-api.ts),
    // answering as the real bridge does, and reloading the window after a good URL.
    await context.addInitScript(() => {
      const saved = () => sessionStorage.getItem('fake-bridge-url');
      Object.defineProperty(window, 'kizuna', {
        value: {
          getServerUrl: () => Promise.resolve(saved()),
          setServerUrl: (url: string) => {
            if (!/^https?:\/\/[^/]+$/.test(url)) return Promise.resolve({ ok: false, message: 'サーバーのURLは http:// または https:// で始まるURLで入力してください' });
            sessionStorage.setItem('fake-bridge-url', url);
            setTimeout(() => location.reload(), 0);
            return Promise.resolve({ ok: true, serverUrl: url });
          },
          printToPdf: () => Promise.resolve({ status: 'canceled' }),
        },
      });
    });
    await page.goto(central.url);
    await page.getByRole('heading', { name: 'サーバーの設定' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('サーバーのURL').fill('kizuna.example');
    await page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => page.locator('main').innerText(), slow).toContain('http:// または https:// で始まる');
    await page.getByLabel('サーバーのURL').fill(central.url);
    await page.getByRole('button', { name: '保存する' }).click();
    await signIn(page, 'chuo-cm1');
    expect(await page.locator('main').innerText()).not.toContain('サーバーの設定');
    expect(await page.getByText(`接続先: ${central.url}`).count()).toBe(0); // signed in: the login screen is gone
    expectNoPageErrors(errors);
    await context.close();
  });

  it('asks for the device registration when the server requires registered devices', async () => {
    const central = await server({ config: { demo: true, requireRegisteredDevice: true } });
    const { context, page } = await newContext();
    await page.goto(central.url);
    await submitLogin(page, 'chuo-cm1');
    await page.getByRole('heading', { name: '端末の登録' }).waitFor();
    expect(await axe(page)).toEqual([]);

    const admin = await central.login('it-admin');
    const registered = await admin.post('/api/devices', { name: '中央センター PC 3', kind: 'pc', centerId: '01' });
    expect(registered.status).toBe(201);
    await page.getByLabel('端末トークン').fill('short');
    await page.getByRole('button', { name: '登録する' }).click();
    await expect.poll(() => page.locator('main').innerText(), slow).toContain('端末トークンの形式が正しくありません');
    await page.getByLabel('端末ID').fill(registered.body.device.id);
    await page.getByLabel('端末トークン').fill(registered.body.token);
    await page.getByRole('button', { name: '登録する' }).click();
    await signIn(page, 'chuo-cm1');
    await context.close();
  });
});
