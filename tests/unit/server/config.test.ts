import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config/load';
import { ConfigError, resolveConfig } from '../../../server/config/resolve';

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('no ConfigError was thrown');
}

describe('server configuration', () => {
  it('starts from the documented defaults', () => {
    const config = loadConfig([], {}, '/srv/kizuna');
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe('/srv/kizuna/data');
    expect(config.storage).toEqual({ kind: 'embedded', dataDir: '/srv/kizuna/data' });
    expect(config.lockout).toEqual({ maxFailures: 5, windowMinutes: 15, durationMinutes: 15 });
    expect(config.tls).toBeUndefined();
    expect(config.demo).toBe(false);
    expect(config.requireRegisteredDevice).toBe(true);
  });

  it('reads a JSON file, takes paths relative to it, and lets flags win', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kizuna-config-'));
    const file = path.join(dir, 'kizuna.json');
    writeFileSync(
      file,
      JSON.stringify({
        port: 9000,
        dataDir: 'store',
        tls: { certFile: 'tls/cert.pem', keyFile: 'tls/key.pem' },
        sessionLifetimeMinutes: 60,
        lockout: { maxFailures: 3 },
        passwordMinLength: 12,
        offlineLeaseDays: 7,
        storage: { kind: 'couchdb', url: 'https://couch.example:6984', username: 'kizuna', prefix: 'hikarino' },
      }),
    );
    const config = loadConfig(['--config', file, '--port', '9443'], { KIZUNA_COUCHDB_PASSWORD: 'from-env' }, '/elsewhere');
    expect(config.port).toBe(9443);
    expect(config.dataDir).toBe(path.join(dir, 'store'));
    expect(config.tls).toEqual({ certFile: path.join(dir, 'tls/cert.pem'), keyFile: path.join(dir, 'tls/key.pem') });
    expect(config.lockout).toEqual({ maxFailures: 3, windowMinutes: 15, durationMinutes: 15 });
    expect(config.storage).toEqual({ kind: 'couchdb', url: 'https://couch.example:6984', username: 'kizuna', prefix: 'hikarino', password: 'from-env' });
    expect(config.sessionLifetimeMinutes).toBe(60);
    expect(config.passwordMinLength).toBe(12);
  });

  it('accepts demo mode from the flag, where unregistered devices are allowed', () => {
    const config = loadConfig(['--demo', '--data', 'demo-data', '--port', '0'], {}, '/tmp/x');
    expect(config).toMatchObject({ demo: true, requireRegisteredDevice: false, port: 0, dataDir: '/tmp/x/demo-data' });
  });

  it.each([
    [['--port', '70000'], 'port', '70000'],
    [['--port', 'eighty'], 'port', '"eighty"'],
    [['--couchdb-url', 'ftp://couch'], 'storage.url', '"ftp://couch"'],
  ])('stops on flags %j naming the key and the value', (argv, key, shown) => {
    const error = configError(() => loadConfig(argv, {}, '/tmp'));
    expect(error.key).toBe(key);
    expect(error.message).toContain(`「${key}」`);
    expect(error.message).toContain(shown);
  });

  it('names an unknown flag and a flag without its value', () => {
    expect(configError(() => loadConfig(['--prot', '80'], {}, '/tmp')).message).toContain('--prot');
    expect(configError(() => loadConfig(['--port'], {}, '/tmp')).message).toContain('--port');
  });

  it.each([
    [{ lockout: { maxFailures: 0 } }, 'lockout.maxFailures', '0'],
    [{ sessionLifetimeMinutes: -5 }, 'sessionLifetimeMinutes', '-5'],
    [{ passwordMinLength: 4 }, 'passwordMinLength', '4'],
    [{ demo: 'yes' }, 'demo', '"yes"'],
    [{ scrypt: { cost: 1000 } }, 'scrypt.cost', '1000'],
    [{ storage: { kind: 'mongodb' } }, 'storage.kind', '"mongodb"'],
    [{ storage: { kind: 'couchdb' } }, 'storage.url', '(なし)'],
    [{ tls: { certFile: 'cert.pem' } }, 'tls.keyFile', '(なし)'],
    [{ requireRegisteredDevice: 1 }, 'requireRegisteredDevice', '1'],
  ])('stops on %j naming the key and the value', (input, key, shown) => {
    const error = configError(() => resolveConfig(input));
    expect(error.key).toBe(key);
    expect(error.message).toContain(`「${key}」`);
    expect(error.message).toContain(shown);
  });

  it('names an unknown key instead of ignoring it', () => {
    const error = configError(() => resolveConfig({ sesionLifetimeMinutes: 30 }));
    expect(error.key).toBe('sesionLifetimeMinutes');
    expect(error.message).toContain('不明な項目');
  });

  it('never prints a CouchDB password in a message', () => {
    const error = configError(() => resolveConfig({ storage: { kind: 'couchdb', url: 'http://couch:5984', password: 7 } }));
    expect(error.key).toBe('storage.password');
    expect(error.message).not.toContain('7）');
    expect(error.message).toContain('非表示');
  });

  it('names a config file that is missing or not JSON', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kizuna-config-'));
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{ "port": 80, }');
    expect(configError(() => loadConfig(['--config', broken], {}, dir)).message).toContain(broken);
    expect(configError(() => loadConfig(['--config', path.join(dir, 'missing.json')], {}, dir)).message).toContain('missing.json');
  });

  it('gives the same result when a resolved configuration is resolved again', () => {
    const once = resolveConfig({ dataDir: '/srv/kizuna', demo: true });
    expect(resolveConfig({ ...once, port: 0 })).toEqual({ ...once, port: 0 });
  });
});
