// The central server: `startServer(config)` opens storage, the audit log, users,
// devices and sessions, loads the demo on a --demo start, and serves the API (and the
// built client) over HTTP, or HTTPS only when a certificate is configured.
import { mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import cors from 'cors';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { format, isWasmWorkerScript, serverMessages, wasmWorkerScriptSources } from '../shared/index';
import { allScopeCenters } from '../shared/access/policy';
import type { AuditKey } from './audit/chain';
import { configuredAuditKey } from './audit/key';
import { AuditLog } from './audit/log';
import { SessionStore } from './auth/sessions';
import { ConfigError, resolveConfig } from './config/resolve';
import type { ConfigInput, ServerConfig } from './config/schema';
import type { ServerContext } from './context';
import { loadDemoData, type DemoLoadResult } from './demo/load-demo-data';
import { ensureDemoUsers } from './demo/users';
import { auditDraft } from './audit/request-audit';
import { ensureFirstAdministrator } from './users/bootstrap';
import { DeviceRegistry } from './devices/registry';
import { createApiRouter, type RouteModule } from './http/api-router';
import { clientFiles } from './http/client-files';
import { errorHandler } from './http/error-handler';
import { ApiError, errorBody } from './http/errors';
import { requestIdOf, requestIds } from './http/request-id';
import { PersonIndex } from './persons/person-index';
import { routeModules } from './routes';
import { createStorage } from './storage/index';
import type { StorageEngine } from './storage/port';
import { MirroredStore } from './util/mirrored-store';
import type { User } from '../shared/index';

export interface StartOptions {
  /** The clock; tests move it forward to expire sessions and lockouts. */
  now?: () => number;
  /** Where unexpected errors are written (stderr by default). */
  log?: (line: string) => void;
  /** Extra route modules (tests); production routes are listed in server/routes.ts. */
  extraRoutes?: RouteModule[];
  /** With `demo`: load the demo persons and records (default true; tests that seed their own skip it). */
  demoData?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  config: ServerConfig;
  context: ServerContext;
  /** Set on a --demo start: whether this start loaded the demo data or found it there. */
  demo?: DemoLoadResult;
  /** Set on the first start of an empty production data folder: the one-time administrator login. */
  initialAdmin?: { userId: string; password: string };
  close(): Promise<void>;
}

function readTls(config: ServerConfig): { cert: Buffer; key: Buffer } | undefined {
  if (!config.tls) return undefined;
  const read = (key: 'certFile' | 'keyFile') => {
    const file = (config.tls as { certFile: string; keyFile: string })[key];
    try {
      return readFileSync(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new ConfigError(`tls.${key}`, file, format(serverMessages.config.tlsFileUnreadable, { key: `tls.${key}`, value: file, reason }));
    }
  };
  return { cert: read('certFile'), key: read('keyFile') };
}

function securityHeaders(config: ServerConfig) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        // Pages keep script-src 'self'. Only worker scripts that compile WebAssembly (the
        // print worker's HarfBuzz; an OCR worker would join it) are sent with
        // 'wasm-unsafe-eval': a worker runs under its own script's CSP.
        'script-src': [(req) => (isWasmWorkerScript(new URL(req.url ?? '/', 'http://app').pathname) ? wasmWorkerScriptSources.join(' ') : "'self'")],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'worker-src': ["'self'", 'blob:'],
        'frame-src': ["'self'", 'blob:'],
        'manifest-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'self'"],
        // Only with TLS: on plain HTTP it would send the client's requests to a port that does not answer.
        ...(config.tls ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: config.tls ? { maxAge: 31_536_000 } : false,
  });
}

function loginRateLimit(config: ServerConfig) {
  return rateLimit({
    windowMs: config.loginRateLimit.windowSeconds * 1000,
    limit: config.loginRateLimit.max,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res) => {
      const error = new ApiError(429, 'tooManyAttempts', serverMessages.auth.tooManyAttempts);
      res.status(429).json(errorBody(error, requestIdOf(res)));
    },
  });
}

async function openContext(config: ServerConfig, storage: StorageEngine, now: () => number, auditKey: AuditKey | undefined): Promise<ServerContext> {
  const audit = await AuditLog.open(storage, now, auditKey);
  const users = await MirroredStore.open<User>(storage, 'users');
  const devices = await DeviceRegistry.open(storage, now);
  const sessions = await SessionStore.open(storage, now);
  const persons = await PersonIndex.open(storage, allScopeCenters);
  return { config, storage, audit, users, devices, sessions, persons, now };
}

export function createApp(ctx: ServerContext, options: StartOptions = {}): express.Express {
  const { config } = ctx;
  const log = options.log ?? ((line: string) => console.error(line));
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(requestIds);
  app.use(securityHeaders(config));
  app.use(
    '/api',
    cors({
      origin: config.allowedOrigins,
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Kizuna-Device', 'X-Kizuna-Menu', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'],
      maxAge: 600,
    }),
  );
  app.use('/api', (_req, res, next) => {
    // Answers about persons must never sit in a cache.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.post('/api/auth/login', loginRateLimit(config));
  const { router, api } = createApiRouter(ctx);
  for (const register of [...routeModules, ...(options.extraRoutes ?? [])]) register(api, ctx);
  app.use('/api', router);
  app.use('/api', () => {
    throw new ApiError(404, 'notFound', serverMessages.http.notFound);
  });
  app.use(clientFiles(config.clientDir));
  app.use(() => {
    throw new ApiError(404, 'notFound', serverMessages.http.notFound);
  });
  app.use(errorHandler(log));
  return app;
}

/** Starts the server; `port: 0` picks a free port (tests). Throws ConfigError for bad settings. */
export async function startServer(input: ConfigInput | ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const config = resolveConfig(input);
  const tls = readTls(config);
  const auditKey = configuredAuditKey(config);
  const now = options.now ?? Date.now;
  if (config.storage.kind === 'embedded') mkdirSync(config.dataDir, { recursive: true });
  const storage = await createStorage(config.storage);
  let ctx: ServerContext | undefined;
  try {
    let demo: DemoLoadResult | undefined;
    if (config.demo && options.demoData !== false) demo = await loadDemoData(storage, now());
    ctx = await openContext(config, storage, now, auditKey);
    if (config.demo) await ensureDemoUsers(ctx.users, config.scrypt, now());
    const initialAdmin = await ensureFirstAdministrator(ctx.users, config.scrypt, now());
    if (initialAdmin) await ctx.audit.append(auditDraft({ userId: 'system', menu: 'server:start', requestId: 'start' }, { operation: 'create', result: 'success', targetDocumentId: `user:${initialAdmin.userId}`, detail: 'firstAdministrator' }, now()));
    const context = ctx;
    const app = createApp(context, options);
    const server = tls ? https.createServer({ ...tls }, app) : http.createServer(app);
    // A client must send its request within these; answering (a live stream) may take longer.
    server.headersTimeout = 30_000;
    server.requestTimeout = 120_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    // Ended sessions are dropped at start and then hourly, so the mirror stays small.
    const purge = setInterval(() => void context.sessions.purgeEnded().catch(() => undefined), 60 * 60_000);
    purge.unref();
    let closing: Promise<void> | undefined;
    const { port } = server.address() as AddressInfo;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      url: `${tls ? 'https' : 'http'}://${shownHost}:${port}`,
      port,
      config,
      context,
      ...(demo ? { demo } : {}),
      ...(initialAdmin ? { initialAdmin } : {}),
      close: () => {
        closing ??= (async () => {
          clearInterval(purge);
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          });
          context.persons.close();
          await context.audit.flush();
          await storage.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    ctx?.persons.close();
    await storage.close();
    throw error;
  }
}
