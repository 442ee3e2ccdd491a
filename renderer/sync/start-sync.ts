// The client's sync engine (issue 4): `startSync` replicates every collection the user
// may receive with the server, keeps a live stream open for prompt pulls, retries with
// exponential backoff after any loss, and feeds the sync status the status bar shows.
// The app calls it after an online login or unlock; `stop()` on lock or sign-out.
import { addRxPlugin } from 'rxdb';
import { RxDBCleanupPlugin } from 'rxdb/plugins/cleanup';
import { combineLatest, type Subscription } from 'rxjs';
import { decide, type Actor } from '../../shared/access/policy';
import { backoffDelay, collectionNames, collections, defaultBackoff, format, replicationPaths, syncMessages, type BackoffPolicy, type CollectionName, type WireDocument } from '../../shared/index';
import type { ClientDatabase } from '../store/database';
import { replicateCollection, type CollectionReplication } from './collection-replication';
import { openEventStream, type EventStream } from './event-stream';
import { countPending } from './pending';
import { defaultAuditRetentionMs, dropAcknowledgedEntries } from './acknowledged-audit';
import { revertToServerState, type RevertOutcome } from './revert';
import type { SyncStatusStore } from './status';
import { SyncRequestError, SyncTransport } from './transport';

// Purging the tombstones of documents that left the device (RxDB keeps them otherwise).
addRxPlugin(RxDBCleanupPlugin);

export interface StartSyncOptions {
  serverUrl: string;
  /** The session's bearer token (an offline unlock has none: sync after the next login). */
  token: string;
  database: ClientDatabase;
  /** `<deviceId>:<deviceToken>`, sent as X-Kizuna-Device. */
  deviceHeader?: string;
  /** The user's permissions and centers: collections they may not read are not replicated. */
  actor?: Actor;
  /** Which collections (default: every replicated collection open in the database). */
  collections?: readonly CollectionName[];
  /** Where the status bar reads from. */
  status?: SyncStatusStore;
  fetch?: typeof fetch;
  pullBatchSize?: number;
  pushBatchSize?: number;
  backoff?: BackoffPolicy;
  /** False: one sync to the end, then stop (tests, a manual "sync now"). Default true. */
  live?: boolean;
  /** No byte on the live stream for this long means a dead connection (default 60 s). */
  streamSilenceMs?: number;
  /** Pull every collection this often while the live stream is down (default 60 s). */
  fallbackPullMs?: number;
  onSessionExpired?: () => void;
  onDeviceRevoked?: () => void;
  /** How long chained audit entries stay on the device (default 10 minutes). */
  auditRetentionMs?: number;
  /** Every page of pulled documents as the server sent it (tests check scope on each). */
  onPulled?: (collection: CollectionName, documents: readonly WireDocument[]) => void;
  now?: () => Date;
}

export interface SyncEngine {
  readonly replications: readonly CollectionReplication[];
  /** Resolves when every collection is in sync with the server (waits while offline). */
  awaitInSync(): Promise<void>;
  /** Pull every collection now. */
  resync(): void;
  /** In sync, and done with what follows (counting pending changes, purging what left the device). */
  awaitIdle(): Promise<void>;
  /** Counts the local changes the server has not accepted yet, and shows the count. */
  countPending(): Promise<number>;
  /**
   * Drops the local changes of one document the server has not accepted (a refused
   * change the user discards): it returns to the server's version, then a pull follows.
   */
  revert(collection: CollectionName, id: string): Promise<RevertOutcome>;
  stop(): Promise<void>;
}

/** The engine running for each open database, for screens that act on the sync (discarding a refused change). */
const running = new WeakMap<ClientDatabase, SyncEngine>();

export function runningSync(database: ClientDatabase): SyncEngine | undefined {
  return running.get(database);
}

/** Collections this user replicates, and which of them they pull. */
function plan(database: ClientDatabase, wanted: readonly CollectionName[] | undefined, actor: Actor | undefined): Array<{ name: CollectionName; pull: boolean }> {
  const open = collectionNames.filter((name) => name in database.collections && (wanted === undefined || wanted.includes(name)));
  return open.flatMap((name): Array<{ name: CollectionName; pull: boolean }> => {
    const scope = collections[name].scope;
    if (scope === 'uploadOnly') return [{ name, pull: false }];
    const allowed = actor === undefined || decide(actor, scope === 'global' ? 'master.read' : 'case.read').allowed;
    return allowed ? [{ name, pull: true }] : [];
  });
}

export function startSync(options: StartSyncOptions): SyncEngine {
  const policy = options.backoff ?? defaultBackoff;
  const now = options.now ?? (() => new Date());
  const status = options.status;
  const db = options.database;
  let stopped = false;
  let failures = 0;
  // Event counters: a success is reported only when every collection finished a pull
  // after the last failure, and nothing is still running.
  let tick = 0;
  let lastFailureTick = -1;
  const completedAt = new Map<CollectionName, number>();
  const purge = new Set<CollectionName>();

  const setRetry = (ms: number) => {
    for (const replication of replications) replication.state.retryTime = ms;
  };

  const transport = new SyncTransport(
    { serverUrl: options.serverUrl, token: options.token, ...(options.deviceHeader !== undefined ? { deviceHeader: options.deviceHeader } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) },
    {
      onSuccess: () => {
        tick += 1;
        const recovering = failures > 0;
        failures = 0;
        setRetry(policy.initialMs);
        status?.update({ online: true });
        // Back after a failure: pull everything, so the status can honestly say "synced".
        if (recovering) resyncAll();
      },
      onFailure: (error) => {
        tick += 1;
        lastFailureTick = tick;
        failures += 1;
        setRetry(backoffDelay(failures, policy, Math.random));
        status?.update({ online: error.kind !== 'unreachable', lastError: { at: now().toISOString(), message: messageOf(error) } });
        if (error.fatal) void fatal(error);
      },
    },
  );

  const replications: CollectionReplication[] = plan(db, options.collections, options.actor).map(({ name, pull }) =>
    replicateCollection({
      name,
      pull,
      collection: db.collections[name],
      transport,
      ...('rejections' in db.collections ? { rejections: db.rejections } : {}),
      identifier: `kizuna-${name}-${options.serverUrl}`,
      pullBatchSize: options.pullBatchSize ?? 500,
      pushBatchSize: options.pushBatchSize ?? 50,
      live: options.live ?? true,
      onPulled: (collection, documents) => {
        options.onPulled?.(collection, documents);
      },
      onPullComplete: () => completedAt.set(name, (tick += 1)),
      onDeletionsPulled: () => purge.add(name),
      now,
    }),
  );
  const subscriptions: Subscription[] = [];
  for (const replication of replications) {
    // RxDB's own errors (a local write that failed) are not request failures: show them.
    subscriptions.push(
      replication.state.error$.subscribe((error) => {
        const cause = (error as { parameters?: { errors?: unknown[] } }).parameters?.errors?.[0];
        if ((cause as { name?: unknown } | undefined)?.name === 'SyncRequestError') return;
        tick += 1;
        lastFailureTick = tick;
        status?.update({ lastError: { at: now().toISOString(), message: format(syncMessages.status.unexpected, { reason: error.message.slice(0, 200) }) } });
      }),
    );
  }

  function resyncAll(): void {
    for (const replication of replications) if (replication.state.pull) replication.resync();
  }

  // Idle: every collection finished what it had to do. Report, count, purge.
  let idleWork: Promise<void> = Promise.resolve();
  subscriptions.push(
    combineLatest(replications.map((r) => r.state.active$)).subscribe((active) => {
      const busy = active.some(Boolean);
      status?.update({ syncing: busy });
      if (busy || stopped) return;
      idleWork = idleWork.then(onIdle).catch(() => undefined);
    }),
  );
  async function onIdle(): Promise<void> {
    if (stopped) return;
    const pulled = replications.filter((r) => r.state.pull);
    const synced = pulled.every((r) => (completedAt.get(r.name) ?? -1) > lastFailureTick) && failures === 0;
    const pending = (await Promise.all(replications.map((r) => countPending(r.state)))).reduce((a, b) => a + b, 0);
    if (stopped) return;
    status?.update({ pending, ...(synced && pending === 0 ? { lastSuccessAt: now().toISOString(), lastError: null, online: true } : {}) });
    // A cleanup first waits until the replication is in sync: offline that holds all the
    // idle work (the pending count too) until the network is back. Purge once synced.
    for (const name of synced ? [...purge] : []) {
      purge.delete(name);
      await db.collections[name].cleanup(0).catch(() => undefined);
    }
    const audit = replications.find((r) => collections[r.name].scope === 'uploadOnly');
    const before = new Date(now().getTime() - (options.auditRetentionMs ?? defaultAuditRetentionMs)).toISOString();
    if (audit && (await dropAcknowledgedEntries(audit.state, before)) > 0) purge.add(audit.name);
  }

  // Local writes change the pending count: recount once things settle.
  const recountPending = (): Promise<number> => {
    const counted = idleWork.then(async () => {
      const pending = (await Promise.all(replications.map((r) => countPending(r.state)))).reduce((a, b) => a + b, 0);
      if (!stopped) status?.update({ pending });
      return pending;
    });
    idleWork = counted.then(
      () => undefined,
      () => undefined,
    );
    return counted;
  };
  let recount: ReturnType<typeof setTimeout> | undefined;
  for (const replication of replications) {
    subscriptions.push(
      replication.state.collection.$.subscribe(() => {
        if (recount) clearTimeout(recount);
        recount = setTimeout(() => void recountPending().catch(() => undefined), 250);
      }),
    );
  }

  let stream: EventStream | undefined;
  let fallback: ReturnType<typeof setInterval> | undefined;
  let streamUp = false;
  if (options.live ?? true) {
    stream = openEventStream({
      transport,
      path: replicationPaths.stream,
      backoff: policy,
      ...(options.streamSilenceMs !== undefined ? { silenceMs: options.streamSilenceMs } : {}),
      onOpen: () => {
        streamUp = true;
        status?.update({ online: true });
        resyncAll();
      },
      onChange: ({ collection }) => replications.find((r) => r.name === collection)?.resync(),
      onDown: () => {
        streamUp = false;
        status?.update({ online: false });
      },
      isFatal: (error) => error instanceof SyncRequestError && error.fatal,
    });
    // Without the stream, nothing says when the server changed: look now and then.
    fallback = setInterval(() => {
      if (!streamUp) resyncAll();
    }, options.fallbackPullMs ?? 60_000);
  }
  status?.update({ engine: 'running', pending: null });

  async function fatal(error: SyncRequestError): Promise<void> {
    await engine.stop();
    if (error.kind === 'deviceRevoked') options.onDeviceRevoked?.();
    else options.onSessionExpired?.();
  }

  const engine: SyncEngine = {
    replications,
    async awaitInSync() {
      await Promise.all(replications.map((r) => r.state.awaitInSync()));
    },
    resync: resyncAll,
    async awaitIdle() {
      await engine.awaitInSync();
      idleWork = idleWork.then(onIdle).catch(() => undefined);
      await idleWork;
    },
    countPending: recountPending,
    async revert(collection, id) {
      const replication = replications.find((r) => r.name === collection);
      if (!replication) return 'unknown';
      const outcome = await revertToServerState(replication.state, id);
      // A document the server hides comes back as a deletion: purge it with the next idle.
      if (outcome === 'reverted') purge.add(collection);
      if (replication.state.pull) replication.resync();
      return outcome;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (running.get(db) === engine) running.delete(db);
      stream?.stop();
      if (fallback) clearInterval(fallback);
      if (recount) clearTimeout(recount);
      for (const subscription of subscriptions) subscription.unsubscribe();
      await Promise.all(replications.map((r) => r.state.cancel()));
      status?.update({ engine: 'stopped', syncing: false });
    },
  };
  running.set(db, engine);
  return engine;
}

function messageOf(error: SyncRequestError): string {
  const m = syncMessages.status;
  switch (error.kind) {
    case 'unreachable':
      return m.unreachable;
    case 'sessionExpired':
      return error.serverMessage ?? m.sessionExpired;
    case 'deviceRevoked':
      return error.serverMessage ?? m.deviceRevoked;
    default:
      return error.serverMessage ?? format(m.serverError, { status: error.status ?? '—' });
  }
}
