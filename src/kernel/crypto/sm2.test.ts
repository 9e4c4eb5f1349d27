import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { SM2_DEFAULT_USER_ID, generateKeyPair, publicKeyFromPrivate, sign, verify } from './sm2.ts';
import { privateKeyFromPem, privateKeyToPem, publicKeyFromPem, publicKeyToPem } from './sm2-pem.ts';

// The cross-check against OpenSSL is the point of this file, so a missing binary is a failure.
const OPENSSL = process.env.OPENSSL ?? 'openssl';
const probe = spawnSync(OPENSSL, ['version'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  throw new Error(
    `SM2 interop tests need the openssl command line (>= 3.0, tried "${OPENSSL}"); install it or set OPENSSL=/path/to/openssl`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'yiwang-sm2-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content?: string | Buffer) => {
  const path = join(dir, name);
  if (content !== undefined) writeFileSync(path, content);
  return path;
};
const openssl = (...args: string[]) => execFileSync(OPENSSL, args, { stdio: ['ignore', 'pipe', 'pipe'] });
/** Exit status of `openssl pkeyutl -verify`: 0 verified, 1 not. */
const opensslVerifies = (...args: string[]) => spawnSync(OPENSSL, args, { stdio: 'ignore' }).status === 0;

const MESSAGE = '办件编号 44530220260101000001：准予许可';
const DISTID = `distid:${SM2_DEFAULT_USER_ID}`;

test('sign/verify round trip, and verify rejects wrong key, message or garbage', () => {
  const { privateKey, publicKey } = generateKeyPair();
  assert.match(privateKey, /^[0-9a-f]{64}$/);
  assert.match(publicKey, /^04[0-9a-f]{128}$/);
  assert.equal(publicKeyFromPrivate(privateKey), publicKey);
  const sig = sign(MESSAGE, privateKey);
  assert.match(sig, /^30[0-9a-f]+$/, 'DER SEQUENCE');
  assert.ok(verify(MESSAGE, sig, publicKey));
  assert.ok(verify(Buffer.from(MESSAGE, 'utf8'), sig, publicKey), 'strings are signed as UTF-8');
  assert.ok(verify(MESSAGE, sign(MESSAGE, privateKey, publicKey), publicKey));
  assert.equal(verify(`${MESSAGE}.`, sig, publicKey), false);
  assert.equal(verify(MESSAGE, sig, generateKeyPair().publicKey), false);
  assert.equal(verify(MESSAGE, 'zz', publicKey), false);
  assert.equal(verify(MESSAGE, '3006020101020101', publicKey), false);
  assert.equal(verify(MESSAGE, sig, '04deadbeef'), false);
});

test('our signature verifies under openssl with the default SM2 user ID', () => {
  const { privateKey, publicKey } = generateKeyPair();
  const msg = file('msg-ours.txt', MESSAGE);
  const sig = file('ours.sig', Buffer.from(sign(MESSAGE, privateKey), 'hex'));
  const pub = file('ours-pub.pem', publicKeyToPem(publicKey));
  const pkcs8 = file('ours.pem', privateKeyToPem(privateKey));
  const sec1 = file('ours-sec1.pem', privateKeyToPem(privateKey, 'sec1'));

  const pkeyutl = ['pkeyutl', '-verify', '-rawin', '-digest', 'sm3', '-in', msg, '-sigfile', sig, '-pkeyopt', DISTID];
  assert.ok(opensslVerifies(...pkeyutl, '-pubin', '-inkey', pub), 'pkeyutl with SPKI public key');
  assert.ok(opensslVerifies(...pkeyutl, '-inkey', pkcs8), 'pkeyutl with PKCS#8 private key');
  assert.ok(opensslVerifies(...pkeyutl, '-inkey', sec1), 'pkeyutl with SEC1 private key');
  assert.ok(opensslVerifies('dgst', '-sm3', '-verify', pub, '-sigopt', DISTID, '-signature', sig, msg), 'dgst -sm3 -verify');

  // Controls: the check above is meaningful only if openssl can also say no.
  assert.equal(
    opensslVerifies('pkeyutl', '-verify', '-rawin', '-digest', 'sm3', '-in', msg, '-sigfile', sig, '-pubin', '-inkey', pub),
    false,
    'empty distid must fail',
  );
  const other = file('other.txt', `${MESSAGE}!`);
  assert.equal(
    opensslVerifies(
      'pkeyutl',
      '-verify',
      '-rawin',
      '-digest',
      'sm3',
      '-in',
      other,
      '-sigfile',
      sig,
      '-pkeyopt',
      DISTID,
      '-pubin',
      '-inkey',
      pub,
    ),
    false,
  );
});

test('a signature made by openssl verifies in our code', () => {
  const keyPem = file('ossl.pem');
  openssl('genpkey', '-algorithm', 'SM2', '-out', keyPem);
  const pubPem = file('ossl-pub.pem');
  openssl('pkey', '-in', keyPem, '-pubout', '-out', pubPem);
  const msg = file('msg-ossl.txt', MESSAGE);

  const publicKey = publicKeyFromPem(readFileSync(pubPem, 'utf8'));
  const privateKey = privateKeyFromPem(readFileSync(keyPem, 'utf8'));
  assert.equal(publicKeyFromPrivate(privateKey), publicKey, 'PKCS#8 and SPKI from openssl decode to one key pair');

  const viaPkeyutl = openssl('pkeyutl', '-sign', '-rawin', '-digest', 'sm3', '-inkey', keyPem, '-in', msg, '-pkeyopt', DISTID);
  assert.ok(verify(MESSAGE, viaPkeyutl.toString('hex'), publicKey), 'pkeyutl -sign');
  const viaDgst = openssl('dgst', '-sm3', '-sign', keyPem, '-sigopt', DISTID, msg);
  assert.ok(verify(MESSAGE, viaDgst.toString('hex'), publicKey), 'dgst -sm3 -sign');

  // openssl's own default (empty distid) is a different Z value: we must not accept it.
  const emptyId = openssl('pkeyutl', '-sign', '-rawin', '-digest', 'sm3', '-inkey', keyPem, '-in', msg);
  assert.equal(verify(MESSAGE, emptyId.toString('hex'), publicKey), false);

  // Key created by openssl, signature by us, verified by openssl: the PEM decoding is right.
  const sig = file('ours-with-ossl-key.sig', Buffer.from(sign(MESSAGE, privateKey), 'hex'));
  assert.ok(
    opensslVerifies(
      'pkeyutl',
      '-verify',
      '-rawin',
      '-digest',
      'sm3',
      '-in',
      msg,
      '-sigfile',
      sig,
      '-pkeyopt',
      DISTID,
      '-pubin',
      '-inkey',
      pubPem,
    ),
  );
});

test('PEM encoding is byte-identical to what openssl writes, and SEC1 round-trips', () => {
  const keyPem = file('ident.pem');
  openssl('genpkey', '-algorithm', 'SM2', '-out', keyPem);
  const pkcs8 = readFileSync(keyPem, 'utf8');
  const spki = openssl('pkey', '-in', keyPem, '-pubout').toString('utf8');
  const sec1 = openssl('ec', '-in', keyPem).toString('utf8'); // labelled "SM2 PRIVATE KEY" by OpenSSL 3

  const privateKey = privateKeyFromPem(pkcs8);
  assert.equal(privateKeyToPem(privateKey), pkcs8);
  assert.equal(publicKeyToPem(publicKeyFromPrivate(privateKey)), spki);
  assert.equal(privateKeyFromPem(sec1), privateKey);
  assert.equal(privateKeyFromPem(privateKeyToPem(privateKey, 'sec1')), privateKey);
  assert.equal(
    privateKeyToPem(privateKey, 'sec1').replace(/EC PRIVATE KEY/g, 'SM2 PRIVATE KEY'),
    sec1,
    'SEC1 body matches openssl ec output',
  );
});

test('PEM decoding refuses keys that are not SM2', () => {
  const p256 = file('p256.pem');
  openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', p256);
  assert.throws(() => privateKeyFromPem(readFileSync(p256, 'utf8')), /sm2p256v1/);
  const p256pub = openssl('pkey', '-in', p256, '-pubout').toString('utf8');
  assert.throws(() => publicKeyFromPem(p256pub), /sm2p256v1/);
  assert.throws(() => privateKeyFromPem('not pem'), /PEM/);
  assert.throws(() => publicKeyToPem('04' + '00'.repeat(64)), /on the curve/);
});
