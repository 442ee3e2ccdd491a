import { getProperty, hasEncryption, newRxError, setProperty, wrapRxStorageInstance, type RxJsonSchema, type RxStorage, type RxStorageInstance, type RxStorageInstanceCreationParams } from 'rxdb';
import { fromBase64, toBase64 } from './base64';

// Encryption at rest of the schemas' `encrypted` fields, with WebCrypto's AES-GCM under a
// key derived once from the device's data key. It takes the place of RxDB's crypto-js
// plugin, which runs a passphrase key derivation in JavaScript for every field it
// encrypts (about 1.4 ms per field here): a first sync of one center's 33,000 documents
// (each also kept whole, encrypted, in the replication's bookkeeping) took minutes in it.
// AES-GCM in the browser's own crypto costs well under a tenth of a millisecond per
// document, and authenticates: a changed byte at rest fails to decrypt instead of
// decrypting to garbage. The key vault already requires WebCrypto (a secure context).
//
// Stored form: a document's encrypted fields are sealed together, once per write (each
// WebCrypto call has a fixed cost, and a first sync writes every document twice: the
// document and the replication's copy of it). The first encrypted field present holds
// `g1:` + base64 of (12-byte random IV ‖ ciphertext and tag) of the JSON of all of them,
// by path; each other one present holds the marker `g1*`.

const prefix = 'g1:';
const marker = 'g1*';
/**
 * RxDB reads back what it just wrote (every write event is decrypted for its change
 * stream, once per listener): the last ciphertexts written here decrypt from memory. They
 * hold nothing the open database does not already hold in memory while it is unlocked.
 */
const recentLimit = 8192;
const recentByKey = new WeakMap<CryptoKey, Map<string, string>>();

function recentOf(key: CryptoKey): Map<string, string> {
  let recent = recentByKey.get(key);
  if (!recent) recentByKey.set(key, (recent = new Map()));
  return recent;
}
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();
/**
 * The data key is 256 random bits, so one hash (not a slow password KDF) makes the AES
 * key. Derived per storage instance and held by it alone: when the database closes (the
 * app locks), nothing here keeps the key.
 */
export function deriveKey(password: string): Promise<CryptoKey> {
  return globalThis.crypto.subtle
    .digest('SHA-256', utf8.encode(`kizuna-field-encryption:${password}`))
    .then((raw) => globalThis.crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']));
}

/** Bytes sealed with AES-GCM (12-byte IV ‖ ciphertext and tag), `context` authenticated with them. */
export async function sealBytes(bytes: Uint8Array<ArrayBuffer>, key: CryptoKey, context: string): Promise<Uint8Array<ArrayBuffer>> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(context) }, key, bytes));
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return out;
}

export async function openBytes(sealed: Uint8Array<ArrayBuffer>, key: CryptoKey, context: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.subarray(0, 12), additionalData: utf8.encode(context) }, key, sealed.subarray(12)));
}

/** `context` (the document's id) is authenticated with the value: a sealed value moved to another document does not open. */
export async function encryptField(value: unknown, key: CryptoKey, context = ''): Promise<string> {
  const json = JSON.stringify(value);
  const stored = prefix + toBase64(await sealBytes(utf8.encode(json), key, context));
  const recent = recentOf(key);
  recent.set(`${context}\u0000${stored}`, json);
  if (recent.size > recentLimit) recent.delete(recent.keys().next().value as string);
  return stored;
}

export async function decryptField(stored: string, key: CryptoKey, context = ''): Promise<unknown> {
  const known = recentOf(key).get(`${context}\u0000${stored}`);
  if (known !== undefined) return JSON.parse(known) as unknown;
  if (!stored.startsWith(prefix)) throw new Error('an encrypted field is not in the stored form this client writes');
  const plain = await openBytes(fromBase64(stored.slice(prefix.length)), key, context);
  return JSON.parse(fromUtf8.decode(plain)) as unknown;
}

/** The schema the underlying storage sees: each encrypted field is a string there. */
function storedSchema<T>(schema: RxJsonSchema<T>, paths: readonly string[]): RxJsonSchema<T> {
  const plain = structuredClone(schema) as RxJsonSchema<T> & { encrypted?: string[] };
  delete plain.encrypted;
  for (const path of paths) {
    const parts = path.split('.');
    let level = plain as unknown as { properties: Record<string, unknown> };
    for (const part of parts.slice(0, -1)) level = level.properties[part] as { properties: Record<string, unknown> };
    level.properties[parts[parts.length - 1]!] = { type: 'string' };
  }
  return plain;
}

/** Seals the present encrypted fields of a copy of `doc` into the first of them. */
async function seal(doc: Record<string, unknown>, paths: readonly string[], key: CryptoKey, primaryPath: string): Promise<Record<string, unknown>> {
  const copy = structuredClone(doc);
  const present = paths.filter((path) => getProperty(copy, path) !== undefined);
  if (present.length === 0) return copy;
  const values: Record<string, unknown> = {};
  for (const path of present) values[path] = getProperty(copy, path);
  const sealed = await encryptField(values, key, String(copy[primaryPath]));
  present.forEach((path, index) => setProperty(copy, path, index === 0 ? sealed : marker));
  return copy;
}

async function unseal(doc: Record<string, unknown>, paths: readonly string[], key: CryptoKey, primaryPath: string): Promise<Record<string, unknown>> {
  const copy = structuredClone(doc);
  const present = paths.filter((path) => getProperty(copy, path) !== undefined);
  if (present.length === 0) return copy;
  const values = (await decryptField(getProperty(copy, present[0]!) as string, key, String(copy[primaryPath]))) as Record<string, unknown>;
  for (const path of present) {
    if (!(path in values)) throw new Error(`the sealed fields of a stored document lack ${path}`);
    setProperty(copy, path, values[path]);
  }
  return copy;
}

export function wrappedFieldEncryptionStorage<Internals, Options>(args: { storage: RxStorage<Internals, Options> }): RxStorage<Internals, Options> {
  return {
    ...args.storage,
    name: `encryption-aes-gcm-${args.storage.name}`,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, Options>): Promise<RxStorageInstance<RxDocType, Internals, Options>> {
      if (!hasEncryption(params.schema)) return args.storage.createStorageInstance(params);
      if (!params.password || typeof params.password !== 'string') {
        throw newRxError('EN3', { database: params.databaseName, collection: params.collectionName, schema: params.schema });
      }
      const paths = params.schema.encrypted ?? [];
      const { primaryKey } = params.schema;
      const primaryPath = typeof primaryKey === 'string' ? primaryKey : (primaryKey as { key: string }).key;
      const key = deriveKey(params.password);
      const instance = await args.storage.createStorageInstance({ ...params, schema: storedSchema(params.schema, paths) });
      return wrapRxStorageInstance(
        params.schema,
        instance,
        async (doc) => seal(doc as Record<string, unknown>, paths, await key, primaryPath),
        async (doc) => (await unseal(doc as Record<string, unknown>, paths, await key, primaryPath)) as typeof doc,
      ) as unknown as RxStorageInstance<RxDocType, Internals, Options>;
    },
  };
}
