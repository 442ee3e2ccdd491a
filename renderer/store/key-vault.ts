// The local store's data key and how a user's password unlocks it (DESIGN.md decision 4).
//
// Each local database has a random data key that never leaves the device. It is stored
// only wrapped (AES-GCM) by a key derived from the user's password with PBKDF2, bound to
// the user ID so a record cannot be moved to another user. The same derivation yields a
// verifier, whose hash is stored so that an offline unlock can tell a wrong password
// from a damaged record. The password itself is never stored.
//
// WebCrypto only: the same code runs in Chromium, Electron's renderer and Node tests.

import { fromBase64, toBase64 } from './base64';

export interface WrappedKeyRecord {
  version: 1;
  userId: string;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  /** SHA-256 of the verifier half of the derived bits (base64). */
  verifier: string;
  /** The data key encrypted with the other half (AES-256-GCM, the user ID as associated data). */
  wrappedKey: { iv: string; data: string };
  createdAt: string;
}

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; tests pass fewer to stay fast. */
export const defaultIterations = 600_000;

export class WrongPasswordError extends Error {
  constructor() {
    super('the password does not unlock this device');
    this.name = 'WrongPasswordError';
  }
}

export class DamagedKeyRecordError extends Error {
  constructor(reason: string) {
    super(`the stored key record cannot be used: ${reason}`);
    this.name = 'DamagedKeyRecordError';
  }
}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const utf8 = new TextEncoder();

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** A fresh random data key (256 bits), as the text RxDB's encryption plugin takes. */
export function createDataKey(): string {
  return toBase64(randomBytes(32));
}

interface Derived {
  wrappingKey: CryptoKey;
  verifier: string;
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Derived> {
  const material = await subtle().importKey('raw', utf8.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 512));
  const wrappingKey = await subtle().importKey('raw', bits.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']);
  const verifier = toBase64(new Uint8Array(await subtle().digest('SHA-256', bits.slice(32))));
  return { wrappingKey, verifier };
}

export async function wrapDataKey(
  userId: string,
  password: string,
  dataKey: string,
  options: { iterations?: number; now?: Date } = {},
): Promise<WrappedKeyRecord> {
  const iterations = options.iterations ?? defaultIterations;
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const { wrappingKey, verifier } = await derive(password, salt, iterations);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(userId) }, wrappingKey, utf8.encode(dataKey));
  return {
    version: 1,
    userId,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    verifier,
    wrappedKey: { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) },
    createdAt: (options.now ?? new Date()).toISOString(),
  };
}

/** True when the two strings are equal, in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** The data key, or WrongPasswordError; a record that verifies but will not decrypt is damaged. */
export async function unwrapDataKey(record: WrappedKeyRecord, password: string): Promise<string> {
  if (record.version !== 1 || record.kdf.name !== 'PBKDF2' || !(record.kdf.iterations > 0)) {
    throw new DamagedKeyRecordError('unknown format');
  }
  const { wrappingKey, verifier } = await derive(password, fromBase64(record.kdf.salt), record.kdf.iterations);
  if (!sameText(verifier, record.verifier)) throw new WrongPasswordError();
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: fromBase64(record.wrappedKey.iv), additionalData: utf8.encode(record.userId) },
      wrappingKey,
      fromBase64(record.wrappedKey.data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new DamagedKeyRecordError('the wrapped key does not decrypt');
  }
}

/** Re-wraps the data key under a new password (after a password change), keeping the data. */
export async function rewrapDataKey(
  record: WrappedKeyRecord,
  oldPassword: string,
  newPassword: string,
  options: { iterations?: number; now?: Date } = {},
): Promise<WrappedKeyRecord> {
  const dataKey = await unwrapDataKey(record, oldPassword);
  return wrapDataKey(record.userId, newPassword, dataKey, { iterations: options.iterations ?? record.kdf.iterations, now: options.now });
}

export function isWrappedKeyRecord(value: unknown): value is WrappedKeyRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<WrappedKeyRecord>;
  return (
    record.version === 1 &&
    typeof record.userId === 'string' &&
    typeof record.verifier === 'string' &&
    typeof record.kdf?.salt === 'string' &&
    typeof record.kdf.iterations === 'number' &&
    typeof record.wrappedKey?.iv === 'string' &&
    typeof record.wrappedKey.data === 'string'
  );
}
