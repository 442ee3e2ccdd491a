// The live stream's client: server-sent events read from a fetch body (so the bearer
// token goes in the Authorization header, never in a URL), reconnecting with exponential
// backoff after any loss. Every (re)connection is reported, since whatever changed while
// it was down has to be pulled.
import { backoffDelay, defaultBackoff, type BackoffPolicy, type StreamChange } from '../../shared/index';
import type { SyncTransport } from './transport';

export interface EventStreamOptions {
  transport: SyncTransport;
  path: string;
  backoff?: BackoffPolicy;
  /** No byte for this long (the server sends a heartbeat every 25 s) means a dead connection. */
  silenceMs?: number;
  onOpen(): void;
  onChange(change: StreamChange): void;
  /** The connection dropped (or could not be made); a retry follows by itself. */
  onDown(error: unknown): void;
  /** A failure no retry can fix (session expired, device revoked): the stream stops. */
  isFatal(error: unknown): boolean;
}

export interface EventStream {
  stop(): void;
  /** Reconnect now instead of after the current backoff (the network is back). */
  retryNow(): void;
}

/** Splits an event-stream body into events (`event:` and `data:` lines up to a blank line). */
export function parseEvents(buffer: string): { events: Array<{ event: string; data: string }>; rest: string } {
  const events: Array<{ event: string; data: string }> = [];
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length > 0 || event !== 'message') events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

export function openEventStream(options: EventStreamOptions): EventStream {
  const policy = options.backoff ?? defaultBackoff;
  const silenceMs = options.silenceMs ?? 60_000;
  let stopped = false;
  let attempt = 0;
  let current: AbortController | undefined;
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function connectOnce(): Promise<void> {
    const controller = new AbortController();
    current = controller;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      if (silence) clearTimeout(silence);
      silence = setTimeout(() => controller.abort(), silenceMs);
    };
    try {
      arm();
      const response = await options.transport.open(options.path, { method: 'GET', headers: { Accept: 'text/event-stream' }, signal: controller.signal });
      const reader = response.body?.getReader();
      if (!reader) throw new Error('the live stream has no body');
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the live stream ended');
        arm();
        buffer += decoder.decode(value, { stream: true });
        const parsed = parseEvents(buffer);
        buffer = parsed.rest;
        for (const { event, data } of parsed.events) {
          if (event === 'ready') {
            attempt = 0;
            options.onOpen();
          } else if (event === 'change') {
            options.onChange(JSON.parse(data) as StreamChange);
          }
        }
      }
    } finally {
      if (silence) clearTimeout(silence);
      controller.abort();
    }
  }

  void (async () => {
    while (!stopped) {
      try {
        await connectOnce();
      } catch (error) {
        if (stopped) return;
        if (options.isFatal(error)) return;
        options.onDown(error);
      }
      if (stopped) return;
      attempt += 1;
      await sleep(backoffDelay(attempt, policy, Math.random));
    }
  })();

  return {
    stop() {
      stopped = true;
      current?.abort();
      wake?.();
    },
    retryNow() {
      wake?.();
    },
  };
}
