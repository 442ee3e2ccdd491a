// npm run bench:live — DESIGN.md's live budgets: "an edit on one online client appears on
// another client of the same center within 2 s", and "p95 under 200 ms for pull/push at
// 1,000 concurrent clients".
//
// The servers run in a child process (bench/live/servers.ts), so the load generated here
// does not share a core with the server measured.
//
// 1. Propagation, on an idle server: two RxDB clients of center 01 syncing live as the app
//    does (renderer/sync: push, the change stream, a pull); an edit of a consultation on
//    one, timed until the other's local store holds it. Baseline in the same run: plain
//    PouchDB live replication of the same kind of edit through a CouchDB-protocol server
//    (express-pouchdb), client to server to client.
// 2. Load: --clients simulated clients spread over the five centers, each with its own
//    session and the change stream open, each answering a change event with a pull from
//    its checkpoint (one at a time, as RxDB does), and each saving an edit of one of its
//    center's consultations at random, on average every --edit-interval seconds, for
//    --seconds. Timed: every push and pull, and how long an edit took to reach the other
//    clients of its center. Baseline in the same run: an authenticated request that does
//    no work (GET /api/auth/me), sampled five times a second under the same load, and
//    the same requests on the idle server before the load.
//
// Prints the figures, the ratios to the baselines, and last
// `RESULT live_p95_ms=<propagation p95, idle> load_clients=<n> load_pull_p95_ms=<ms>
// load_push_p95_ms=<ms> load_visible_p95_ms=<ms> load_ratio=<pull p95 / baseline p95>`.
//
//   npm run bench:live [-- --clients 1000 --seconds 60 --edit-interval 120 --edits 30 --profile-server DIR]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import PouchDB from 'pouchdb-node';
import memoryAdapter from 'pouchdb-adapter-memory';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { Consultation, PublicUser } from '../shared/index';
import { createClientDatabase, type ClientDatabase } from '../renderer/store/database';
import { startSync, type SyncEngine } from '../renderer/sync/index';
import { demoPassword } from '../server/demo/users';

PouchDB.plugin(memoryAdapter);

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '60' },
    'edit-interval': { type: 'string', default: '120' },
    edits: { type: 'string', default: '30' },
    /** Write a V8 CPU profile of the servers' process into this folder (open it in Chrome DevTools). */
    'profile-server': { type: 'string' },
  },
});
const clientCount = Number(values.clients);
const loadSeconds = Number(values.seconds);
const editInterval = Number(values['edit-interval']);
const propagationEdits = Number(values.edits);
for (const [name, value] of Object.entries({ clients: clientCount, seconds: loadSeconds, 'edit-interval': editInterval, edits: propagationEdits })) {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
}

const centers = ['01', '02', '03', '04', '05'] as const;
const benchPassword = 'bench-live-password';

interface Figures {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

function figures(samples: readonly number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  return { count: sorted.length, p50: at(50), p95: at(95), max: sorted[sorted.length - 1] ?? Number.NaN };
}

function print(label: string, f: Figures): void {
  console.log(`${label.padEnd(56)} p50 ${f.p50.toFixed(1).padStart(8)} ms  p95 ${f.p95.toFixed(1).padStart(8)} ms  max ${f.max.toFixed(1).padStart(8)} ms  (${f.count})`);
}

/** CPU seconds a process has used so far (Linux /proc), or undefined elsewhere. */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, the 12th and 13th fields after the command, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

// --- the servers, in their own process
const profile = values['profile-server'] ? ['--cpu-prof', `--cpu-prof-dir=${values['profile-server']}`] : [];
const child = spawn(process.execPath, [...profile, '--import', 'tsx', new URL('./live/servers.ts', import.meta.url).pathname], { stdio: ['pipe', 'pipe', 'inherit'] });
const firstLine = await new Promise<string>((resolve, reject) => {
  const lines = createInterface({ input: child.stdout });
  lines.once('line', resolve);
  child.once('exit', (code) => reject(new Error(`the servers' process ended (${String(code)}) before it was ready`)));
});
const { url, couchUrl, baselineDatabase } = JSON.parse(firstLine) as { url: string; couchUrl: string; baselineDatabase: string };

interface Session {
  token: string;
  user: PublicUser;
  headers: Record<string, string>;
}

async function api<T>(method: string, route: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function login(userId: string, password = demoPassword): Promise<Session> {
  const answer = await api<{ token: string; user: PublicUser }>('POST', '/api/auth/login', {}, { userId, password });
  if (answer.status !== 200) throw new Error(`login of ${userId} answered ${answer.status}`);
  return { ...answer.body, headers: { authorization: `Bearer ${answer.body.token}` } };
}

try {
  // ---------------------------------------------------------------- 1. propagation
  console.log(`propagation: ${propagationEdits} edits of a consultation, one client to another of center 01, idle server`);
  const storage = getRxStorageMemory();
  const clients: Array<{ db: ClientDatabase; engine: SyncEngine }> = [];
  for (const name of ['bench-live-a', 'bench-live-b']) {
    const session = await login('chuo-cm1');
    const db = await createClientDatabase({ name, storage, collections: ['consultations'], multiInstance: false });
    const engine = startSync({ serverUrl: url, token: session.token, database: db, actor: { userId: 'chuo-cm1', ...session.user } });
    await engine.awaitInSync();
    clients.push({ db, engine });
  }
  const [a, b] = clients as [(typeof clients)[0], (typeof clients)[0]];
  const editable = (await a.db.consultations.find({ limit: propagationEdits }).exec()).map((doc) => doc.id);
  const ours: number[] = [];
  for (const [i, id] of editable.entries()) {
    const marker = `bench-live ${i} ${Date.now()}`;
    const seen = new Promise<void>((resolve) => {
      const subscription = b.db.consultations.findOne(id).$.subscribe((doc) => {
        if (doc?.response === marker) {
          subscription.unsubscribe();
          resolve();
        }
      });
    });
    const doc = await a.db.consultations.findOne(id).exec();
    const start = performance.now();
    await doc?.incrementalPatch({ response: marker, updatedAt: new Date().toISOString(), updatedBy: 'chuo-cm1' });
    await seen;
    ours.push(performance.now() - start);
    await sleep(100);
  }
  for (const client of clients) {
    await client.engine.stop();
    await client.db.remove();
  }

  const remoteUrl = `${couchUrl}/${baselineDatabase}`;
  const pouchA = new PouchDB('bench-live-pouch-a', { adapter: 'memory' });
  const pouchB = new PouchDB('bench-live-pouch-b', { adapter: 'memory' });
  await pouchA.replicate.from(remoteUrl);
  await pouchB.replicate.from(remoteUrl);
  const up = pouchA.replicate.to(remoteUrl, { live: true, retry: true });
  const down = pouchB.replicate.from(remoteUrl, { live: true, retry: true });
  const consultationIds = (await pouchA.allDocs()).rows.map((row) => row.id).filter((id) => id.startsWith('consultation')).slice(0, propagationEdits);
  const pouch: number[] = [];
  for (const [i, id] of consultationIds.entries()) {
    const marker = `bench-live-pouch ${i} ${Date.now()}`;
    const seen = new Promise<void>((resolve) => {
      const feed = pouchB.changes<Consultation>({ since: 'now', live: true, include_docs: true, doc_ids: [id] }).on('change', (change) => {
        if (change.doc?.response === marker) {
          feed.cancel();
          resolve();
        }
      });
    });
    const doc = await pouchA.get<Consultation>(id);
    const start = performance.now();
    await pouchA.put({ ...doc, response: marker, updatedAt: new Date().toISOString() });
    await seen;
    pouch.push(performance.now() - start);
    await sleep(100);
  }
  up.cancel();
  down.cancel();
  await pouchA.destroy();
  await pouchB.destroy();
  if (ours.length === 0 || pouch.length === 0) throw new Error('no consultations to edit');
  const oursFigures = figures(ours);
  const pouchFigures = figures(pouch);
  print('ours: RxDB → server → SSE → pull → RxDB', oursFigures);
  print('baseline: PouchDB live replication, both ways', pouchFigures);
  console.log(`propagation ratio ours/PouchDB (p95): ${(oursFigures.p95 / pouchFigures.p95).toFixed(2)}; budget 2000 ms`);

  // ---------------------------------------------------------------- 2. load
  console.log(`\nload: ${clientCount} clients over ${centers.length} centers, change stream open, an edit each every ${editInterval} s on average, for ${loadSeconds} s`);
  const admin = await login('it-admin');
  const userOf: Record<string, string> = { '01': 'chuo-cm1', '03': 'minami-cm1' };
  for (const center of centers) {
    if (userOf[center]) continue;
    const id = `bench-live-${center}`;
    const created = await api('POST', '/api/users', admin.headers, { id, displayName: `負荷試験 ${center}`, role: 'careManager', password: benchPassword, centers: [center] });
    if (created.status !== 201 && created.status !== 409) throw new Error(`creating ${id} answered ${created.status}: ${JSON.stringify(created.body)}`);
    userOf[center] = id;
  }
  const passwordOf = (userId: string) => (userId.startsWith('bench-live-') ? benchPassword : demoPassword);

  type Checkpoint = unknown;
  interface PullAnswer {
    documents: Consultation[];
    checkpoint: Checkpoint;
    hasMore: boolean;
  }
  const pullRoute = '/api/replication/consultations/pull';

  // Each center's consultations and the checkpoint after them: clients start in sync.
  const pool = new Map<string, Consultation[]>();
  const startCheckpoint = new Map<string, Checkpoint>();
  for (const center of centers) {
    const session = await login(userOf[center]!, passwordOf(userOf[center]!));
    let checkpoint: Checkpoint = null;
    const docs: Consultation[] = [];
    for (;;) {
      const page = await api<PullAnswer>('POST', pullRoute, session.headers, { checkpoint, batchSize: 2000 });
      docs.push(...page.body.documents);
      checkpoint = page.body.checkpoint;
      if (!page.body.hasMore) break;
    }
    pool.set(center, docs);
    startCheckpoint.set(center, checkpoint);
  }

  const pulls: number[] = [];
  const pushes: number[] = [];
  const visible: number[] = [];
  const baselineUnderLoad: number[] = [];
  const failures: string[] = [];
  /** When each edit (by its marker) was sent, and by which client. */
  const sent = new Map<string, { at: number; by: SimClient }>();
  let measuring = false;

  interface SimClient {
    center: string;
    userId: string;
    session: Session;
    checkpoint: Checkpoint;
    pulling: boolean;
    again: boolean;
    docs: Consultation[];
    stream?: AbortController;
  }

  async function pull(client: SimClient): Promise<void> {
    if (client.pulling) {
      client.again = true;
      return;
    }
    client.pulling = true;
    try {
      do {
        client.again = false;
        for (;;) {
          const start = performance.now();
          const page = await api<PullAnswer>('POST', pullRoute, client.session.headers, { checkpoint: client.checkpoint, batchSize: 200 });
          const done = performance.now();
          if (page.status !== 200) throw new Error(`pull answered ${page.status}`);
          if (measuring) pulls.push(done - start);
          client.checkpoint = page.body.checkpoint;
          for (const doc of page.body.documents) {
            const edit = doc.response === undefined ? undefined : sent.get(doc.response);
            if (edit && edit.by !== client && measuring) visible.push(done - edit.at);
          }
          if (!page.body.hasMore) break;
        }
      } while (client.again);
    } catch (error) {
      failures.push(`pull: ${String(error)}`);
    } finally {
      client.pulling = false;
    }
  }

  async function openStream(client: SimClient): Promise<void> {
    const controller = new AbortController();
    client.stream = controller;
    const response = await fetch(`${url}/api/replication/stream`, { headers: client.session.headers, signal: controller.signal });
    if (response.status !== 200 || !response.body) throw new Error(`stream answered ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let ready!: () => void;
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (message.includes('event: ready')) ready();
            if (message.includes('event: change') && message.includes('"consultations"')) void pull(client);
          }
        }
      } catch (error) {
        if (!controller.signal.aborted) failures.push(`stream: ${String(error)}`);
      }
    })();
    await isReady;
  }

  async function edit(client: SimClient): Promise<void> {
    const index = Math.floor(Math.random() * client.docs.length);
    const master = client.docs[index];
    if (!master) return;
    const marker = `bench-load ${client.userId} ${Math.random().toString(36).slice(2)}`;
    const next: Consultation = { ...master, response: marker, updatedAt: new Date().toISOString(), updatedBy: client.userId };
    const start = performance.now();
    if (measuring) sent.set(marker, { at: start, by: client });
    try {
      const answer = await api<{ conflicts: Consultation[]; rejections: unknown[] }>('POST', '/api/replication/consultations/push', client.session.headers, {
        rows: [{ assumedMasterState: { ...master, _deleted: false }, newDocumentState: { ...next, _deleted: false } }],
      });
      if (measuring) pushes.push(performance.now() - start);
      if (answer.status !== 200) throw new Error(`push answered ${answer.status}`);
      if (answer.body.rejections.length > 0) throw new Error(`push rejected: ${JSON.stringify(answer.body.rejections)}`);
      // A conflict answer is the server's state: the next edit starts from it.
      const conflict = answer.body.conflicts[0] as (Consultation & { _deleted?: boolean }) | undefined;
      if (conflict) delete conflict._deleted;
      client.docs[index] = conflict ?? next;
    } catch (error) {
      failures.push(`push: ${String(error)}`);
    }
  }

  const simulated: SimClient[] = [];
  const clientsPerCenter = Math.ceil(clientCount / centers.length);
  for (let i = 0; i < clientCount; i++) {
    const center = centers[i % centers.length]!;
    const userId = userOf[center]!;
    const session = await login(userId, passwordOf(userId));
    // The clients of a center edit different consultations, as different staff would:
    // the k-th client of a center takes every clientsPerCenter-th one from the k-th.
    const k = Math.floor(i / centers.length);
    const docs = (pool.get(center) ?? []).filter((_, n) => n % clientsPerCenter === k);
    simulated.push({ center, userId, session, checkpoint: startCheckpoint.get(center) ?? null, pulling: false, again: false, docs: docs.length > 0 ? docs : (pool.get(center) ?? []).slice(0, 1) });
  }
  for (let i = 0; i < simulated.length; i += 100) await Promise.all(simulated.slice(i, i + 100).map(openStream));
  console.log(`${simulated.length} clients signed in, streams open`);

  const meSession = await login('auditor1');
  const idleMe: number[] = [];
  const idlePull: number[] = [];
  const probe = simulated[0]!;
  for (let i = 0; i < 100; i++) {
    let start = performance.now();
    await api('GET', '/api/auth/me', meSession.headers);
    idleMe.push(performance.now() - start);
    start = performance.now();
    await api('POST', pullRoute, probe.session.headers, { checkpoint: probe.checkpoint, batchSize: 200 });
    idlePull.push(performance.now() - start);
  }

  measuring = true;
  // Both figures tell whether the server or this load generator set the pace: the
  // server's share of its core, and how late this process's own timers ran.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const serverCpuBefore = cpuSeconds(child.pid);
  const loadStarted = performance.now();
  const until = loadStarted + loadSeconds * 1000;
  const editors = simulated.map(async (client) => {
    // Exponential gaps: edits arrive as a Poisson process, not in lockstep.
    for (;;) {
      const gap = -Math.log(1 - Math.random()) * editInterval * 1000;
      if (performance.now() + gap > until) return;
      await sleep(gap);
      await edit(client);
    }
  });
  const sampler = (async () => {
    while (performance.now() < until) {
      const start = performance.now();
      await api('GET', '/api/auth/me', meSession.headers);
      baselineUnderLoad.push(performance.now() - start);
      await sleep(200);
    }
  })();
  await Promise.all([...editors, sampler]);
  const serverCpuAfter = cpuSeconds(child.pid);
  const loadWall = (performance.now() - loadStarted) / 1000;
  lag.disable();
  // Let the last edits reach everyone, then stop.
  await sleep(3000);
  measuring = false;
  for (const client of simulated) client.stream?.abort();

  const pullFigures = figures(pulls);
  const pushFigures = figures(pushes);
  const visibleFigures = figures(visible);
  const baselineFigures = figures(baselineUnderLoad);
  print('idle: GET /api/auth/me (baseline)', figures(idleMe));
  print('idle: pull with nothing new', figures(idlePull));
  print('load: GET /api/auth/me (baseline)', baselineFigures);
  print('load: push of one edit', pushFigures);
  print('load: pull after a change event', pullFigures);
  print('load: edit visible on the other clients of its center', visibleFigures);
  console.log(`edits: ${pushes.length} (${(pushes.length / loadSeconds).toFixed(1)}/s); pulls: ${pulls.length} (${(pulls.length / loadSeconds).toFixed(0)}/s); failures: ${failures.length}`);
  const serverShare = serverCpuBefore !== undefined && serverCpuAfter !== undefined ? `${((100 * (serverCpuAfter - serverCpuBefore)) / loadWall).toFixed(0)}% of one core` : 'n/a';
  console.log(`server process CPU during the load: ${serverShare}; this load generator's event-loop delay p95 ${(lag.percentile(95) / 1e6).toFixed(0)} ms (a large delay inflates every figure above, the baseline's too)`);
  if (failures.length > 0) console.log(`first failures:\n  ${failures.slice(0, 5).join('\n  ')}`);
  console.log(`ratios to the baseline under load (p95): push ${(pushFigures.p95 / baselineFigures.p95).toFixed(2)}, pull ${(pullFigures.p95 / baselineFigures.p95).toFixed(2)}; budget 200 ms`);
  console.log(
    `RESULT live_p95_ms=${oursFigures.p95.toFixed(0)} load_clients=${clientCount} load_pull_p95_ms=${pullFigures.p95.toFixed(0)} load_push_p95_ms=${pushFigures.p95.toFixed(0)} load_visible_p95_ms=${visibleFigures.p95.toFixed(0)} load_ratio=${(pullFigures.p95 / baselineFigures.p95).toFixed(2)}`,
  );
  if (failures.length > 0) process.exitCode = 1;
} finally {
  const exited = child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : Promise.resolve();
  child.stdin.end();
  await exited;
}
