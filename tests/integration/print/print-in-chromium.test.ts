// The print module in the browser, as a tablet runs it: bundled by Vite, its font and
// HarfBuzz wasm fetched from the page's own origin, under a CSP like the app's. Shows
// that the PDF comes out whole in Chromium, and that WebAssembly needs exactly
// 'wasm-unsafe-eval' in script-src.
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../tools/system-packages';
import type { BrowserPrintResult } from './browser-page/main';
import { carePlan, missingOnPaper, person } from './fixtures';
import { pdfText } from './pdf-inspect';

const pagePath = '/tests/integration/print/browser-page/index.html';
const contentTypes: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.ttf': 'font/ttf' };
const baseCsp = "default-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";

let outDir: string;
let server: Server;
let origin: string;
let browser: Browser;
let csp = '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'kizuna-print-page-'));
  await build({
    root: process.cwd(),
    configFile: false,
    logLevel: 'warn',
    base: './',
    // The print chunk is large (pdf-lib, fontkit); the client loads it only when printing.
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4096, rollupOptions: { input: pagePath.slice(1) } },
  });
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    readFile(join(outDir, path)).then(
      (body) => {
        response.writeHead(200, { 'content-type': contentTypes[extname(path)] ?? 'application/octet-stream', 'content-security-policy': csp });
        response.end(body);
      },
      () => {
        response.writeHead(404);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function printInBrowser(policy: string): Promise<{ result: BrowserPrintResult; requests: string[] }> {
  csp = policy;
  const page = await browser.newPage();
  try {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(origin + pagePath);
    await page.waitForFunction(() => typeof window.printCarePlan === 'function');
    const result = await page.evaluate((input) => window.printCarePlan(input), { plan: carePlan, person });
    return { result, requests };
  } finally {
    await page.close();
  }
}

describe('printing in Chromium', () => {
  it("makes the whole care plan PDF under a CSP that allows 'wasm-unsafe-eval', fetching only from its own origin", async () => {
    const { result, requests } = await printInBrowser(`${baseCsp}; script-src 'self' 'wasm-unsafe-eval'`);
    expect(result.error).toBeUndefined();
    const bytes = new Uint8Array(Buffer.from(result.base64 ?? '', 'base64'));
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(missingOnPaper(await pdfText(bytes), carePlan)).toEqual([]);
    expect(requests.some((url) => url.endsWith('.ttf'))).toBe(true);
    expect(requests.some((url) => url.endsWith('.wasm'))).toBe(true);
    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
  });

  it("tells the user in Japanese when the CSP forbids WebAssembly (script-src 'self' alone)", async () => {
    const { result } = await printInBrowser(`${baseCsp}; script-src 'self'`);
    expect(result.base64).toBeUndefined();
    expect(result.error?.name).toBe('PrintError');
    expect(result.error?.message).toContain('印刷用のフォントを読み込めませんでした');
  });
});
