import { sm3Hex } from '../../kernel/crypto/sm3.ts';
import { generateKeyPair, sign as sm2Sign } from '../../kernel/crypto/sm2.ts';
import { sm4Decrypt, sm4Encrypt } from '../../kernel/crypto/sm4.ts';

/**
 * Where seal private keys live and signatures are made. The platform ships the software
 * signer (keys SM4-encrypted in the database under a key derived from YIWANG_MASTER_KEY); a
 * hardware crypto module (签名验签服务器 / HSM) implements the same interface and is registered
 * with registerSigner. Each key records the provider that made it, so keys made by an earlier
 * provider keep signing and verifying after a switch.
 */
export interface StoredKey {
  id: string;
  provider: string;
  publicKey: string;
  /** Software keys: the SM4-encrypted private key. */
  privateKeyEnc: string | null;
  /** Hardware keys: the module's own name for the key. */
  handle: string | null;
}

export interface NewKey {
  publicKey: string;
  privateKeyEnc: string | null;
  handle: string | null;
}

export interface Signer {
  readonly provider: string;
  generate(): Promise<NewKey>;
  /** SM2 with SM3 and user ID 1234567812345678 over `message`; DER signature as hex. */
  sign(key: StoredKey, message: Uint8Array): Promise<string>;
}

/** Key id: 16 hex of SM3 over the public key, so anyone holding the key can recompute it. */
export const keyIdOf = (publicKeyHex: string) => sm3Hex(Buffer.from(publicKeyHex, 'hex')).slice(0, 16);

/** A key of its own for seal keys, so the PII key and this one never protect each other's data. */
function sealKeyEncryptionKey(masterKeyHex: string): string {
  return sm3Hex(`yiwang.seal.private-key:${masterKeyHex}`).slice(0, 32);
}

export function softwareSigner(masterKeyHex: string): Signer {
  const kek = sealKeyEncryptionKey(masterKeyHex);
  return {
    provider: 'software',
    async generate() {
      const pair = generateKeyPair();
      return { publicKey: pair.publicKey, privateKeyEnc: sm4Encrypt(kek, pair.privateKey), handle: null };
    },
    async sign(key, message) {
      if (!key.privateKeyEnc) throw new Error(`seal key ${key.id} has no software private key`);
      return sm2Sign(message, sm4Decrypt(kek, key.privateKeyEnc), key.publicKey);
    },
  };
}

const registered = new Map<string, Signer>();

/** Plug in another provider (e.g. an HSM client); `preferred` makes new keys use it. */
export function registerSigner(signer: Signer, options: { preferred?: boolean } = {}): void {
  registered.set(signer.provider, signer);
  if (options.preferred) preferredProvider = signer.provider;
}
let preferredProvider = 'software';

/** Which provider makes new keys from now on ('software' is always available). */
export function useProviderForNewKeys(provider: string): void {
  if (provider !== 'software' && !registered.has(provider)) throw new Error(`no signer registered for provider "${provider}"`);
  preferredProvider = provider;
}

export interface SignerSet {
  forNewKeys(): Signer;
  forKey(key: StoredKey): Signer;
}

export function signers(masterKeyHex: string): SignerSet {
  const software = softwareSigner(masterKeyHex);
  const find = (provider: string) => {
    const s = provider === 'software' ? software : registered.get(provider);
    if (!s) throw new Error(`no signer registered for provider "${provider}"`);
    return s;
  };
  return { forNewKeys: () => find(preferredProvider), forKey: (key) => find(key.provider) };
}
