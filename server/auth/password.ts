// Passwords are stored only as scrypt hashes (memory-hard, in node:crypto), in the
// format the user schema names: `scrypt$N$r$p$salt$hash`, salt and hash base64.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  cost: number;
  blockSize: number;
  parallelization: number;
}

const keyLength = 32;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.cost,
    r: params.blockSize,
    p: params.parallelization,
    // Node refuses above 32 MB by default; allow what the parameters need, with room.
    maxmem: 256 * params.cost * params.blockSize * params.parallelization,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, params: ScryptParams): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.cost, params.blockSize, params.parallelization, salt.toString('base64'), key.toString('base64')].join('$');
}

/** False for a wrong password and for a hash this code cannot read (never throws on it). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || salt === undefined || hash === undefined) return false;
  const params = { cost: Number(n), blockSize: Number(r), parallelization: Number(p) };
  if (![params.cost, params.blockSize, params.parallelization].every((v) => Number.isInteger(v) && v > 0)) return false;
  const expected = Buffer.from(hash, 'base64');
  if (expected.length !== keyLength) return false;
  const actual = await derive(password, Buffer.from(salt, 'base64'), params);
  return timingSafeEqual(actual, expected);
}
