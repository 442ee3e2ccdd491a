// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// shared/ is the platform-free core (DESIGN.md decision 1): it must run unchanged in
// Electron, the browser and Node, so it may not reach for any of them.
const platformModules = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  'electron',
  'express',
  'rxdb',
  'react',
  'react-dom',
  'nano',
  'pouchdb-node',
  'pouchdb-core',
];
const platformPatterns = ['node:*', 'electron/*', 'express/*', 'rxdb/*', 'react-dom/*', 'pouchdb-*', '**/server/**', '**/renderer/**', '**/main/**', '**/migration/**'];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', 'data/**', 'bench/results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.es2021 },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: platformModules.map((name) => ({ name, message: 'shared/ must stay platform-free (DESIGN.md decision 1).' })),
          patterns: [{ group: platformPatterns, message: 'shared/ must stay platform-free (DESIGN.md decision 1).' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({
          name,
          message: 'shared/ must stay platform-free (DESIGN.md decision 1).',
        })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', '**/server/**', '**/migration/**', '**/main/**', 'express', 'nano', 'pouchdb-*'], message: 'The renderer runs in a browser sandbox: no Node, no server code.' },
          ],
        },
      ],
    },
  },
  {
    // The client's build tooling runs in Node at build time, not in the browser.
    files: ['renderer/vite.config.ts', 'renderer/build/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
);
