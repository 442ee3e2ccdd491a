// The platform-free core of Kizuna: schemas, types and domain rules used by the
// server, the client, the migration and the tests alike.
export {};
export * from './schemas/index';
export * from './schemas/migrations';
export * from './access/permissions';
export * from './access/policy';
export * from './city/index';
export * from './messages/ja';
export * from './wareki/index';
export * from './kana/index';
export * from './insurance/index';
export * from './basic-checklist/index';
export * from './sync/index';
export * from './case-work/index';
export * from './security/wasm-workers';
