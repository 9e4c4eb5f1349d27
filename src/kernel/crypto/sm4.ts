import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Field encryption at rest with SM4 (GB/T 32907). Node 20's OpenSSL 3.0 has no sm4-gcm, so this
 * is SM4-CBC with a random IV, authenticated by HMAC-SM3 over version, IV and ciphertext
 * (encrypt-then-MAC): a flipped byte anywhere is detected before any padding is looked at.
 *
 * Stored form: `v1:` + base64(iv[16] ‖ ciphertext ‖ tag[16]). The version prefix lets a later
 * scheme (e.g. SM4-GCM once OpenSSL offers it) coexist with rows written under this one.
 */
const VERSION = 'v1';
const IV_BYTES = 16;
const TAG_BYTES = 16; // HMAC-SM3 truncated to 128 bits, the same strength as a GCM tag

export class Sm4AuthError extends Error {
  constructor() {
    super('SM4 ciphertext failed authentication (wrong key or tampered data)');
    this.name = 'Sm4AuthError';
  }
}

function keyBytes(keyHex: string): Buffer {
  if (!/^[0-9a-fA-F]{32}$/.test(keyHex)) throw new Error('SM4 key must be 32 hex characters (128 bits)');
  return Buffer.from(keyHex, 'hex');
}

// One configured key serves two algorithms; separate subkeys keep CBC and HMAC from ever
// sharing key material. Derived once per key: a process has one or two keys, and deriving
// them again cost two HMACs per encrypted field.
const derived = new Map<string, { enc: Buffer; mac: Buffer }>();
function subkeys(keyHex: string): { enc: Buffer; mac: Buffer } {
  let keys = derived.get(keyHex);
  if (!keys) {
    const master = keyBytes(keyHex);
    keys = {
      enc: createHmac('sm3', master).update('yiwang.sm4.enc').digest().subarray(0, 16),
      mac: createHmac('sm3', master).update('yiwang.sm4.mac').digest(),
    };
    if (derived.size > 16) derived.clear();
    derived.set(keyHex, keys);
  }
  return keys;
}

function tag(macKey: Buffer, iv: Buffer, ciphertext: Buffer): Buffer {
  return createHmac('sm3', macKey).update(`${VERSION}:`).update(iv).update(ciphertext).digest().subarray(0, TAG_BYTES);
}

export function sm4Encrypt(keyHex: string, plaintext: string): string {
  const { enc, mac } = subkeys(keyHex);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('sm4-cbc', enc, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, ciphertext, tag(mac, iv, ciphertext)]).toString('base64')}`;
}

/** Throws Sm4AuthError when the value was not produced by sm4Encrypt under this key. */
export function sm4Decrypt(keyHex: string, stored: string): string {
  const { enc, mac } = subkeys(keyHex);
  const prefix = `${VERSION}:`;
  if (!stored.startsWith(prefix)) throw new Sm4AuthError();
  const raw = Buffer.from(stored.slice(prefix.length), 'base64');
  // CBC output is a whole number of 16-byte blocks, at least one (PKCS#7 always pads).
  const bodyLength = raw.length - IV_BYTES - TAG_BYTES;
  if (bodyLength < 16 || bodyLength % 16 !== 0) throw new Sm4AuthError();
  const iv = raw.subarray(0, IV_BYTES);
  const ciphertext = raw.subarray(IV_BYTES, IV_BYTES + bodyLength);
  const expected = tag(mac, iv, ciphertext);
  if (!timingSafeEqual(expected, raw.subarray(IV_BYTES + bodyLength))) throw new Sm4AuthError();
  const decipher = createDecipheriv('sm4-cbc', enc, iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}

/**
 * Keyed, deterministic digest of a value (HMAC-SM3, hex) so an encrypted column can be
 * searched by exact value without decrypting rows; without the key it reveals nothing useful,
 * unlike a plain hash of an 18-digit ID number, which can be brute-forced.
 */
export function blindIndex(keyHex: string, value: string): string {
  return createHmac('sm3', keyBytes(keyHex)).update(value, 'utf8').digest('hex');
}
