// electron-builder.yml checked against electron-builder's own JSON schema (the one it
// validates with before building) and against what the centers' installs need. The
// installers themselves need the Electron binary, which cannot be downloaded here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  nsis: Record<string, unknown>;
  win: { target: { target: string; arch: string[] }[] };
  linux: { target: { target: string; arch: string[] }[] };
};
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; optionalDependencies: Record<string, string> };

describe('electron-builder.yml', () => {
  it('is valid by electron-builder’s own schema', () => {
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('would be rejected by that schema if it were wrong (the check is not vacuous)', () => {
    expect(validate({ ...config, nsis: { ...config.nsis, perMachine: 'yes' } })).toBe(false);
    expect(validate({ ...config, fileAssociation: [] })).toBe(false);
  });

  it('builds a per-machine NSIS installer in Japanese for Windows and an AppImage for Linux', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([{ target: 'AppImage', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, installerLanguages: ['ja_JP'], language: '1041', multiLanguageInstaller: false });
    expect(config.appId).toBe('jp.lg.hikarino.kizuna');
  });

  it('pins electronVersion to the Electron the shell is written for', () => {
    const range = packageJson.optionalDependencies.electron;
    expect(range).toBeDefined();
    expect(config.electronVersion).toBe(range!.replace(/^[\^~]/, ''));
  });

  it('packs only the built main process, the built renderer and package.json, into an asar', () => {
    expect(config.files).toEqual(['main/dist/**/*', 'renderer/dist/**/*', 'package.json']);
    expect(config.asar).toBe(true);
    expect(packageJson.main).toBe('main/dist/main.cjs');
  });

  it('flips the fuses that stop the installed binary being used as a Node runtime or loading another app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });
});
