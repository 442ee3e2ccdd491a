// Server benchmark: person search over a city's 16,000 persons through the API, and an
// audited read of a person, each against a baseline measured in the same process on
// the same server: an authenticated request that does neither (GET /api/auth/me).
//
//   npm run bench:server [-- --persons 16000 --rounds 300]
//
// Prints p50/p95 per kind, the ratios to the baseline, and a final RESULT line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemoData } from '../shared/demo/index';
import { startServer } from '../server/app';
import { centerDatabaseName } from '../server/storage/names';

const { values } = parseArgs({ options: { persons: { type: 'string', default: '16000' }, rounds: { type: 'string', default: '300' } } });
const personCount = Number(values.persons);
const rounds = Number(values.rounds);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function timed(label: string, urls: string[], headers: Record<string, string>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const url = urls[i % urls.length]!;
    const start = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${label}: ${url} answered ${response.status}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const result = { p50: percentile(times, 50), p95: percentile(times, 95) };
  console.log(`${label.padEnd(28)} p50 ${result.p50.toFixed(2)} ms  p95 ${result.p95.toFixed(2)} ms  (${rounds} requests)`);
  return result;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kizuna-bench-server-'));
  try {
    const data = generateDemoData({ persons: personCount, personsOnly: true });
    const seed = await startServer({ host: '127.0.0.1', port: 0, dataDir, demo: true }, { demoData: false, log: () => undefined });
    const started = performance.now();
    const byCenter = new Map<string, typeof data.persons>();
    for (const person of data.persons) byCenter.set(person.centerId, [...(byCenter.get(person.centerId) ?? []), person]);
    for (const [centerId, persons] of byCenter) {
      const db = await seed.context.storage.open(centerDatabaseName('persons', centerId));
      for (let i = 0; i < persons.length; i += 1000) await db.bulkWrite(persons.slice(i, i + 1000).map((p) => ({ ...p, _id: p.id })));
    }
    await seed.close();
    console.log(`stored ${data.persons.length} persons in ${(performance.now() - started).toFixed(0)} ms`);

    const indexStart = performance.now();
    const server = await startServer({ host: '127.0.0.1', port: 0, dataDir, demo: true }, { demoData: false, log: () => undefined });
    console.log(`server start with the search index built: ${(performance.now() - indexStart).toFixed(0)} ms`);
    try {
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'city-staff1', password: 'kizuna-demo' }),
      });
      const { token } = (await login.json()) as { token: string };
      const headers = { authorization: `Bearer ${token}` };
      const sample = data.persons.filter((_, i) => i % Math.max(1, Math.floor(data.persons.length / 50)) === 0);
      const queries = sample.flatMap((p) => [p.nameKana.slice(0, 2), p.name.split(' ')[0] ?? p.name, p.residentCode.slice(0, 6), p.nameKana.replace(/\s/g, '')]);
      const searchUrls = queries.map((q) => `${server.url}/api/persons?q=${encodeURIComponent(q)}&limit=50`);
      const readUrls = sample.map((p) => `${server.url}/api/persons/${p.id}`);

      // Warm up, then measure the baseline and the two kinds alternately in one process.
      await timed('warm-up', [`${server.url}/api/auth/me`, ...searchUrls.slice(0, 5)], headers);
      const baseline = await timed('baseline GET /api/auth/me', [`${server.url}/api/auth/me`], headers);
      const search = await timed('search (all 6 centers)', searchUrls, headers);
      const read = await timed('audited person read', readUrls, headers);
      // The index alone, without HTTP and without the audit entry each search writes.
      const direct: number[] = [];
      const allCenters = ['01', '02', '03', '04', '05', 'cityHall'];
      for (let i = 0; i < rounds; i++) {
        const start = performance.now();
        server.context.persons.search(queries[i % queries.length]!, allCenters, 50);
        direct.push(performance.now() - start);
      }
      direct.sort((a, b) => a - b);
      console.log(`${'index search, in process'.padEnd(28)} p50 ${percentile(direct, 50).toFixed(2)} ms  p95 ${percentile(direct, 95).toFixed(2)} ms  (${rounds} searches)`);
      const searchRatio = search.p95 / baseline.p95;
      const readRatio = read.p95 / baseline.p95;
      console.log(`search p95 / baseline p95: ${searchRatio.toFixed(2)}`);
      console.log(`audited read p95 / baseline p95: ${readRatio.toFixed(2)}`);
      console.log(
        `RESULT persons=${data.persons.length} search_p95_ms=${search.p95.toFixed(2)} index_p95_ms=${percentile(direct, 95).toFixed(2)} read_p95_ms=${read.p95.toFixed(2)} baseline_p95_ms=${baseline.p95.toFixed(2)} search_ratio=${searchRatio.toFixed(2)} read_ratio=${readRatio.toFixed(2)}`,
      );
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
