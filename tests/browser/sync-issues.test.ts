import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Conflict, Consultation } from '../../shared/index';
import { centerDatabaseName } from '../../server/storage/names';
import { startTestServer, testPerson, type TestServer } from '../support/server';
import { collectPageErrors, desktopViewport, launchChromium, tabletViewport } from '../support/browser';
import { seedDocuments, testConsultation } from '../integration/sync/support';
import { expectNoPageErrors, openStoreHarness, signIn, slow, waitForSync, type StoreHarness } from './helpers';
import { axe } from './case-work-support';

// Issues 4.4 and 5.7 in Chromium against the real server and the real sync: two care
// managers of 中央 correct the same consultation offline; the edit that reached the server
// second loses and becomes a conflict; one of them resolves it by keyboard alone, taking
// the losing text for one field; both devices end with the resolved record. A change the
// server refuses is shown with its Japanese reason and discarded, after which the record
// is the server's version again; another is reopened in the record's form, corrected and
// sent; a refusal because the person moved offers only discarding.

let server: TestServer;
let browser: Browser;
const person = testPerson(21, '01', { name: '架空　ウメ', nameKana: 'カクウ　ウメ' });
const record = testConsultation(21, person.id, '01', { content: '長女より電話があった。', response: '訪問を予定。' });
const colleague = { id: 'chuo-cm2', password: 'mihon-pass-2026' };
const contentA = '長女より電話。\n最近、物忘れが増えたとのこと。';
const responseA = '10月3日に訪問する。';
const contentB = '長女より電話。\n通帳が見当たらないとのこと。\n金銭管理の相談も希望。';
const responseB = '翌週に訪問する。';

beforeAll(async () => {
  server = await startTestServer();
  await seedDocuments(server, 'persons', [person]);
  await seedDocuments(server, 'consultations', [record]);
  const admin = await server.login('it-admin');
  const created = await admin.post('/api/users', { id: colleague.id, displayName: '中央 ケアマネ二号', role: 'careManager', password: colleague.password, centers: ['01'] });
  expect(created.status).toBe(201);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function stored<T>(collection: 'consultations' | 'conflicts', id?: string): Promise<T[]> {
  const db = await server.server.context.storage.open(centerDatabaseName(collection, '01'));
  const rows = await db.allDocs({ includeDocs: true });
  return rows.flatMap((row) => (row.doc && (id === undefined || row.doc._id === id) ? [row.doc as unknown as T] : []));
}

/** A document's own fields, without storage's `_id`/`_rev` or RxDB's bookkeeping. */
const plain = (doc: object | undefined): Record<string, unknown> => Object.fromEntries(Object.entries(doc ?? {}).filter(([key]) => !key.startsWith('_')));

const serverRecord = async (): Promise<Consultation | undefined> => (await stored<Consultation>('consultations', record.id))[0];

/** In-app navigation (no reload: works offline too). */
async function go(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await page.evaluate((to) => {
    location.hash = to;
  }, path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor(slow);
}

const statusBar = (page: Page) => page.getByRole('region', { name: '同期の状態' });

async function correctOffline(page: Page, content: string, response: string): Promise<void> {
  await go(page, `/persons/${person.id}/consultations/${record.id}/edit`, /相談記録の訂正/);
  await page.getByLabel('相談内容').fill(content);
  await page.getByLabel('対応内容').fill(response);
  await page.getByRole('button', { name: '保存する' }).click();
  await expect.poll(() => page.locator('main').innerText(), slow).toContain('保存しました');
}

/** Presses Tab until `target` has the focus: the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the control');
}

async function signedIn(context: BrowserContext, userId: string, password?: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.url);
  await signIn(page, userId, password);
  await waitForSync(page);
  return page;
}

describe('sync conflicts and refused changes', () => {
  let pc: BrowserContext;
  let onPc: Page;
  let pcErrors: string[];

  it('turns two offline corrections of one field into a conflict that a person resolves by keyboard, field by field', async () => {
    pc = await browser.newContext(desktopViewport);
    pcErrors = collectPageErrors(pc);
    const tablet = await browser.newContext(tabletViewport);
    const tabletErrors = collectPageErrors(tablet);
    onPc = await signedIn(pc, 'chuo-cm1');
    const onTablet = await signedIn(tablet, colleague.id, colleague.password);

    // Both offline, both correct the same record's texts.
    await pc.setOffline(true);
    await tablet.setOffline(true);
    await correctOffline(onPc, contentA, responseA);
    await correctOffline(onTablet, contentB, responseB);

    // The PC's correction reaches the server first; the tablet's then loses both fields.
    await pc.setOffline(false);
    await expect.poll(async () => (await serverRecord())?.content, slow).toBe(contentA);
    await tablet.setOffline(false);
    await expect.poll(async () => (await stored<Conflict>('conflicts')).length, slow).toBe(1);
    const [recorded] = await stored<Conflict>('conflicts');
    expect(recorded).toMatchObject({ collectionName: 'consultations', documentId: record.id, createdBy: colleague.id });
    expect(recorded?.fields).toEqual(expect.arrayContaining(['content', 'response']));

    // Both devices are told, live.
    for (const page of [onPc, onTablet]) await statusBar(page).getByRole('link', { name: '競合 1件' }).waitFor(slow);
    await statusBar(onPc).getByRole('link', { name: '競合 1件' }).click();
    await onPc.getByRole('heading', { level: 1, name: '同期の要対応' }).waitFor();
    const conflicts = onPc.getByRole('region', { name: '競合した変更' });
    await expect.poll(() => conflicts.innerText(), slow).toContain('架空　ウメ');
    expect(await conflicts.innerText()).toContain('相談内容');
    expect(await axe(onPc)).toEqual([]);
    await conflicts.getByRole('link', { name: /相談記録/ }).click();
    await onPc.getByRole('heading', { level: 1, name: '競合した変更の解決' }).waitFor(slow);

    // Side by side, with line breaks as written, the collided fields marked.
    const content = onPc.getByRole('group', { name: /^相談内容/ });
    const response = onPc.getByRole('group', { name: /^対応内容/ });
    await content.waitFor(slow);
    expect(await content.getByText('競合', { exact: true }).count()).toBe(1);
    expect(await content.locator('.version').first().innerText()).toContain(contentA.split('\n')[1]);
    expect(await content.locator('.version-losing .issue-value').innerText()).toBe(contentB);
    expect(await onPc.getByRole('region', { name: 'その他の項目' }).innerText()).toContain('令和8年9月1日');
    expect(await axe(onPc)).toEqual([]);

    // Confirming with a field left open names it.
    const confirm = onPc.getByRole('button', { name: 'この内容で確定する' });
    await tabTo(onPc, content.getByRole('radio', { name: 'サーバーの内容を残す' }));
    await onPc.keyboard.press('ArrowDown');
    expect(await content.getByRole('radio', { name: '採用されなかった内容を残す' }).isChecked()).toBe(true);
    await tabTo(onPc, confirm);
    await onPc.keyboard.press('Enter');
    await expect.poll(() => onPc.locator('.error-summary').innerText(), slow).toContain('「対応内容」で残す内容を選んでください');
    expect(await axe(onPc)).toEqual([]);

    // The response stays the server's; confirmed by keyboard.
    await tabTo(onPc, response.getByRole('radio', { name: 'サーバーの内容を残す' }));
    await onPc.keyboard.press('Space');
    expect(await response.getByRole('radio', { name: 'サーバーの内容を残す' }).isChecked()).toBe(true);
    await tabTo(onPc, confirm);
    await onPc.keyboard.press('Enter');
    await onPc.getByRole('heading', { level: 1, name: '解決済みの競合' }).waitFor(slow);
    expect(await onPc.locator('main [role="status"]').innerText()).toContain('項目ごとに選んで反映した');
    expect(await axe(onPc)).toEqual([]);

    // The server has the resolved record and the resolved conflict.
    await expect.poll(async () => (await serverRecord())?.content, slow).toBe(contentB);
    expect(await serverRecord()).toMatchObject({ content: contentB, response: responseA, updatedBy: 'chuo-cm1' });
    await expect.poll(async () => (await stored<Conflict>('conflicts'))[0]?.resolution, slow).toBe('merged');
    expect((await stored<Conflict>('conflicts'))[0]).toMatchObject({ resolvedBy: 'chuo-cm1' });

    // Both devices show the resolved record, with the resolution in its history, and no open conflict.
    for (const page of [onPc, onTablet]) {
      await statusBar(page).getByRole('link', { name: '競合 0件' }).waitFor(slow);
      await go(page, `/persons/${person.id}/consultations/${record.id}`, /^相談記録/);
      await expect.poll(() => page.locator('main').innerText(), slow).toContain('通帳が見当たらないとのこと。');
      const shown = await page.locator('main').innerText();
      expect(shown).toContain(responseA);
      expect(shown).toContain('同期の競合を解決（chuo-cm2さんの変更との競合）');
    }

    // The server's audit log has the resolving edit, like any edit, and the device's own entry.
    await expect
      .poll(async () => {
        await server.server.context.audit.flush();
        const auditor = await server.login('auditor1');
        const entries = (await auditor.get(`/api/audit?userId=chuo-cm1&operation=update&personId=${person.id}`)).body.items as Array<{ detail?: string; targetDocumentId?: string }>;
        return {
          pushes: entries.filter((e) => e.detail === 'push consultations' && e.targetDocumentId === record.id).length,
          resolved: entries.some((e) => e.detail === `conflict ${recorded?.id} resolved:merged`),
        };
      }, slow)
      .toEqual({ pushes: 2, resolved: true });

    // The tablet sees the conflict in the record's history, resolved.
    await go(onTablet, `/sync/conflicts/${recorded?.id}`, '解決済みの競合');
    await expect.poll(() => onTablet.getByRole('region', { name: 'この記録の競合の履歴' }).innerText(), slow).toContain('項目ごとに選んで反映した');
    expectNoPageErrors(tabletErrors);
    await tablet.close();
  });

  it('shows a refused change with its reason, and discarding it leaves the server’s version', async () => {
    const store: StoreHarness = await openStoreHarness(pc, server.url);
    const before = await serverRecord();
    // A change the server refuses: a record moved away from its person's center.
    const [local] = (await store.read<Consultation>('chuo-cm1', 'consultations')).filter((c) => c.id === record.id);
    await store.put('chuo-cm1', 'consultations', [{ ...local, centerId: '03', content: '誤って担当包括を変えた変更', updatedAt: new Date().toISOString() }]);
    await statusBar(onPc).getByRole('link', { name: '送信できなかった変更 1件' }).waitFor(slow);
    await statusBar(onPc).getByRole('link', { name: '送信できなかった変更 1件' }).click();
    const refused = onPc.getByRole('region', { name: 'サーバーが受け付けなかった変更' });
    await expect.poll(() => refused.innerText(), slow).toContain('担当包括は対象者の担当包括（中央）と同じでなければなりません');
    await refused.getByRole('link', { name: /相談記録/ }).click();
    await onPc.getByRole('heading', { level: 1, name: 'サーバーが受け付けなかった変更' }).waitFor(slow);
    const changes = onPc.getByRole('region', { name: '受け付けられなかった内容' });
    await expect.poll(() => changes.innerText(), slow).toContain('誤って担当包括を変えた変更');
    expect(await onPc.locator('.rejection-reason').innerText()).toContain('担当包括は対象者の担当包括（中央）と同じでなければなりません');
    expect(await changes.innerText()).toContain('南');
    expect(await axe(onPc)).toEqual([]);

    // Offline, the record is changed once more on the device: a change waiting to be sent.
    await pc.setOffline(true);
    const [again] = (await store.read<Consultation>('chuo-cm1', 'consultations')).filter((c) => c.id === record.id);
    await store.put('chuo-cm1', 'consultations', [{ ...again, content: '送るつもりのない変更', updatedAt: new Date().toISOString() }]);
    await statusBar(onPc).getByText('未送信 1件').waitFor(slow);

    // Discarded by keyboard: the record is the server's again, nothing waits, nothing is refused.
    const discard = onPc.getByRole('button', { name: 'この変更を破棄する' });
    await tabTo(onPc, discard);
    await onPc.keyboard.press('Enter');
    await onPc.getByRole('status').getByText('変更を破棄しました').waitFor(slow);
    await statusBar(onPc).getByRole('link', { name: '送信できなかった変更 0件' }).waitFor(slow);
    const [after] = (await store.read<Consultation>('chuo-cm1', 'consultations')).filter((c) => c.id === record.id);
    expect(plain(after)).toEqual(plain(before));

    // Back online, everything waiting is sent (the audit entries made offline), and the discarded change is not.
    await pc.setOffline(false);
    await statusBar(onPc).getByText('未送信 0件').waitFor(slow);
    await go(onPc, `/persons/${person.id}/consultations/${record.id}`, /^相談記録/);
    await expect.poll(() => onPc.locator('main').innerText(), slow).toContain('通帳が見当たらないとのこと。');
    expect(await onPc.locator('main').innerText()).not.toContain('送るつもりのない変更');
    await waitForSync(onPc);
    expect(await serverRecord()).toEqual(before);
    await store.close();
  });

  it('reopens a refused change in the record’s form to correct it, and the refusal goes once it is sent', async () => {
    const store = await openStoreHarness(pc, server.url);
    const [local] = (await store.read<Consultation>('chuo-cm1', 'consultations')).filter((c) => c.id === record.id);
    const wanted = '長女より電話。\n通帳は自宅で見つかったとのこと。';
    await store.put('chuo-cm1', 'consultations', [{ ...local, centerId: '03', content: wanted, updatedAt: new Date().toISOString() }]);
    await statusBar(onPc).getByRole('link', { name: '送信できなかった変更 1件' }).click();
    await onPc.getByRole('region', { name: 'サーバーが受け付けなかった変更' }).getByRole('link', { name: /相談記録/ }).click();
    await onPc.getByRole('button', { name: '記録を開いて修正する' }).click();

    // The form opens with what was refused, restored from a draft; the center is not on the form.
    await onPc.getByRole('heading', { level: 1, name: /相談記録の訂正/ }).waitFor(slow);
    await expect.poll(() => onPc.getByLabel('相談内容').inputValue(), slow).toBe(wanted);
    await expect.poll(() => onPc.locator('main').innerText()).toContain('下書きから復元しました');
    await onPc.getByRole('button', { name: '保存する' }).click();
    await statusBar(onPc).getByRole('link', { name: '送信できなかった変更 0件' }).waitFor(slow);
    await expect.poll(async () => (await serverRecord())?.content, slow).toBe(wanted);
    expect((await serverRecord())?.centerId).toBe('01');
    await store.close();
  });

  it('offers only discarding a change refused because the person moved to another center, and says why', async () => {
    const store = await openStoreHarness(pc, server.url);
    await pc.setOffline(true);
    const [local] = (await store.read<Consultation>('chuo-cm1', 'consultations')).filter((c) => c.id === record.id);
    await store.put('chuo-cm1', 'consultations', [{ ...local, response: '移管の前に書いた対応', updatedAt: new Date().toISOString() }]);
    // Meanwhile City Hall moves the person to 南.
    const city = await server.login('city-staff1');
    const current = { ...plain(await (await server.server.context.storage.open(centerDatabaseName('persons', '01'))).get(person.id)), id: person.id, _deleted: false };
    const moved = await city.post('/api/replication/persons/push', { rows: [{ assumedMasterState: current, newDocumentState: { ...current, centerId: '03', updatedAt: '2026-10-10T00:00:00.000Z' } }] });
    expect(moved.body).toEqual({ conflicts: [], rejections: [] });
    await pc.setOffline(false);

    await statusBar(onPc).getByRole('link', { name: '送信できなかった変更 1件' }).waitFor(slow);
    await go(onPc, '/sync', '同期の要対応');
    await onPc.getByRole('region', { name: 'サーバーが受け付けなかった変更' }).getByRole('link', { name: /相談記録/ }).click();
    await onPc.getByRole('heading', { level: 1, name: 'サーバーが受け付けなかった変更' }).waitFor(slow);
    await onPc.getByRole('button', { name: 'この変更を破棄する' }).waitFor(slow);
    const main = await onPc.locator('main').innerText();
    expect(main).toContain('対象者の担当包括が担当範囲外に変わったため');
    expect(main).toContain('移管先のセンター');
    expect(await onPc.getByRole('button', { name: '記録を開いて修正する' }).count()).toBe(0);
    expect(await axe(onPc)).toEqual([]);
    await onPc.getByRole('button', { name: 'この変更を破棄する' }).click();
    await onPc.getByRole('status').getByText('変更を破棄しました').waitFor(slow);
    await statusBar(onPc).getByRole('link', { name: '送信できなかった変更 0件' }).waitFor(slow);
    expect((await store.read('chuo-cm1', 'consultations')).some((c) => c.id === record.id)).toBe(false);
    await store.close();
    expectNoPageErrors(pcErrors);
    await pc.close();
  });
});
