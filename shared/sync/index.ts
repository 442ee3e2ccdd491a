// Pure sync logic shared by the server's replication endpoints and the client's engine.
export * from './json-equal';
export * from './merge';
export * from './checkpoint';
export * from './backoff';
export * from './protocol';
export * from './conflict-resolution';
export * from './conflict-values';
