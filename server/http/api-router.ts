// How capabilities add endpoints. A route module is one function that receives an
// ApiRouter and the server context (see server/routes.ts); every route it declares
// names the action it performs, so the guard runs before its handler — there is no way
// to add an unguarded route except `publicRoute`, which login and health use.
//
// Order per request: guard (401/403, audited) → route params → JSON body (400/413) →
// query → handler. A handler returns the JSON to send (status 200 unless it set one),
// or undefined after answering itself (a download, a stream).
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { AuditOperation } from '../../shared/index';
import type { AccessAction } from '../../shared/access/policy';
import { auditSource, authorizeCenter, guardRoute, recordAudit, type CenterTarget } from '../access/guard';
import type { AuditEvent, AuditSource } from '../audit/request-audit';
import type { Authenticated, ServerContext } from '../context';
import { invalidField } from './errors';
import { requestIdOf } from './request-id';
import { bodyValidator, queryValidator, type Validator } from './validate';
import { fieldLabel, format, validationMessages } from '../../shared/index';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteSpec {
  /** The guard's question (shared/access/policy.ts). */
  access: AccessAction;
  /** What the audit log calls this when the client does not name its screen. */
  menu: string;
  /** The operation a refusal is audited as. */
  operation: AuditOperation;
  /** The key in the messages file's fieldLabels that names this route's fields. */
  labels?: string;
  /** Route parameters and the pattern each must match (400 naming it otherwise). */
  params?: Readonly<Record<string, RegExp>>;
  body?: object;
  query?: object;
  /** Overrides the server's JSON body limit for this route. */
  bodyLimitKb?: number;
}

export type PublicRouteSpec = Omit<RouteSpec, 'access'>;

interface CallBase<B, Q> {
  req: Request;
  res: Response;
  body: B;
  query: Q;
  params: Readonly<Record<string, string>>;
  requestId: string;
  menu: string;
}

export interface RouteCall<B = unknown, Q = unknown> extends CallBase<B, Q> {
  auth: Authenticated;
  /** Appends an audit entry about this request (who, device, menu and request id filled in). */
  audit(event: AuditEvent): Promise<void>;
  /** May the caller do `action` on this center's data? Throws (audited) when not. */
  authorize(action: AccessAction, operation: AuditOperation, target: CenterTarget, hideAs?: 403 | 404): Promise<void>;
  source: AuditSource;
}

export type PublicCall<B = unknown, Q = unknown> = CallBase<B, Q>;

export type RouteHandler<B, Q> = (call: RouteCall<B, Q>) => unknown;
export type PublicHandler<B, Q> = (call: PublicCall<B, Q>) => unknown;

export interface ApiRouter {
  get<B = undefined, Q = Record<string, never>>(path: string, spec: RouteSpec, handler: RouteHandler<B, Q>): void;
  post<B = unknown, Q = Record<string, never>>(path: string, spec: RouteSpec, handler: RouteHandler<B, Q>): void;
  put<B = unknown, Q = Record<string, never>>(path: string, spec: RouteSpec, handler: RouteHandler<B, Q>): void;
  patch<B = unknown, Q = Record<string, never>>(path: string, spec: RouteSpec, handler: RouteHandler<B, Q>): void;
  delete<B = undefined, Q = Record<string, never>>(path: string, spec: RouteSpec, handler: RouteHandler<B, Q>): void;
  /** A route anyone may call (login, health). Keep these few. */
  publicRoute<B = unknown, Q = Record<string, never>>(method: Method, path: string, spec: PublicRouteSpec, handler: PublicHandler<B, Q>): void;
}

/** A capability's routes: `export const personRoutes: RouteModule = (api, ctx) => { … }`. */
export type RouteModule = (api: ApiRouter, ctx: ServerContext) => void;

/** `X-Kizuna-Menu: <percent-encoded screen name>` lets the client name the screen for the audit log. */
function menuOf(req: Request, fallback: string): string {
  const header = req.get('x-kizuna-menu');
  if (!header) return fallback;
  try {
    const decoded = decodeURIComponent(header).trim();
    return decoded.length > 0 && decoded.length <= 80 && ![...decoded].some((ch) => ch.charCodeAt(0) < 0x20) ? decoded : fallback;
  } catch {
    return fallback;
  }
}

function paramsOf(req: Request, spec: PublicRouteSpec): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.params as Record<string, string>)) {
    const pattern = spec.params?.[name];
    if (pattern && !pattern.test(value)) {
      throw invalidField(name, format(validationMessages.invalid, { field: fieldLabel(spec.labels ?? 'request', name) }), 'pattern');
    }
    params[name] = value;
  }
  return params;
}

const asyncRoute =
  (run: (req: Request, res: Response) => Promise<void>) =>
  (req: Request, res: Response, next: NextFunction): void => {
    run(req, res).then(() => undefined, next);
  };

function send(res: Response, result: unknown): void {
  if (result === undefined) {
    if (!res.headersSent) res.status(204).end();
    return;
  }
  res.json(result);
}

export function createApiRouter(ctx: ServerContext): { router: Router; api: ApiRouter } {
  const router = express.Router();
  const jsonParsers = new Map<number, ReturnType<typeof express.json>>();
  const jsonParser = (limitKb: number) => {
    let parser = jsonParsers.get(limitKb);
    if (!parser) {
      // strict: a top-level string or number is not a request body anywhere in this API.
      parser = express.json({ limit: `${limitKb}kb`, strict: true, type: () => true });
      jsonParsers.set(limitKb, parser);
    }
    return parser;
  };

  const compiled = (spec: PublicRouteSpec) => ({
    body: spec.body ? bodyValidator(spec.labels ?? 'request', spec.body) : undefined,
    query: spec.query ? queryValidator(spec.labels ?? 'request', spec.query) : undefined,
  });

  /** Parses the JSON body only for methods that carry one, after the guard. */
  const readBody = (req: Request, res: Response, spec: PublicRouteSpec, validate: Validator | undefined) =>
    new Promise<unknown>((resolve, reject) => {
      if (!validate) return resolve(undefined);
      jsonParser(spec.bodyLimitKb ?? ctx.config.jsonBodyLimitKb)(req, res, (error?: unknown) => {
        if (error) return reject(error);
        const body: unknown = req.body;
        if (body === undefined) return reject(Object.assign(new Error('no JSON body'), { type: 'entity.missing' }));
        try {
          resolve(validate(body));
        } catch (invalid) {
          reject(invalid);
        }
      });
    });

  const readQuery = (req: Request, validate: Validator | undefined) => (validate ? validate({ ...(req.query as object) }) : {});

  const register = <B, Q>(method: Method, path: string, spec: RouteSpec, handler: RouteHandler<B, Q>) => {
    const validators = compiled(spec);
    router[method](
      path,
      asyncRoute(async (req, res) => {
        const requestId = requestIdOf(res);
        const menu = menuOf(req, spec.menu);
        const auth = await guardRoute(
          ctx,
          { authorization: req.get('authorization'), device: req.get('x-kizuna-device'), menu, requestId, operation: spec.operation },
          spec.access,
        );
        const params = paramsOf(req, spec);
        const body = (await readBody(req, res, spec, validators.body)) as B;
        const query = readQuery(req, validators.query) as Q;
        const source = auditSource(auth, menu, requestId);
        const call: RouteCall<B, Q> = {
          req,
          res,
          body,
          query,
          params,
          requestId,
          menu,
          auth,
          source,
          audit: (event) => recordAudit(ctx, source, event),
          authorize: (action, operation, target, hideAs) => authorizeCenter(ctx, source, auth, action, operation, target, hideAs),
        };
        send(res, await handler(call));
      }),
    );
  };

  const api: ApiRouter = {
    get: (path, spec, handler) => register('get', path, spec, handler),
    post: (path, spec, handler) => register('post', path, spec, handler),
    put: (path, spec, handler) => register('put', path, spec, handler),
    patch: (path, spec, handler) => register('patch', path, spec, handler),
    delete: (path, spec, handler) => register('delete', path, spec, handler),
    publicRoute: (method, path, spec, handler) => {
      const validators = compiled(spec);
      router[method](
        path,
        asyncRoute(async (req, res) => {
          const params = paramsOf(req, spec);
          const body = await readBody(req, res, spec, validators.body);
          const query = readQuery(req, validators.query);
          const call = { req, res, body, query, params, requestId: requestIdOf(res), menu: menuOf(req, spec.menu) };
          send(res, await handler(call as PublicCall<never, never>));
        }),
      );
    },
  };
  return { router, api };
}
