import type { Plugin } from 'vite';

// Fails the build when something that must never reach the browser gets bundled:
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
