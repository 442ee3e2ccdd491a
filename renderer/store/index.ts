// The client store's public face: the sync and the feature screens import from here.
export {
  createClientDatabase,
  clientCollectionNames,
  localCollectionNames,
  WrongDataKeyError,
  type ClientDatabase,
  type ClientDatabaseOptions,
  type ClientCollections,
  type ClientCollectionName,
  type ClientDocumentTypes,
} from './database';
export { draftSchema, rejectionSchema, localCollections, type Draft, type Rejection, type LocalCollectionName } from './local-schemas';
export { recordAudit, type AuditActor, type AuditEvent } from './audit';
export {
  createDataKey,
  wrapDataKey,
  unwrapDataKey,
  rewrapDataKey,
  WrongPasswordError,
  DamagedKeyRecordError,
  defaultIterations,
  type WrappedKeyRecord,
} from './key-vault';
