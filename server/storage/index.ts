// The storage port's front door: the server picks an engine from its configuration.
import { createCouchStorage } from './couchdb';
import { createEmbeddedStorage } from './embedded';
import type { StorageEngine } from './port';

export type StorageConfig =
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'couchdb'; url: string; username?: string; password?: string; prefix?: string };

export function createStorage(config: StorageConfig): Promise<StorageEngine> {
  return config.kind === 'embedded' ? createEmbeddedStorage({ dataDir: config.dataDir }) : createCouchStorage(config);
}

export * from './port';
export * from './names';
