import { createHash } from 'node:crypto';
import { blindIndex, sm4Decrypt, sm4Encrypt } from './crypto/sm4.ts';

/**
 * Personal fields (ID numbers, phones) at rest: SM4-encrypted, plus a keyed blind index so an
 * exact lookup works without decrypting every row. Separate keys for the two jobs are derived
 * from the one master key, so leaking an index never helps decrypt.
 */
export interface PersonalData {
  encrypt(value: string): string;
  decrypt(stored: string): string;
  index(value: string): string;
}

function deriveKey(masterKeyHex: string, purpose: string): string {
  return createHash('sm3').update(`${purpose}:${masterKeyHex}`).digest('hex').slice(0, 32);
}

export function personalData(masterKeyHex: string): PersonalData {
  const encKey = deriveKey(masterKeyHex, 'yiwang.pii.encrypt');
  const idxKey = deriveKey(masterKeyHex, 'yiwang.pii.index');
  const normalise = (v: string) => v.trim().toUpperCase();
  return {
    encrypt: (value) => sm4Encrypt(encKey, value),
    decrypt: (stored) => sm4Decrypt(encKey, stored),
    index: (value) => blindIndex(idxKey, normalise(value)),
  };
}
