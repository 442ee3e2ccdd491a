// The storage port's front door: the server picks an engine from its configuration.
import { createCouchStorage } from './couchdb';
import { createEmbeddedStorage } from './embedded';
import type { StorageEngine } from './port';

export type StorageConfig =
  | { kind: 'embedded'; dataDir: string; bulkLoad?: boolean }
  | { kind: 'couchdb'; url: string; username?: string; password?: string; prefix?: string };

export function createStorage(config: StorageConfig): Promise<StorageEngine> {
  return config.kind === 'embedded' ? createEmbeddedStorage({ dataDir: config.dataDir, ...(config.bulkLoad !== undefined ? { bulkLoad: config.bulkLoad } : {}) }) : createCouchStorage(config);
}

export * from './port';
export * from './names';
