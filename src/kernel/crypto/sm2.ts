import { sm2 as smLib } from 'sm-crypto-v2';

/**
 * SM2 digital signatures per GB/T 32918.2 through sm-crypto-v2 (STANDARDS.md §5.4). Node's own
 * crypto is no substitute: with an SM2-curve key it silently produces plain ECDSA without the
 * Z value, which no SM2 verifier accepts.
 *
 * Every call pins what peers must agree on: the digest is SM3 over Z ‖ M, where Z binds the
 * signer's public key and user ID; the user ID is the GM/T 0009 default that 国密 CAs and
 * OpenSSL's `distid:1234567812345678` use; signatures are DER SEQUENCE { r, s } as hex.
 * Keys are hex: private 64 hex, public uncompressed '04' ‖ X ‖ Y (PEM helpers in sm2-pem.ts).
 */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

export interface Sm2KeyPair {
  privateKey: string;
  publicKey: string;
}

/** Strings are signed as their UTF-8 bytes. */
export type SignedMessage = string | Uint8Array;

export function generateKeyPair(): Sm2KeyPair {
  const { privateKey, publicKey } = smLib.generateKeyPairHex();
  return { privateKey, publicKey };
}

export function publicKeyFromPrivate(privateKeyHex: string): string {
  return smLib.getPublicKeyFromPrivateKey(privateKeyHex);
}

export function sign(message: SignedMessage, privateKeyHex: string, publicKeyHex?: string): string {
  return smLib.doSignature(message, privateKeyHex, {
    der: true,
    hash: true,
    userId: SM2_DEFAULT_USER_ID,
    // Passing the public key saves deriving it (a scalar multiplication) for Z on every call.
    ...(publicKeyHex ? { publicKey: publicKeyHex } : {}),
  });
}

/** False for a wrong signature and for garbage input alike: a verifier never throws on data. */
export function verify(message: SignedMessage, signatureHex: string, publicKeyHex: string): boolean {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(signatureHex)) return false;
  try {
    return smLib.doVerifySignature(message, signatureHex.toLowerCase(), publicKeyHex, {
      der: true,
      hash: true,
      userId: SM2_DEFAULT_USER_ID,
    });
  } catch {
    return false;
  }
}
