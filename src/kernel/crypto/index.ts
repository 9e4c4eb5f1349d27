export { hmacSm3, sm3Hex } from './sm3.ts';
export { Sm4AuthError, blindIndex, sm4Decrypt, sm4Encrypt } from './sm4.ts';
export { SM2_DEFAULT_USER_ID, generateKeyPair, publicKeyFromPrivate, sign, verify } from './sm2.ts';
export type { SignedMessage, Sm2KeyPair } from './sm2.ts';
export { privateKeyFromPem, privateKeyToPem, publicKeyFromPem, publicKeyToPem } from './sm2-pem.ts';
export type { PrivateKeyFormat } from './sm2-pem.ts';
export { SIGNATURE_HEADERS, hmacSm3Signer, signedHeaders, sm2Signer, verifySignedBody } from './signed-body.ts';
export type { CallbackSigner } from './signed-body.ts';
