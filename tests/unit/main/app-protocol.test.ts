// kizuna://app serving a real renderer folder from disk, with a secret file beside it
// that no URL may reach.
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler, type AppRequestHandler } from '../../../main/protocol/app-protocol';

const CSP = "default-src 'self'; script-src 'self'";
let dir: string;
let serve: AppRequestHandler;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kizuna-protocol-'));
  const root = join(dir, 'dist');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(root, 'assets', 'index-3f2a.js'), 'console.log("app")');
  await writeFile(join(root, 'assets', 'index-3f2a.css'), 'body{margin:0}');
  await writeFile(join(root, 'manifest.webmanifest'), '{}');
  await writeFile(join(dir, 'secret.txt'), '山田太郎 昭和12年生 (invented)');
  await symlink(join(dir, 'secret.txt'), join(root, 'assets', 'linked.txt'));
  serve = createAppRequestHandler({ rendererDir: root, contentSecurityPolicy: () => CSP });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, init?: RequestInit) => serve(new Request(url, init));

describe('kizuna://app', () => {
  it('serves the page and its assets with their types, the CSP and nosniff', async () => {
    const page = await get('kizuna://app/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('id="root"');

    const script = await get('kizuna://app/assets/index-3f2a.js');
    expect(script.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
    expect(script.headers.get('content-security-policy')).toBe(CSP);
    expect(await script.text()).toBe('console.log("app")');
    expect((await get('kizuna://app/assets/index-3f2a.css')).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await get('kizuna://app/manifest.webmanifest')).headers.get('content-type')).toMatch(/^application\/manifest\+json/);
  });

  it('answers the routes of the single-page app with the page itself', async () => {
    for (const route of ['kizuna://app/persons/p-0001', 'kizuna://app/search?q=%E3%82%84%E3%81%BE%E3%81%A0', 'kizuna://app/ledger/']) {
      const response = await get(route);
      expect(response.status, route).toBe(200);
      expect(await response.text(), route).toContain('id="root"');
    }
  });

  it('answers a missing asset with 404, not with the page', async () => {
    const response = await get('kizuna://app/assets/missing-0000.js');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('ファイルが見つかりません');
  });

  it('refuses every way of climbing out of the renderer folder', async () => {
    const attempts = [
      'kizuna://app/..%2Fsecret.txt',
      'kizuna://app/assets/..%2F..%2Fsecret.txt',
      'kizuna://app/%2e%2e/secret.txt',
      'kizuna://app/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
      'kizuna://app/..%5Csecret.txt',
      'kizuna://app/assets%5C..%5C..%5Csecret.txt',
      'kizuna://app/%00secret.txt',
      `kizuna://app/${encodeURIComponent(join(dir, 'secret.txt'))}`,
    ];
    for (const url of attempts) {
      const response = await get(url);
      const body = await response.text();
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(body, url).not.toContain('山田太郎');
    }
  });

  it('does not follow a symlink that leads outside the folder', async () => {
    const response = await get('kizuna://app/assets/linked.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('山田太郎');
  });

  it('serves only its own host and only reads', async () => {
    expect((await get('kizuna://elsewhere/index.html')).status).toBe(404);
    const post = await get('kizuna://app/', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await get('kizuna://app/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('says how to build the client when renderer/dist does not exist', async () => {
    const unbuilt = createAppRequestHandler({ rendererDir: join(dir, 'no-such-dist'), contentSecurityPolicy: () => CSP });
    const response = await unbuilt(new Request('kizuna://app/'));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('npm run build');
  });
});
