// The sync engine's public face: the app starts it after login, the status bar reads the status.
export { startSync, runningSync, type StartSyncOptions, type SyncEngine } from './start-sync';
export type { RevertOutcome } from './revert';
export { initialSyncStatus, type SyncStatus, type SyncStatusStore } from './status';
export { SyncRequestError, type SyncFailureKind } from './transport';
