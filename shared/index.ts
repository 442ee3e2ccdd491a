// The platform-free core of Kizuna: schemas, types and domain rules used by the
// server, the client, the migration and the tests alike.
export {};
