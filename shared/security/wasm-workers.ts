// The one exception to the app's script-src 'self': Web Worker scripts that compile
// WebAssembly (the print worker subsets fonts with HarfBuzz). A worker loaded from a URL
// runs under the CSP sent with its own script (CSP Level 3), so the server and the
// desktop app send 'wasm-unsafe-eval' with these scripts only; every page, and every
// other script, keeps plain 'self'. Vite names a worker entry `<name>.worker-<hash>.js`.

const wasmWorkerScript = /^\/assets\/print\.worker-[A-Za-z0-9_-]+\.js$/;

/** True for the URL path (relative to where the app is served) of a worker script that compiles WebAssembly. */
export function isWasmWorkerScript(pathname: string): boolean {
  return wasmWorkerScript.test(pathname);
}

/** The script-src of a wasm worker script: exactly 'self' and 'wasm-unsafe-eval' (never 'unsafe-eval'). */
export const wasmWorkerScriptSources = ["'self'", "'wasm-unsafe-eval'"] as const;
