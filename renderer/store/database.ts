import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import {
  collectionNames,
  collections as replicatedCollections,
  migrationPaths,
  type AuditEntry,
  type BasicChecklist,
  type CarePlan,
  type CollectionName,
  type Conflict,
  type Consultation,
  type LifeSupportSurvey,
  type Master,
  type Person,
  type PlanEvaluation,
  type ProviderEvaluation,
  type ProviderPlan,
} from '../../shared/index';
import type { KizunaDocument } from '../../shared/schemas/document';
import { localCollections, type Draft, type LocalCollectionName, type Rejection } from './local-schemas';
import { wrappedFieldEncryptionStorage } from './field-encryption';
import { wrappedValidateStorage } from './validate';

// The client store: one RxDB database per user on a device, built from the shared
// schemas. Validation (z-schema: no eval, so it runs under the app's strict CSP) wraps
// field encryption, which wraps whatever storage the caller brings (Dexie in the browser,
// memory in Node tests), so documents are checked in plain form and stored encrypted.

addRxPlugin(RxDBMigrationSchemaPlugin);

export type ClientCollectionName = CollectionName | LocalCollectionName;

export interface ClientDocumentTypes {
  persons: Person;
  consultations: Consultation;
  basicChecklists: BasicChecklist;
  carePlans: CarePlan;
  planEvaluations: PlanEvaluation;
  providerPlans: ProviderPlan;
  providerEvaluations: ProviderEvaluation;
  lifeSupportSurveys: LifeSupportSurvey;
  documents: KizunaDocument;
  conflicts: Conflict;
  masters: Master;
  auditEntries: AuditEntry;
  drafts: Draft;
  rejections: Rejection;
}

export type ClientCollections = { [K in ClientCollectionName]: RxCollection<ClientDocumentTypes[K]> };
export type ClientDatabase = RxDatabase<ClientCollections>;

export const localCollectionNames = Object.keys(localCollections) as LocalCollectionName[];
/** Every collection a signed-in client opens: the twelve replicated ones and the local ones. */
export const clientCollectionNames: readonly ClientCollectionName[] = [...collectionNames, ...localCollectionNames];

export interface ClientDatabaseOptions {
  /** Database name; in the browser it names the IndexedDB databases. */
  name: string;
  /** The raw storage (Dexie, memory); validation and encryption are added here. */
  storage: RxStorage<unknown, unknown>;
  /** Which collections to open (default: all). RxDB allows 16 open per process. */
  collections?: readonly ClientCollectionName[];
  /**
   * The data key that encrypts the schemas' `encrypted` fields. Leaving it out stores
   * those fields in plain form: only for Node tests that do not exercise encryption.
   */
  encryptionKey?: string;
  /** Schema validation on writes; default true. */
  validate?: boolean;
  /** Share the database between tabs (BroadcastChannel); default true. */
  multiInstance?: boolean;
}

/** Thrown when the data key does not open an existing database (a wrong or stale key). */
export class WrongDataKeyError extends Error {
  constructor(name: string) {
    super(`the data key does not open the local database ${name}`);
    this.name = 'WrongDataKeyError';
  }
}

const schemaOf = (name: ClientCollectionName): RxJsonSchema<unknown> => {
  const source = name in localCollections ? localCollections[name as LocalCollectionName].schema : replicatedCollections[name as CollectionName].schema;
  // The shared schemas are deeply readonly literals; RxDB's type wants mutable arrays.
  return structuredClone(source) as unknown as RxJsonSchema<unknown>;
};

function withoutEncryption(schema: RxJsonSchema<unknown>): RxJsonSchema<unknown> {
  const { encrypted: _encrypted, ...rest } = schema;
  return rest as RxJsonSchema<unknown>;
}

/** RxDB migration strategies from the shared migration paths, so a schema bump migrates stored documents. */
function migrationStrategiesOf(name: ClientCollectionName): Record<number, (doc: Record<string, unknown>) => Record<string, unknown> | null> {
  if (name in localCollections) return {};
  const path = migrationPaths[name as CollectionName];
  const strategies: Record<number, (doc: Record<string, unknown>) => Record<string, unknown> | null> = {};
  for (const [version, step] of Object.entries(path)) strategies[Number(version)] = step;
  return strategies;
}

export async function createClientDatabase(options: ClientDatabaseOptions): Promise<ClientDatabase> {
  const names = options.collections ?? clientCollectionNames;
  let storage = options.storage;
  if (options.encryptionKey !== undefined) storage = wrappedFieldEncryptionStorage({ storage });
  if (options.validate ?? true) storage = wrappedValidateStorage({ storage });

  let database: ClientDatabase;
  try {
    database = await createRxDatabase<ClientCollections>({
      name: options.name,
      storage,
      password: options.encryptionKey,
      multiInstance: options.multiInstance ?? true,
      eventReduce: true,
    });
  } catch (error) {
    // DB1: RxDB keeps a hash of the key and refuses a different one.
    if (isRxErrorCode(error, 'DB1')) throw new WrongDataKeyError(options.name);
    throw error;
  }

  const creators: Record<string, { schema: RxJsonSchema<unknown>; migrationStrategies: Record<number, (doc: Record<string, unknown>) => Record<string, unknown> | null> }> = {};
  for (const name of names) {
    const schema = schemaOf(name);
    creators[name] = {
      schema: options.encryptionKey === undefined ? withoutEncryption(schema) : schema,
      migrationStrategies: migrationStrategiesOf(name),
    };
  }
  try {
    await database.addCollections(creators);
  } catch (error) {
    await database.close();
    // DB1 surfaces here too: RxDB checks the key against its stored hash lazily.
    if (isRxErrorCode(error, 'DB1')) throw new WrongDataKeyError(options.name);
    throw error;
  }
  return database;
}

function isRxErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === code;
}
