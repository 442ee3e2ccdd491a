// A TCP proxy between clients and a server on this machine, standing in for the city's
// WAN: it can hold both directions to a bandwidth shared by all connections (a 10 Mbit/s
// link for the sync benchmark) and cut every open connection once a number of bytes has
// gone through (a network drop in the middle of a sync, for the interruption tests).
//
//   const proxy = await startTcpProxy({ targetPort: server.port, bytesPerSecond: 1_250_000 });
//   ... fetch(`${proxy.url}/api/...`) ...
//   proxy.cutAfter(200_000);   // drop everything once 200 kB more went to the clients
//   await proxy.close();
import net from 'node:net';
import { once } from 'node:events';

export interface TcpProxyOptions {
  targetPort: number;
  targetHost?: string;
  /** Bandwidth of the link in each direction, shared by all connections; unlimited when absent. */
  bytesPerSecond?: number;
}

export interface TcpProxy {
  readonly url: string;
  readonly port: number;
  /** Bytes sent to the clients so far. */
  readonly bytesDown: number;
  readonly connections: number;
  /** How many times a cut dropped the open connections. */
  readonly cuts: number;
  /** Drops every open connection once `bytes` more have gone to the clients. */
  cutAfter(bytes: number): void;
  /** Drops every open connection now. */
  cutNow(): void;
  close(): Promise<void>;
}

/** One direction of the link: data waits its turn behind what was sent before. */
class Link {
  private freeAt = 0;

  constructor(private readonly bytesPerSecond: number | undefined) {}

  /** Milliseconds the sender must wait after sending `bytes`. */
  delayFor(bytes: number): number {
    if (!this.bytesPerSecond) return 0;
    const now = performance.now();
    this.freeAt = Math.max(now, this.freeAt) + (bytes * 1000) / this.bytesPerSecond;
    return this.freeAt - now;
  }
}

const slice = 16 * 1024;

/** Forwards `from` to `to` at the link's pace; `take(n)` says how many of n bytes may pass (the rest is cut). */
function pipeThrottled(from: net.Socket, to: net.Socket, link: Link, take: (bytes: number) => number): void {
  from.on('data', (chunk: Buffer) => {
    const allowed = take(chunk.length);
    for (let offset = 0; offset < allowed; offset += slice) to.write(new Uint8Array(chunk.buffer, chunk.byteOffset + offset, Math.min(slice, allowed - offset)));
    if (allowed < chunk.length) {
      // The cut falls inside this chunk: what got through is flushed, then the line goes dead.
      to.end(() => to.destroy());
      from.destroy();
      return;
    }
    const wait = link.delayFor(chunk.length);
    if (wait > 1) {
      from.pause();
      setTimeout(() => from.resume(), wait);
    }
  });
  from.on('end', () => to.end());
}

export async function startTcpProxy(options: TcpProxyOptions): Promise<TcpProxy> {
  const down = new Link(options.bytesPerSecond);
  const up = new Link(options.bytesPerSecond);
  const open = new Set<net.Socket>();
  let bytesDown = 0;
  let connections = 0;
  let cuts = 0;
  let cutAt: number | undefined;

  const cutNow = () => {
    cuts += 1;
    cutAt = undefined;
    for (const socket of open) socket.destroy();
    open.clear();
  };

  const server = net.createServer((client) => {
    connections += 1;
    const upstream = net.connect(options.targetPort, options.targetHost ?? '127.0.0.1');
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.setNoDelay(true);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    pipeThrottled(client, upstream, up, (n) => n);
    pipeThrottled(upstream, client, down, (n) => {
      if (cutAt === undefined || bytesDown + n < cutAt) {
        bytesDown += n;
        return n;
      }
      const allowed = cutAt - bytesDown;
      bytesDown = cutAt;
      // Every other connection drops now; this one after the bytes before the cut.
      open.delete(client);
      open.delete(upstream);
      cutNow();
      return allowed;
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get bytesDown() {
      return bytesDown;
    },
    get connections() {
      return connections;
    },
    get cuts() {
      return cuts;
    },
    cutAfter(bytes) {
      cutAt = bytesDown + bytes;
    },
    cutNow,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
