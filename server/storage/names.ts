// Database naming (DEVELOPERS.md, "Data on the server"). A person's documents live per
// collection and per center, so that a pull reads only the databases of the centers in
// a user's scope; everything else lives in a few global databases.
import { collections, type CollectionName } from '../../shared/index';

/**
 * CouchDB's database-name rule without `/`: the embedded engine uses the name as a
 * folder name, and CouchDB's limit is 238 characters.
 */
const databaseNamePattern = /^[a-z][a-z0-9_$()+-]{0,237}$/;

export const isValidDatabaseName = (name: string): boolean => databaseNamePattern.test(name);

export class InvalidDatabaseNameError extends Error {
  constructor(readonly databaseName: string) {
    super(`invalid database name ${JSON.stringify(databaseName)}: it must match ${databaseNamePattern.source}`);
    this.name = 'InvalidDatabaseNameError';
  }
}

export function assertValidDatabaseName(name: string): void {
  if (!isValidDatabaseName(name)) throw new InvalidDatabaseNameError(name);
}

export const globalDatabases = {
  masters: 'masters',
  /** The hash-chained audit log; opened append-only. */
  audit: 'audit',
  users: 'users',
  devices: 'devices',
  sessions: 'sessions',
  serverMeta: 'server_meta',
} as const;

export type GlobalDatabaseName = (typeof globalDatabases)[keyof typeof globalDatabases];

const centerIdPattern = /^[A-Za-z0-9]+$/;

/** `centerDatabaseName('consultations', '01')` → `consultations-01`; cityHall → `…-cityhall`. */
export function centerDatabaseName(collection: CollectionName, centerId: string): string {
  if (collections[collection].scope !== 'center') {
    throw new Error(`collection ${collection} is not stored per center (its scope is ${collections[collection].scope})`);
  }
  if (!centerIdPattern.test(centerId)) {
    throw new Error(`invalid center id ${JSON.stringify(centerId)}: letters and digits only`);
  }
  return `${collection.toLowerCase()}-${centerId.toLowerCase()}`;
}

/** The inverse of centerDatabaseName for the given center ids; undefined for other names. */
export function parseCenterDatabaseName(
  name: string,
  centerIds: readonly string[],
): { collection: CollectionName; centerId: string } | undefined {
  const dash = name.lastIndexOf('-');
  if (dash < 0) return undefined;
  const collection = (Object.keys(collections) as CollectionName[]).find(
    (c) => collections[c].scope === 'center' && c.toLowerCase() === name.slice(0, dash),
  );
  const centerId = centerIds.find((id) => id.toLowerCase() === name.slice(dash + 1));
  return collection && centerId ? { collection, centerId } : undefined;
}
