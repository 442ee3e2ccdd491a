// The storage port's front door: the server picks an engine from its configuration.
import { createEmbeddedStorage } from './embedded';
import type { StorageEngine } from './port';

export type StorageConfig =
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'couchdb'; url: string; username?: string; password?: string; prefix?: string };

export function createStorage(config: StorageConfig): Promise<StorageEngine> {
  if (config.kind === 'embedded') return createEmbeddedStorage({ dataDir: config.dataDir });
  return Promise.reject(new Error('the CouchDB engine is not available yet'));
}

export * from './port';
export * from './names';
