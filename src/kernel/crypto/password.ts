import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * Password hashes with argon2id. @node-rs/argon2 computes on the libuv thread pool, so a burst
 * of logins does not stall other requests. Parameters follow OWASP's argon2id minimum
 * (19 MiB, t=2, p=1). The stored PHC string names algorithm and parameters, so hashes made
 * with older settings (or the scrypt hashes of the first releases) keep verifying and are
 * upgraded at the next successful login (`needsRehash`).
 */
// Algorithm.Argon2id is an ambient const enum (value 2) that isolated modules cannot read.
const ARGON2 = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;

const normalise = (password: string) => password.normalize('NFKC');

export function hashPassword(password: string): Promise<string> {
  return hash(normalise(password), ARGON2);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2')) {
    try {
      return await verify(stored, normalise(password));
    } catch {
      return false; // a malformed stored hash matches nothing
    }
  }
  if (stored.startsWith('scrypt$')) return verifyScrypt(normalise(password), stored);
  return false;
}

export const needsRehash = (stored: string) => !stored.startsWith(CURRENT_PREFIX);

/** A hash that no password matches, so unknown usernames cost the same time as known ones. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, key] = stored.split('$');
  if (!salt || !key) return Promise.resolve(false);
  const expected = Buffer.from(key, 'base64');
  const options: ScryptOptions = { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 };
  return new Promise((resolve) =>
    scrypt(password, Buffer.from(salt, 'base64'), expected.length, options, (err, actual) =>
      resolve(!err && actual.length === expected.length && timingSafeEqual(actual, expected)),
    ),
  );
}
