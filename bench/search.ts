// npm run bench:search — per-keystroke latency of the person search over 100,000 invented
// persons, in Debian's headless Chromium, on the real search screen (React, the router,
// the results table). Queries are typed one character at a time as staff type them:
// kana in hiragana with a space before the given name, kanji family names, 住民コード,
// 被保険者番号, 和暦 birth dates and a surname narrowed by birth year. Each keystroke is
// timed inside the page, from the input event to the results for that text being in
// the DOM. The same queries then run over a naive scan (no index: every person
// normalised on every keystroke) in the same run, as the baseline.
//
// Options: --persons N (default 100000), --queries N (default 21, three of each kind),
// --baseline-queries N (default 7: the naive scan takes seconds per keystroke at 100,000,
// so it runs the first N queries, and the ratio compares both on those same keystrokes).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { toWarekiShort, type Person } from '../shared/index';
import { generateDemoData } from '../shared/demo/generate';
import { createRandom } from '../shared/demo/random';
import { launchChromium } from '../tests/support/browser';

const { values } = parseArgs({
  options: { persons: { type: 'string', default: '100000' }, queries: { type: 'string', default: '21' }, 'baseline-queries': { type: 'string', default: '7' } },
});
const personCount = Number(values.persons);
const queryCount = Number(values.queries);
const baselineQueryCount = Math.min(queryCount, Number(values['baseline-queries']));
for (const [name, value] of [['--persons', personCount], ['--queries', queryCount], ['--baseline-queries', baselineQueryCount]] as const) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
}
const seed = 20261001; // the page generates the same persons with the same seed
const origin = 'http://bench.kizuna.invalid';

function katakanaToHiragana(text: string): string {
  return text.replace(/[\u30A1-\u30F6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

/** What staff type to find someone, picked from the same invented persons the page holds. */
function realisticQueries(persons: readonly Person[], count: number): string[] {
  const random = createRandom(7);
  const styles = ['kana', 'kanaGiven', 'kanji', 'residentCode', 'insured', 'wareki', 'surnameYear'] as const;
  const queries: string[] = [];
  while (queries.length < count) {
    const person = random.pick(persons);
    const [family = '', given = ''] = person.nameKana.split(/\s+/u);
    const style = styles[queries.length % styles.length] ?? 'kana';
    const era = toWarekiShort(person.birthDate).split('.')[0] ?? '';
    const query = {
      kana: () => katakanaToHiragana(family),
      kanaGiven: () => `${katakanaToHiragana(family)} ${katakanaToHiragana(given).slice(0, 2)}`,
      kanji: () => person.name.split(/\s+/u)[0] ?? person.name,
      residentCode: () => person.residentCode,
      insured: () => person.insured?.insuredNumber ?? person.residentCode,
      wareki: () => toWarekiShort(person.birthDate),
      surnameYear: () => `${katakanaToHiragana(family)} ${era}`,
    }[style]();
    queries.push(query);
  }
  return queries;
}

async function buildPage(outDir: string): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      root: fileURLToPath(new URL('./search-page', import.meta.url)),
      base: './',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

interface Run {
  engine: string;
  info: { persons: number; generateMs: number; indexMs: number };
  latencies: number[];
  /** The text in the box after each keystroke, in the same order. */
  texts: string[];
}

type BenchWindow = Window & { benchInfo: Run['info']; benchState: { latencies: number[]; texts: string[]; pending?: { at: number; value: string } } };

async function run(browser: Browser, outDir: string, engine: 'indexed' | 'naive', queries: readonly string[]): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP' });
  await context.route(`${origin}/**`, async (route) => {
    const file = path.join(outDir, new URL(route.request().url()).pathname.replace(/^\/+/, '') || 'index.html');
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    await route.fulfill({ status: 200, contentType: type, body: readFileSync(file) });
  });
  const page = await context.newPage();
  await page.goto(`${origin}/index.html?engine=${engine}&persons=${personCount}`, { timeout: 600_000 });
  const box = page.getByRole('searchbox', { name: '検索' });
  await box.waitFor({ timeout: 600_000 });
  const info = await page.evaluate(() => (window as unknown as BenchWindow).benchInfo);

  // From each input event to the moment the results for exactly that text are in the DOM.
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]');
    const status = document.querySelector('[data-query]');
    if (!input || !status) throw new Error('search screen not found');
    const state: BenchWindow['benchState'] = { latencies: [], texts: [] };
    // Clearing the box between queries is not a keystroke anyone waits on.
    input.addEventListener('input', (event) => (state.pending = input.value === '' ? undefined : { at: event.timeStamp, value: input.value }), { capture: true });
    new MutationObserver(() => {
      const pending = state.pending;
      if (pending && status.getAttribute('data-query') === pending.value) {
        state.latencies.push(performance.now() - pending.at);
        state.texts.push(pending.value);
        state.pending = undefined;
      }
    }).observe(status, { attributes: true, attributeFilter: ['data-query'] });
    (window as unknown as BenchWindow).benchState = state;
  });
  const measured = () => page.evaluate(() => (window as unknown as BenchWindow).benchState.latencies.length);

  const typeQuery = async (query: string) => {
    await box.fill('');
    for (const ch of query) {
      const before = await measured();
      await page.keyboard.insertText(ch);
      await page.waitForFunction((n) => (window as unknown as BenchWindow).benchState.latencies.length > n, before, { timeout: 120_000 });
    }
  };
  await box.focus();
  await typeQuery('やまだ'); // warm-up: the JIT, the first render of the table
  await page.evaluate(() => {
    const { benchState } = window as unknown as BenchWindow;
    benchState.latencies.length = 0;
    benchState.texts.length = 0;
  });
  for (const query of queries) await typeQuery(query);
  const { latencies, texts } = await page.evaluate(() => (window as unknown as BenchWindow).benchState);
  await context.close();
  return { engine, info, latencies, texts };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

const ms = (value: number) => value.toFixed(1);

function describe(result: Run): string {
  const l = result.latencies;
  const setup = result.engine === 'indexed' ? `index built in ${ms(result.info.indexMs)} ms` : 'no index';
  const slowest = l
    .map((latency, i) => ({ latency, text: result.texts[i] ?? '' }))
    .sort((a, b) => b.latency - a.latency)
    .slice(0, 5)
    .map(({ latency, text }) => `"${text}" ${ms(latency)}`)
    .join(', ');
  return `${result.engine.padEnd(8)} keystrokes ${l.length}  p50 ${ms(percentile(l, 50))} ms  p95 ${ms(percentile(l, 95))} ms  max ${ms(Math.max(...l))} ms  (${setup}; slowest: ${slowest})`;
}

const outDir = mkdtempSync(path.join(tmpdir(), 'kizuna-bench-search-'));
let browser: Browser | undefined;
try {
  console.log(`Generating ${personCount.toLocaleString()} invented persons and choosing ${queryCount} queries…`);
  const { persons } = generateDemoData({ persons: personCount, personsOnly: true, seed });
  const queries = realisticQueries(persons, queryCount);
  console.log(`Queries: ${queries.join(' | ')}`);
  await buildPage(outDir);
  browser = await launchChromium();

  const ours = await run(browser, outDir, 'indexed', queries);
  console.log(describe(ours));
  const naive = await run(browser, outDir, 'naive', queries.slice(0, baselineQueryCount));
  console.log(describe(naive));

  // The first keystrokes of `ours` are those of the baseline's queries, in the same order.
  const oursOnBaseline = percentile(ours.latencies.slice(0, naive.latencies.length), 95);
  const naiveP95 = percentile(naive.latencies, 95);
  console.log(`baseline, on its ${naive.latencies.length} keystrokes: naive scan p95 ${ms(naiveP95)} ms, indexed p95 ${ms(oursOnBaseline)} ms, ratio ${(naiveP95 / oursOnBaseline).toFixed(1)}x`);
  console.log(`target: p95 under 50 ms per keystroke over ${personCount.toLocaleString()} persons`);
  console.log(`RESULT search_p95_ms=${ms(percentile(ours.latencies, 95))}`);
} finally {
  await browser?.close();
  rmSync(outDir, { recursive: true, force: true });
}
