// The live stream (server-sent events over a plain GET, so the client can send its
// bearer token in the Authorization header with fetch): one line per collection that
// changed in the user's scope, coalesced over a short window. It carries no documents:
// the client answers each line with a pull (RxDB's RESYNC), which is filtered and audited.
import type { Request, Response } from 'express';
import { collectionNames, type CollectionName } from '../../shared/index';
import { authenticate } from '../auth/authenticate';
import type { Authenticated, ServerContext } from '../context';
import type { ChangeHub } from './change-hub';
import { databaseOf, feedKeysOf } from './feeds';

export interface StreamTuning {
  /** Changes within this window go out as one line per collection. */
  coalesceMs: number;
  /** A comment line this often keeps proxies from closing an idle stream, and re-checks the session. */
  heartbeatMs: number;
}

export const defaultStreamTuning: StreamTuning = { coalesceMs: 50, heartbeatMs: 25_000 };

export function serveStream(ctx: ServerContext, hub: ChangeHub, auth: Authenticated, req: Request, res: Response, tuning: StreamTuning = defaultStreamTuning): void {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  req.socket.setTimeout(0);
  req.socket.setNoDelay(true);

  const pending = new Set<CollectionName>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    for (const collection of pending) res.write(`event: change\ndata: ${JSON.stringify({ collection })}\n\n`);
    pending.clear();
  };
  const unsubscribes: Array<() => void> = [];
  for (const collection of collectionNames) {
    for (const key of feedKeysOf(auth.actor, collection)) {
      unsubscribes.push(
        hub.subscribe(databaseOf(collection, key), () => {
          pending.add(collection);
          timer ??= setTimeout(flush, tuning.coalesceMs);
        }),
      );
    }
  }
  // The session can end while the stream stays open: then the stream ends too.
  const heartbeat = setInterval(() => {
    const still = authenticate(ctx, { authorization: req.get('authorization'), device: req.get('x-kizuna-device') });
    if (!still.ok) res.end();
    else res.write(': ping\n\n');
  }, tuning.heartbeatMs);
  const stop = () => {
    clearInterval(heartbeat);
    if (timer) clearTimeout(timer);
    for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
  };
  res.on('close', stop);
  res.write('retry: 5000\nevent: ready\ndata: {}\n\n');
}
