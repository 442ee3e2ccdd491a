// The per-device settings file in Electron's userData folder. Today it holds the
// server URL, set once when the device is set up; other keys are kept as found, so a
// later version's settings survive an older version's write.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkServerUrl } from './server-url';

export const DEVICE_CONFIG_FILE = 'kizuna-device.json';

export interface DeviceConfigStore {
  readonly file: string;
  /** The stored server URL, or null when none is stored or the file cannot be used. */
  readServerUrl(): Promise<string | null>;
  /** Stores an already checked server URL; the file is replaced whole or not at all. */
  saveServerUrl(url: string): Promise<void>;
}

type ReadResult = { kind: 'missing' } | { kind: 'unreadable'; reason: string } | { kind: 'ok'; data: Record<string, unknown> };

export function createDeviceConfigStore(userDataDir: string): DeviceConfigStore {
  const file = join(userDataDir, DEVICE_CONFIG_FILE);

  async function read(): Promise<ReadResult> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'unreadable', reason: String(error) };
    }
    try {
      const data: unknown = JSON.parse(text);
      if (typeof data !== 'object' || data === null || Array.isArray(data)) return { kind: 'unreadable', reason: 'not a JSON object' };
      return { kind: 'ok', data: data as Record<string, unknown> };
    } catch (error) {
      return { kind: 'unreadable', reason: String(error) };
    }
  }

  return {
    file,
    async readServerUrl() {
      const current = await read();
      if (current.kind === 'unreadable') console.warn(`Device settings ${file} ignored: ${current.reason}`);
      if (current.kind !== 'ok') return null;
      const check = checkServerUrl(current.data.serverUrl);
      return check.ok ? check.url : null;
    },
    async saveServerUrl(url) {
      await mkdir(userDataDir, { recursive: true });
      const current = await read();
      // A file we cannot parse may still be someone's hand edit: set it aside, never
      // overwrite it.
      if (current.kind === 'unreadable') await rename(file, `${file}.unreadable-${Date.now()}`).catch(() => undefined);
      const data = current.kind === 'ok' ? { ...current.data, serverUrl: url } : { serverUrl: url };
      const temporary = `${file}.${randomUUID()}.tmp`;
      try {
        await writeFile(temporary, `${JSON.stringify(data, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}
