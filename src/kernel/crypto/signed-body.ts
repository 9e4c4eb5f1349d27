import { randomBytes } from 'node:crypto';
import { hmacSm3 } from './sm3.ts';
import { sign, verify } from './sm2.ts';
import * as clock from '../clock.ts';

/**
 * Signed callbacks from parties outside the node (payment gateways, SMS carriers), in the style
 * of the wallets' v3 APIs: the signed message is `timestamp \n nonce \n body \n`, sent as
 * headers next to the untouched body, so the receiver verifies the exact bytes it got.
 */
export const SIGNATURE_HEADERS = {
  timestamp: 'x-callback-timestamp',
  nonce: 'x-callback-nonce',
  signature: 'x-callback-signature',
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

export function signedHeaders(signer: CallbackSigner, body: string, now = clock.now()): Record<string, string> {
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

