// The Content-Security-Policy of every page the desktop app shows. The renderer is built
// to run without eval or inline script (renderer/vite.config.ts), so 'self' is all it
// needs; the one remote origin it may reach is the central server configured on this
// device.
import { isWasmWorkerScript, wasmWorkerScriptSources } from '../../shared/security/wasm-workers';
import { isAppUrl } from '../app-origin';

/**
 * The CSP for the current server URL (`null` while the device is not configured yet:
 * then the page can reach nothing but itself, which is all the setup screen needs).
 * `wasmWorker` is for the one kind of response that may compile WebAssembly: a worker
 * script that needs it (shared/security/wasm-workers.ts), never a page.
 */
export function buildContentSecurityPolicy(serverUrl: string | null, options: { wasmWorker?: boolean } = {}): string {
  const connect = ["'self'", ...serverSources(serverUrl)];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', options.wasmWorker ? [...wasmWorkerScriptSources] : ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', connect],
    ['worker-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * The server's origin, plus its WebSocket twin: CSP's http(s) host sources do not cover
 * ws(s), and a live replication stream may use either.
 */
function serverSources(serverUrl: string | null): string[] {
  if (serverUrl === null) return [];
  const url = new URL(serverUrl);
  const socketScheme = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${socketScheme}//${url.host}`];
}

/** The CSP for one response of the app: a wasm worker script of the app's own origin gets 'wasm-unsafe-eval'. */
export function contentSecurityPolicyFor(serverUrl: string | null, url: string | undefined): string {
  const wasmWorker = url !== undefined && isAppUrl(url) && isWasmWorkerScript(new URL(url).pathname);
  return buildContentSecurityPolicy(serverUrl, { wasmWorker });
}
