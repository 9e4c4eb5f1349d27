import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { EVERY_FIELD, issuePersonLicence, presentLicence, type PersonLicence } from '../support/licence.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// 核验包 (#14.7): a verifier holding a presentation gets the signed bytes, the signature and the
// seal's public key without signing in, and checks them with the openssl command line alone.
const OPENSSL = process.env.OPENSSL ?? 'openssl';
const version = spawnSync(OPENSSL, ['version'], { encoding: 'utf8' });
if (version.error || !/^OpenSSL 3\./.test(version.stdout)) throw new Error(`the verification package test needs OpenSSL 3 (tried "${OPENSSL}")`);

let server: TestServer;
let issued: PersonLicence;
let licence: PersonLicence['licence'];
let cookies: PersonLicence['cookies'];
let keyId = '';
const dir = mkdtempSync(join(tmpdir(), 'yiwang-package-'));

const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);
const present = (fields: string[], extra: Record<string, unknown> = {}) => presentLicence(server, issued, fields, extra);

/** The package as a command-line verifier fetches it: no cookie. */
async function download(token: string) {
  const res = await fetch(`${server.url}/api/licences/verify/package?t=${token}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, error: () => JSON.parse(Buffer.from(bytes).toString('utf8')).error as { code: string; message: string } };
}

/** Unpack into a folder of its own and run the README's commands there. */
function unpack(zip: Uint8Array, name: string): { folder: string; files: Record<string, Uint8Array> } {
  const folder = join(dir, name);
  const files = unzipSync(zip);
  mkdirSync(folder, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(folder, file), content);
  return { folder, files };
}

const opensslVerifies = (folder: string, ...extra: string[]) => {
  const run = spawnSync(
    OPENSSL,
    ['pkeyutl', '-verify', '-pubin', '-inkey', 'public-key.pem', '-rawin', '-in', 'licence.json', '-sigfile', 'signature.der', '-digest', 'sm3', ...extra],
    { cwd: folder, encoding: 'utf8' },
  );
  return { ok: run.status === 0, out: `${run.stdout}${run.stderr}` };
};
const DISTID = ['-pkeyopt', 'distid:1234567812345678'];

before(async () => {
  server = await startTestServer();
  issued = await issuePersonLicence(server, '031');
  ({ licence, cookies } = issued);
  keyId = (await api(`/api/wallet/licences/${licence.id}/signed`, { cookie: cookies.citizen })).body.keyId;
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('verification package', () => {
  test('downloaded without signing in, it verifies with openssl alone; the key is the seal’s published key', async () => {
    const p = await present(EVERY_FIELD);
    const { res, bytes } = await download(p.token);
    assert.equal(res.status, 200, Buffer.from(bytes).toString('utf8'));
    assert.equal(res.headers.get('content-type'), 'application/zip');
    assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`attachment; filename="licence-${licence.identifier.replace(/\./g, '\\.')}\\.zip"`));
    const { folder, files } = unpack(bytes, 'good');
    assert.deepEqual(Object.keys(files).sort(), ['README.txt', 'licence.json', 'manifest.json', 'public-key.pem', 'signature.der']);

    // the exact bytes that were signed: the holder's own signed export says the same
    const signed = (await api(`/api/wallet/licences/${licence.id}/signed`, { cookie: cookies.citizen })).body;
    assert.equal(Buffer.from(files['licence.json']!).toString('utf8'), signed.document);
    assert.equal(Buffer.from(files['signature.der']!).toString('hex'), signed.signature);

    const verified = opensslVerifies(folder, ...DISTID);
    assert.ok(verified.ok, verified.out);
    assert.match(verified.out, /Signature Verified Successfully/);
    // the check means something only if openssl can say no: openssl's own default user ID differs…
    assert.equal(opensslVerifies(folder).ok, false, 'without the distid the Z value differs');
    // …and one changed byte of the document fails
    const tampered = Buffer.from(files['licence.json']!).toString('utf8').replace('叉车司机 N1', '叉车司机 N2');
    writeFileSync(join(folder, 'licence.json'), tampered);
    assert.equal(opensslVerifies(folder, ...DISTID).ok, false, 'a changed document fails');

    // the README's key-id command (openssl alone) gives the key id the platform publishes
    const spki = execFileSync(OPENSSL, ['pkey', '-pubin', '-in', 'public-key.pem', '-outform', 'DER'], { cwd: folder });
    const digest = execFileSync(OPENSSL, ['dgst', '-sm3', '-r'], { input: spki.subarray(spki.length - 65) }).toString('utf8');
    assert.equal(digest.slice(0, 16), keyId);
    const published = await api(`/api/seals/public-keys?keyId=${keyId}`);
    assert.equal(published.body.items[0].publicKeyPem, Buffer.from(files['public-key.pem']!).toString('utf8'));
    const readme = Buffer.from(files['README.txt']!).toString('utf8');
    assert.ok(readme.includes('openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in licence.json -sigfile signature.der -digest sm3 -pkeyopt distid:1234567812345678'), readme);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'));
    assert.deepEqual([manifest.identifier, manifest.keyId, manifest.signatureEncoding], [licence.identifier, keyId, 'DER']);

    // a one-time presentation is spent by the download, as by the verification page
    const again = await download(p.token);
    assert.deepEqual([again.res.status, again.error().code], [410, 'PRESENTATION_USED']);
    // the holder sees the use in the wallet
    const uses = await api(`/api/wallet/licences/${licence.id}/uses`, { cookie: cookies.citizen });
    assert.ok(uses.body.items.some((u: { kind: string; purpose: string }) => u.kind === 'presentation' && u.purpose === 'verification package'));
  });

  test('the verification page’s answer carries the same package for a whole presentation, none for a partial one', async () => {
    const whole = await api(`/api/licences/verify?t=${(await present(EVERY_FIELD)).token}`);
    assert.equal(whole.status, 200, JSON.stringify(whole.body));
    assert.equal(whole.body.presentation.wholeDocument, true);
    assert.equal(whole.body.verificationPackage.fileName, `licence-${licence.identifier}.zip`);
    const { folder } = unpack(Buffer.from(whole.body.verificationPackage.contentBase64, 'base64'), 'from-page');
    assert.ok(opensslVerifies(folder, ...DISTID).ok);

    const partial = await api(`/api/licences/verify?t=${(await present(['holderName', 'category'])).token}`);
    assert.equal(partial.status, 200);
    assert.equal(partial.body.presentation.wholeDocument, false);
    assert.equal(partial.body.verificationPackage, undefined, 'the signed document would reveal what the holder kept back');
  });

  test('refused with a code: partial presentation, unknown, malformed, expired and used tokens, a licence not in force', async () => {
    const partial = await download((await present(['holderName', 'category'])).token);
    assert.deepEqual([partial.res.status, partial.error().code], [403, 'PRESENTATION_PARTIAL']);

    const unknown = await download('A'.repeat(32));
    assert.deepEqual([unknown.res.status, unknown.error().code], [404, 'PRESENTATION_INVALID']);
    const malformed = await download('short');
    assert.deepEqual([malformed.res.status, malformed.error().code], [400, 'PRESENTATION_INVALID']);
    const missing = await fetch(`${server.url}/api/licences/verify/package`);
    assert.equal(missing.status, 400);

    const late = await present(EVERY_FIELD, { ttlSeconds: 30 });
    await server.ctx.db.query(`update licence_presentation set expires_at = clock_now() - interval '1 second' where licence_id = $1 and used_at is null`, [licence.id]);
    const expired = await download(late.token);
    assert.deepEqual([expired.res.status, expired.error().code], [410, 'PRESENTATION_EXPIRED']);
    assert.match(expired.error().message, /过期/, 'the message is in the default language, zh-CN');

    const reusable = await present(EVERY_FIELD, { once: false, ttlSeconds: 600 });
    assert.equal((await download(reusable.token)).res.status, 200, 'a reusable presentation serves more than one download');
    const revoked = await api(`/api/licences/${licence.id}/operations`, {
      method: 'POST',
      cookie: cookies.approver,
      body: { operation: '05', status: '03', reason: '以欺骗手段取得', version: licence.version },
    });
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    const afterRevocation = await download(reusable.token);
    assert.deepEqual([afterRevocation.res.status, afterRevocation.error().code], [409, 'LICENCE_NOT_VALID']);
    // the page still says what happened, without a package
    const page = await api(`/api/licences/verify?t=${reusable.token}`);
    assert.deepEqual([page.body.verdict, page.body.verificationPackage], ['revoked', undefined]);
  });
});
