import { hmacSm3, publicKeyFromPrivate, sm3Hex } from '../../../kernel/crypto/index.ts';

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
