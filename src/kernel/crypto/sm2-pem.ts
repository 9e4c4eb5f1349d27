import { sm2 as smLib } from 'sm-crypto-v2';
import { TAG, children, readTlv, tlv, type Tlv } from './der.ts';

/**
 * SM2 keys as PEM so they interoperate with OpenSSL, HSM tooling and Java/Go peers, while the
 * rest of the code keeps sm-crypto-v2's hex form (private: 64 hex; public: '04' + X + Y).
 *
 * Containers: PKCS#8 `PRIVATE KEY` (what `openssl genpkey -algorithm SM2` writes), SEC1
 * (RFC 5915) `EC PRIVATE KEY` / OpenSSL's `SM2 PRIVATE KEY`, and SPKI `PUBLIC KEY`. All carry
 * algorithm id-ecPublicKey with the named curve sm2p256v1 (GM/T 0006: 1.2.156.10197.1.301).
 */
const OID_EC_PUBLIC_KEY = Buffer.from('2a8648ce3d0201', 'hex'); // 1.2.840.10045.2.1
const OID_SM2_CURVE = Buffer.from('2a811ccf5501822d', 'hex'); // 1.2.156.10197.1.301

export type PrivateKeyFormat = 'pkcs8' | 'sec1';

function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function fromPem(pem: string): { label: string; der: Buffer } {
  const m = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (!m) throw new Error('not a PEM document');
  return { label: m[1]!, der: Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64') };
}

function expect(t: Tlv | undefined, tag: number, what: string): Tlv {
  if (!t || t.tag !== tag) throw new Error(`SM2 key: malformed ${what}`);
  return t;
}

function checkPrivateHex(privateKeyHex: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(privateKeyHex)) throw new Error('SM2 private key must be 64 hex characters');
  return Buffer.from(privateKeyHex, 'hex');
}

function onCurve(publicKeyHex: string): boolean {
  try {
    return smLib.verifyPublicKey(publicKeyHex);
  } catch {
    return false; // the library throws rather than answers for some points off the curve
  }
}

function uncompressedPublic(publicKeyHex: string): Buffer {
  if (!/^04[0-9a-fA-F]{128}$/.test(publicKeyHex) || !onCurve(publicKeyHex)) {
    throw new Error('SM2 public key must be an uncompressed point on the curve (04 ‖ X ‖ Y, 130 hex)');
  }
  return Buffer.from(publicKeyHex, 'hex');
}

function bitString(bytes: Buffer): Buffer {
  return tlv(TAG.BIT_STRING, Buffer.from([0]), bytes);
}

function algorithmIdentifier(): Buffer {
  return tlv(TAG.SEQUENCE, tlv(TAG.OID, OID_EC_PUBLIC_KEY), tlv(TAG.OID, OID_SM2_CURVE));
}

function sec1Der(privateKeyHex: string, withCurve: boolean): Buffer {
  const d = checkPrivateHex(privateKeyHex);
  const q = Buffer.from(smLib.getPublicKeyFromPrivateKey(privateKeyHex), 'hex');
  return tlv(
    TAG.SEQUENCE,
    tlv(TAG.INTEGER, Buffer.from([1])),
    tlv(TAG.OCTET_STRING, d),
    ...(withCurve ? [tlv(TAG.CONTEXT_0, tlv(TAG.OID, OID_SM2_CURVE))] : []),
    tlv(TAG.CONTEXT_1, bitString(q)),
  );
}

/** PKCS#8 by default: OpenSSL 3 writes and reads it for SM2 without any extra flags. */
export function privateKeyToPem(privateKeyHex: string, format: PrivateKeyFormat = 'pkcs8'): string {
  if (format === 'sec1') return toPem('EC PRIVATE KEY', sec1Der(privateKeyHex, true));
  // Inside PKCS#8 the curve is named by the outer AlgorithmIdentifier, so SEC1 omits it (RFC 5915 §3).
  const der = tlv(
    TAG.SEQUENCE,
    tlv(TAG.INTEGER, Buffer.from([0])),
    algorithmIdentifier(),
    tlv(TAG.OCTET_STRING, sec1Der(privateKeyHex, false)),
  );
  return toPem('PRIVATE KEY', der);
}

export function publicKeyToPem(publicKeyHex: string): string {
  return toPem('PUBLIC KEY', tlv(TAG.SEQUENCE, algorithmIdentifier(), bitString(uncompressedPublic(publicKeyHex))));
}

function checkAlgorithm(alg: Tlv | undefined): void {
  const [oid, curve] = children(expect(alg, TAG.SEQUENCE, 'AlgorithmIdentifier').value);
  if (!expect(oid, TAG.OID, 'algorithm').value.equals(OID_EC_PUBLIC_KEY)) throw new Error('SM2 key: not an EC key');
  if (!expect(curve, TAG.OID, 'curve').value.equals(OID_SM2_CURVE)) throw new Error('SM2 key: curve is not sm2p256v1');
}

function privateFromSec1(der: Buffer, curveRequired: boolean): string {
  const fields = children(expect(readTlv(der), TAG.SEQUENCE, 'ECPrivateKey').value);
  const version = expect(fields[0], TAG.INTEGER, 'version');
  if (version.value.length !== 1 || version.value[0] !== 1) throw new Error('SM2 key: unsupported ECPrivateKey version');
  const d = expect(fields[1], TAG.OCTET_STRING, 'private key').value;
  if (d.length > 32) throw new Error('SM2 key: private scalar too long');
  const params = fields.find((f) => f.tag === TAG.CONTEXT_0);
  if (params) {
    const curve = expect(readTlv(params.value), TAG.OID, 'curve');
    if (!curve.value.equals(OID_SM2_CURVE)) throw new Error('SM2 key: curve is not sm2p256v1');
  } else if (curveRequired) {
    throw new Error('SM2 key: SEC1 key without curve parameters');
  }
  return d.toString('hex').padStart(64, '0');
}

/** Accepts PKCS#8 `PRIVATE KEY` and SEC1 `EC PRIVATE KEY` / `SM2 PRIVATE KEY`; returns 64 hex. */
export function privateKeyFromPem(pem: string): string {
  const { label, der } = fromPem(pem);
  if (label === 'EC PRIVATE KEY' || label === 'SM2 PRIVATE KEY') return privateFromSec1(der, true);
  if (label !== 'PRIVATE KEY') throw new Error(`SM2 key: unsupported PEM type ${label}`);
  const [version, alg, key] = children(expect(readTlv(der), TAG.SEQUENCE, 'PrivateKeyInfo').value);
  expect(version, TAG.INTEGER, 'version');
  checkAlgorithm(alg);
  return privateFromSec1(expect(key, TAG.OCTET_STRING, 'privateKey').value, false);
}

/** Accepts SPKI `PUBLIC KEY`; returns the uncompressed point as 130 hex ('04' ‖ X ‖ Y). */
export function publicKeyFromPem(pem: string): string {
  const { label, der } = fromPem(pem);
  if (label !== 'PUBLIC KEY') throw new Error(`SM2 key: unsupported PEM type ${label}`);
  const [alg, bits] = children(expect(readTlv(der), TAG.SEQUENCE, 'SubjectPublicKeyInfo').value);
  checkAlgorithm(alg);
  const point = expect(bits, TAG.BIT_STRING, 'subjectPublicKey').value;
  if (point[0] !== 0) throw new Error('SM2 key: malformed BIT STRING');
  const hex = point.subarray(1).toString('hex');
  if (/^0[23]/.test(hex)) throw new Error('SM2 key: compressed public keys are not supported');
  uncompressedPublic(hex);
  return hex;
}
