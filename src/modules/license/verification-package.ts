import { zipSync } from 'fflate';
import * as clock from '../../kernel/clock.ts';
import { SM2_DEFAULT_USER_ID, sm3Hex } from '../../kernel/crypto/index.ts';
import type { PublishedKey } from '../seal/index.ts';
import type { LicenceDocument, LicenceRow } from './store.ts';

/**
 * 核验包: what a verifier needs to check a presented licence with `openssl` alone — the exact
 * signed bytes, the seal's SM2 signature (DER, as the seal module makes it) and the seal key's
 * public key (SPKI PEM), with the commands in a README. The file names are fixed so the
 * commands in README.md and in the package read the same for every licence.
 */
export const PACKAGE_FILES = {
  document: 'licence.json',
  signature: 'signature.der',
  publicKey: 'public-key.pem',
  manifest: 'manifest.json',
  readme: 'README.txt',
} as const;

/** The one command that checks the signature; the seal module signs with the GB/T 32918 default user ID. */
export const OPENSSL_VERIFY = [
  'openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in licence.json',
  `-sigfile signature.der -digest sm3 -pkeyopt distid:${SM2_DEFAULT_USER_ID}`,
].join(' ');
/** Key id = first 16 hex of SM3 over the raw public key (04‖X‖Y): the last 65 bytes of the SPKI. */
export const OPENSSL_KEY_ID = 'openssl pkey -pubin -in public-key.pem -outform DER | tail -c 65 | openssl dgst -sm3';

export interface PackageInput {
  licence: Pick<LicenceRow, 'identifier' | 'signature' | 'keyId' | 'sealId'>;
  /** The canonical JSON exactly as signed. */
  canonical: string;
  doc: LicenceDocument;
  key: Pick<PublishedKey, 'publicKeyPem' | 'sealCode' | 'departmentName'>;
  /** Where the platform publishes every seal key, for a verifier who wants to cross-check it. */
  publicKeysUrl: string;
}

function readme(p: PackageInput): string {
  return [
    `电子证照核验包 / Licence verification package`,
    ``,
    `证照标识 Identifier: ${p.licence.identifier}`,
    `证照类型 Type: ${p.doc.type.name}`,
    `发证机关 Issuer: ${p.doc.issuer.name} (${p.doc.issuer.uscc})`,
    `印章 Seal: ${p.key.sealCode}, 密钥 key id ${p.licence.keyId}`,
    ``,
    `1. 验证签名 Check the signature (OpenSSL 3, SM2 with SM3, user ID ${SM2_DEFAULT_USER_ID}):`,
    `   ${OPENSSL_VERIFY}`,
    `   输出 "Signature Verified Successfully" 即签名有效。`,
    ``,
    `2. 核对公钥 Check that the key is the seal's published key: the first 16 hex digits of`,
    `   ${OPENSSL_KEY_ID}`,
    `   must be ${p.licence.keyId}, and ${p.publicKeysUrl}?keyId=${p.licence.keyId} must list the same key.`,
    ``,
    `3. 签名只证明内容未被篡改；证照当前状态（撤销、注销等）以核验页面为准。`,
    `   The signature proves the content; the licence's current status is what the verification page says.`,
    ``,
  ].join('\n');
}

/** The package as a zip; entries dated by the kernel clock so the same input gives the same bytes. */
export function buildVerificationPackage(p: PackageInput): { fileName: string; zip: Buffer } {
  const mtime = clock.now();
  const file = (content: string | Uint8Array): [Uint8Array, { mtime: Date }] => [
    typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    { mtime },
  ];
  const manifest = {
    identifier: p.licence.identifier,
    algorithm: 'SM2-SM3',
    userId: SM2_DEFAULT_USER_ID,
    signatureEncoding: 'DER',
    documentSm3: sm3Hex(p.canonical),
    keyId: p.licence.keyId,
    sealId: p.licence.sealId,
    sealCode: p.key.sealCode,
    sealHolder: p.key.departmentName,
    publicKeysUrl: `${p.publicKeysUrl}?keyId=${p.licence.keyId}`,
    files: PACKAGE_FILES,
  };
  const zip = zipSync({
    [PACKAGE_FILES.document]: file(p.canonical),
    [PACKAGE_FILES.signature]: file(Buffer.from(p.licence.signature, 'hex')),
    [PACKAGE_FILES.publicKey]: file(p.key.publicKeyPem),
    [PACKAGE_FILES.manifest]: file(`${JSON.stringify(manifest, null, 2)}\n`),
    [PACKAGE_FILES.readme]: file(readme(p)),
  });
  return { fileName: `licence-${p.licence.identifier}.zip`, zip: Buffer.from(zip) };
}
