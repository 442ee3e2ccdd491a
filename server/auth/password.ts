// Passwords are stored only as scrypt hashes (memory-hard, in node:crypto), in the
// format the user schema names: `scrypt$N$r$p$salt$hash`, salt and hash base64.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  cost: number;
  blockSize: number;
  parallelization: number;
}

const keyLength = 32;

// Plain Uint8Array views, not Buffer: @types/pouchdb-core declares a global Buffer that
// no longer matches Node's, and these calls must typecheck beside it.
function derive(password: string, salt: Uint8Array, params: ScryptParams): Promise<Uint8Array> {
  const options: ScryptOptions = {
    N: params.cost,
    r: params.blockSize,
    p: params.parallelization,
    // Node refuses above 32 MB by default; allow what the parameters need, with room.
    maxmem: 256 * params.cost * params.blockSize * params.parallelization,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(new Uint8Array(key))));
  });
}

export async function hashPassword(password: string, params: ScryptParams): Promise<string> {
  const salt = new Uint8Array(randomBytes(16));
  const key = await derive(password, salt, params);
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  return ['scrypt', params.cost, params.blockSize, params.parallelization, base64(salt), base64(key)].join('$');
}

/** False for a wrong password and for a hash this code cannot read (never throws on it). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || salt === undefined || hash === undefined) return false;
  const params = { cost: Number(n), blockSize: Number(r), parallelization: Number(p) };
  if (![params.cost, params.blockSize, params.parallelization].every((v) => Number.isInteger(v) && v > 0)) return false;
  const expected = new Uint8Array(Buffer.from(hash, 'base64'));
  if (expected.length !== keyLength) return false;
  const actual = await derive(password, new Uint8Array(Buffer.from(salt, 'base64')), params);
  return timingSafeEqual(actual, expected);
}
