// What the browser tests do over and over: put data on the server for the sync to bring
// down, sign in through the login screen, open the store harness beside the app, read
// the raw IndexedDB.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Master, Person } from '../../shared/index';
import type { ClientCollectionName } from '../../renderer/store/database';
import { collectPageErrors, desktopViewport } from '../support/browser';
import { seedPersons, type TestServer } from '../support/server';
import { harnessDir } from './harness/paths';

export const demoPassword = 'kizuna-demo';

/**
 * For expect.poll on what the app does after a click: a sign-in derives its key with
 * PBKDF2 (600,000 rounds), which takes seconds on a busy two-core machine. A limit, not a
 * timing assertion.
 */
export const slow = { timeout: 30_000, interval: 100 };

/** Fills the login screen and presses ログイン; what comes next is the caller's to wait for. */
export async function submitLogin(page: Page, userId: string, password = demoPassword): Promise<void> {
  await page.getByLabel('ユーザーID').fill(userId);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

/** Signs in through the login screen and waits for the search screen. */
export async function signIn(page: Page, userId: string, password = demoPassword): Promise<void> {
  await submitLogin(page, userId, password);
  await page.getByRole('searchbox', { name: '検索' }).waitFor();
}

/** A new browser context (its own storage) on the app, signed in as `userId`, collecting its page errors. */
export async function signedInPage(
  browser: Browser,
  url: string,
  userId: string,
  options: BrowserContextOptions = desktopViewport,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(options);
  const errors = collectPageErrors(context);
  const page = await context.newPage();
  await page.goto(url);
  await signIn(page, userId);
  return { context, page, errors };
}

/** Puts persons and masters into the server's databases, as the migration would; the client's sync brings them down. */
export async function seedServer(server: TestServer, data: { persons?: readonly Person[]; masters?: readonly Master[] }): Promise<void> {
  await seedPersons(server, data.persons ?? []);
  if (data.masters?.length) {
    const masters = await server.server.context.storage.open('masters');
    for (const master of data.masters) await masters.put({ ...master, _id: master.id });
  }
}

/** Waits until the status bar reports a complete sync (it never claims one that did not happen). */
export async function waitForSync(page: Page): Promise<void> {
  await page.getByRole('region', { name: '同期の状態' }).getByText(/最終同期/).waitFor({ timeout: 120_000 });
}

export interface StoreHarness {
  put(userId: string, collection: ClientCollectionName, documents: readonly unknown[], password?: string): Promise<number>;
  read<T = Record<string, unknown>>(userId: string, collection: ClientCollectionName, password?: string): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * A second page of the same browser context on the app's origin, running the store
 * harness (tests/browser/harness/): it shares the app's IndexedDB and local records.
 */
export async function openStoreHarness(context: BrowserContext, baseUrl: string): Promise<StoreHarness> {
  const page = await context.newPage();
  const script = readFileSync(path.join(harnessDir, 'store-harness.js'), 'utf8');
  await page.route(`${baseUrl}/__harness__/**`, (route) => {
    const isScript = route.request().url().endsWith('.js');
    return route.fulfill({
      status: 200,
      contentType: isScript ? 'text/javascript' : 'text/html',
      body: isScript ? script : '<!doctype html><html lang="ja"><title>harness</title><body><script type="module" src="./store-harness.js"></script></body></html>',
    });
  });
  await page.goto(`${baseUrl}/__harness__/store.html`);
  await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  return {
    put: (userId, collection, documents, password = demoPassword) =>
      page.evaluate(({ u, p, c, d }) => (window as unknown as HarnessWindow).kizunaStore.put(u, p, c, d), { u: userId, p: password, c: collection, d: documents as unknown[] }),
    read: (userId, collection, password = demoPassword) =>
      page.evaluate(({ u, p, c }) => (window as unknown as HarnessWindow).kizunaStore.read(u, p, c), { u: userId, p: password, c: collection }) as never,
    close: () => page.close(),
  };
}

interface HarnessWindow {
  kizunaStore: {
    put(userId: string, password: string, collection: string, documents: unknown[]): Promise<number>;
    read(userId: string, password: string, collection: string): Promise<unknown[]>;
  };
}

/** Every record of every IndexedDB database of the page's origin, as JSON text: what sits on the disk. */
export async function rawIndexedDb(page: Page): Promise<{ databases: string[]; text: string }> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name).filter((n): n is string => Boolean(n));
    const parts: string[] = [];
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        parts.push(JSON.stringify(rows));
      }
      db.close();
    }
    return { databases: names, text: parts.join('\n') };
  });
}

/** The keys the app keeps in localStorage. */
export async function localRecords(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('kizuna.')));
}

export function expectNoPageErrors(errors: readonly string[]): void {
  expect(errors, errors.join('\n')).toEqual([]);
}
