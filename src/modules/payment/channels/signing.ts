import { randomBytes } from 'node:crypto';
import { hmacSm3, publicKeyFromPrivate, sign, sm3Hex, verify } from '../../../kernel/crypto/index.ts';

/**
 * Callback signatures in the style of the wallets' v3 APIs: the signed message is
 * `timestamp \n nonce \n body \n`, sent as headers next to the untouched body, so the
 * receiver verifies the exact bytes it got.
 */
export const SIGNATURE_HEADERS = {
  timestamp: 'x-pay-timestamp',
  nonce: 'x-pay-nonce',
  signature: 'x-pay-signature',
} as const;

export interface CallbackSigner {
  sign(message: string): string;
  verify(message: string, signature: string): boolean;
}

const message = (timestamp: string, nonce: string, body: string) => `${timestamp}\n${nonce}\n${body}\n`;

export function hmacSm3Signer(key: string): CallbackSigner {
  return {
    sign: (m) => hmacSm3(key, m),
    verify: (m, s) => /^[0-9a-f]{64}$/.test(s) && timingSafeEqualHex(hmacSm3(key, m), s),
  };
}

export function sm2Signer(privateKey: string | undefined, publicKey: string): CallbackSigner {
  return {
    sign: (m) => {
      if (!privateKey) throw new Error('this side holds only the public key');
      return sign(m, privateKey, publicKey);
    },
    verify: (m, s) => verify(m, s, publicKey),
  };
}

function timingSafeEqualHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export function signedHeaders(signer: CallbackSigner, body: string, now = new Date()): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBytes(12).toString('hex');
  return {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: signer.sign(message(timestamp, nonce, body)),
  };
}

const header = (h: Record<string, string | string[] | undefined>, name: string) => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

export function verifySignedBody(signer: CallbackSigner, headers: Record<string, string | string[] | undefined>, body: string): boolean {
  const timestamp = header(headers, SIGNATURE_HEADERS.timestamp);
  const nonce = header(headers, SIGNATURE_HEADERS.nonce);
  const signature = header(headers, SIGNATURE_HEADERS.signature);
  if (!timestamp || !nonce || !signature || timestamp.length > 20 || nonce.length > 64 || signature.length > 256) return false;
  return signer.verify(message(timestamp, nonce, body), signature.toLowerCase());
}

// SM2 group order: a derived private key must lie in [1, n-1].
const SM2_N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

/**
 * Keys of the built-in simulator's channels, derived from the node's master key so the
 * simulator (the "gateway") and our adapter (the "merchant") agree without configuration.
 * A production adapter reads its keys from its own configuration instead.
 */
export function simulatorKeys(masterKey: string, channel: string) {
  const hmacKey = hmacSm3(masterKey, `yiwang.paysim.${channel}.hmac`);
  let seed = sm3Hex(`yiwang.paysim.${channel}.sm2:${masterKey}`);
  while (BigInt(`0x${seed}`) === 0n || BigInt(`0x${seed}`) >= SM2_N) seed = sm3Hex(seed);
  return { hmacKey, sm2PrivateKey: seed, sm2PublicKey: publicKeyFromPrivate(seed) };
}
