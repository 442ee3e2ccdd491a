import type { Plugin } from 'vite';

// Fails the build when it is not a production build, or when something that must never
// reach the browser gets bundled:
// RxDB's dev-mode (it loads an iframe from the internet) and Ajv or any eval-based code
// (the app runs under `script-src 'self'`, without 'unsafe-eval').

const forbiddenModules: ReadonlyArray<readonly [RegExp, string]> = [
  [/rxdb[\\/]dist[\\/][^\\/]+[\\/]plugins[\\/]dev-mode/, 'RxDB dev-mode'],
  [/node_modules[\\/]ajv[\\/]/, 'Ajv (compiles validators with new Function)'],
  [/rxdb[\\/]dist[\\/][^\\/]+[\\/]plugins[\\/]validate-ajv/, 'RxDB validate-ajv'],
];
const evalPatterns: readonly RegExp[] = [/\bnew Function\s*\(/, /[^.\w$]eval\s*\(/];

export function browserGuardPlugin(): Plugin {
  return {
    name: 'kizuna-browser-guard',
    apply: 'build',
    configResolved(config) {
      // NODE_ENV decides React's build and import.meta.env.DEV (which turns the service
      // worker off); a runner that sets it to `test` must not ship a development client.
      if (!config.isProduction) throw new Error(`build the client with NODE_ENV=production (it is ${process.env.NODE_ENV ?? 'unset'})`);
    },
    generateBundle(_options, bundle) {
      for (const id of this.getModuleIds()) {
        for (const [pattern, what] of forbiddenModules) if (pattern.test(id)) this.error(`${what} must not be in the browser build (imported as ${id})`);
      }
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const pattern of evalPatterns) {
          const match = pattern.exec(output.code);
          if (match) this.error(`${output.fileName} contains "${match[0].trim()}", which the app's CSP (script-src 'self') blocks`);
        }
      }
    },
  };
}
