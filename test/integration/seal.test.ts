import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { systemActor, type Actor } from '../../src/kernel/actor.ts';
import { verifyAudit } from '../../src/kernel/audit/audit.ts';
import { SM2_DEFAULT_USER_ID, privateKeyFromPem, publicKeyFromPrivate } from '../../src/kernel/crypto/index.ts';
import { registerSigner, signWithSeal, useProviderForNewKeys, verifySeal, type Signer } from '../../src/modules/seal/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import * as clock from '../../src/kernel/clock.ts';

const OPENSSL = process.env.OPENSSL ?? 'openssl';
if (spawnSync(OPENSSL, ['version']).error) throw new Error('seal tests need the openssl command line (>= 3.0)');

let server: TestServer;
let admin: string;
let deptadmin: string;
let approver: string;
let leader: string;
let scjgj: { id: string; regionCode: string; name: string };
let other: { id: string; regionCode: string };
const dir = mkdtempSync(join(tmpdir(), 'yiwang-seal-'));
const MESSAGE = '{"identifier":"1.2.156.3005.2.test","holder":"陈小云"}';
const system = systemActor('test');

before(async () => {
  server = await startTestServer();
  admin = await server.login('admin');
  deptadmin = await server.login('deptadmin');
  approver = await server.login('approver');
  leader = await server.login('leader');
  const list = await server.api(`/api/org/departments?q=${encodeURIComponent('云浮市市场监督管理局')}`, { cookie: admin });
  scjgj = list.body.items[0];
  const rs = await server.api(`/api/org/departments?q=${encodeURIComponent('云浮市人力资源和社会保障局')}`, { cookie: admin });
  other = rs.body.items[0];
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const opensslVerifies = (pubPem: string, message: string, signatureHex: string) =>
  spawnSync(OPENSSL, [
    'pkeyutl',
    '-verify',
    '-rawin',
    '-digest',
    'sm3',
    '-pkeyopt',
    `distid:${SM2_DEFAULT_USER_ID}`,
    '-pubin',
    '-inkey',
    file(`pub-${Math.random()}.pem`, pubPem),
    '-in',
    file(`msg-${Math.random()}.txt`, message),
    '-sigfile',
    file(`sig-${Math.random()}.bin`, Buffer.from(signatureHex, 'hex')),
  ]).status === 0;

async function createSeal(departmentId: string, kind: string, cookie = admin) {
  return server.api('/api/seals', { method: 'POST', body: { departmentId, kind }, cookie });
}

describe('seals', () => {
  let sealId: string;

  test('an administrator makes an approval seal: key, picture, validity, audit', async () => {
    const res = await createSeal(scjgj.id, 'approval');
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const seal = res.body;
    sealId = seal.id;
    assert.equal(seal.name, scjgj.name);
    assert.equal(seal.subtitle, '行政审批专用章');
    assert.equal(seal.status, 'active');
    assert.match(seal.currentKeyId, /^[0-9a-f]{16}$/);
    assert.ok(Date.parse(seal.validTo) > clock.nowMs() + 4 * 365 * 86400_000);

    const svg = await fetch(`${server.url}/api/seals/${seal.id}/image.svg`);
    assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
    const svgText = await svg.text();
    for (const ch of scjgj.name) assert.ok(svgText.includes(`>${ch}<`), `character ${ch} on the arc`);
    assert.match(svgText, /<polygon/, 'the star');
    const png = Buffer.from(await (await fetch(`${server.url}/api/seals/${seal.id}/image.png`)).arrayBuffer());
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');

    // The private key is stored encrypted, never as the bare hex scalar.
    const key = await server.ctx.db.one<{ private_key_enc: string; public_key: string }>(
      'select private_key_enc, public_key from seal_key where id = $1',
      [seal.currentKeyId],
    );
    assert.match(key!.private_key_enc, /^v1:/);
    assert.doesNotMatch(key!.private_key_enc, /^[0-9a-f]{64}$/);

    const again = await createSeal(scjgj.id, 'approval');
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'SEAL_EXISTS');
  });

  test('our signature verifies with openssl, and an openssl signature verifies in ours', async () => {
    const sig = await signWithSeal(server.ctx, system, { sealId }, MESSAGE, { purpose: 'test' });
    const keys = await server.api(`/api/seals/public-keys?keyId=${sig.keyId}`);
    assert.equal(keys.status, 200);
    const [published] = keys.body.items;
    assert.equal(published.sealId, sealId);
    assert.equal(published.userId, '1234567812345678');
    assert.ok(opensslVerifies(published.publicKeyPem, MESSAGE, sig.signature), 'openssl pkeyutl -verify');
    assert.equal(opensslVerifies(published.publicKeyPem, `${MESSAGE} `, sig.signature), false, 'control: other bytes');

    // A key made by openssl, registered as a "hardware" provider: its signatures come from
    // the openssl binary, which also stands in for a signature server behind the Signer seam.
    const keyPem = join(dir, 'hsm.pem');
    spawnSync(OPENSSL, ['genpkey', '-algorithm', 'SM2', '-out', keyPem]);
    const publicKey = publicKeyFromPrivate(privateKeyFromPem(readFileSync(keyPem, 'utf8')));
    const hsm: Signer = {
      provider: 'openssl-test',
      async generate() {
        return { publicKey, privateKeyEnc: null, handle: keyPem };
      },
      async sign(key, message) {
        const out = spawnSync(
          OPENSSL,
          ['pkeyutl', '-sign', '-rawin', '-digest', 'sm3', '-inkey', key.handle!, '-pkeyopt', `distid:${SM2_DEFAULT_USER_ID}`],
          {
            input: Buffer.from(message),
          },
        );
        return out.stdout.toString('hex');
      },
    };
    registerSigner(hsm, { preferred: true });
    try {
      const made = await createSeal(other.id, 'licence');
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const viaOpenssl = await signWithSeal(server.ctx, system, { sealId: made.body.id }, MESSAGE);
      const checked = await verifySeal(server.ctx, { keyId: viaOpenssl.keyId, bytes: MESSAGE, signature: viaOpenssl.signature });
      assert.equal(checked.valid, true, 'openssl signature verifies in YiWang');
      assert.equal(
        (await verifySeal(server.ctx, { keyId: viaOpenssl.keyId, bytes: `${MESSAGE}x`, signature: viaOpenssl.signature })).reason,
        'BAD_SIGNATURE',
      );
    } finally {
      useProviderForNewKeys('software');
    }
  });

  test('rotation: new signatures use the new key, old ones still verify (public API too)', async () => {
    const before = await signWithSeal(server.ctx, system, { sealId }, MESSAGE);
    const seal = (await server.api(`/api/seals/${sealId}`, { cookie: admin })).body;
    const rotated = await server.api(`/api/seals/${sealId}/rotate`, {
      method: 'POST',
      body: { version: seal.version },
      cookie: admin,
    });
    assert.equal(rotated.status, 200, JSON.stringify(rotated.body));
    assert.notEqual(rotated.body.currentKeyId, before.keyId);
    assert.equal(rotated.body.keyCount, 2);
    const afterSig = await signWithSeal(server.ctx, system, { departmentId: scjgj.id }, MESSAGE);
    assert.equal(afterSig.keyId, rotated.body.currentKeyId);

    const old = await server.api('/api/seals/verify', {
      method: 'POST',
      body: { keyId: before.keyId, data: MESSAGE, signature: before.signature },
    });
    assert.equal(old.status, 200);
    assert.equal(old.body.valid, true);
    assert.equal(old.body.keyRetired, true);
    const keys = await server.api(`/api/seals/public-keys?departmentId=${scjgj.id}`);
    // the demo city gives the department an official seal too: look at this seal's keys
    const own = keys.body.items.filter((k: { sealId: string }) => k.sealId === sealId);
    assert.deepEqual(own.map((k: { keyId: string }) => k.keyId).sort(), [before.keyId, afterSig.keyId].sort());

    const stale = await server.api(`/api/seals/${sealId}/rotate`, {
      method: 'POST',
      body: { version: seal.version },
      cookie: admin,
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
  });

  test('a wrong key, a wrong signature and garbage are each reported, never thrown', async () => {
    const sig = await signWithSeal(server.ctx, system, { sealId }, MESSAGE);
    const unknown = await server.api('/api/seals/verify', {
      method: 'POST',
      body: { keyId: '0123456789abcdef', data: MESSAGE, signature: sig.signature },
    });
    assert.deepEqual([unknown.body.valid, unknown.body.reason], [false, 'UNKNOWN_KEY']);
    const garbage = await server.api('/api/seals/verify', {
      method: 'POST',
      body: { keyId: sig.keyId, data: MESSAGE, signature: 'not-hex' },
    });
    assert.deepEqual([garbage.body.valid, garbage.body.reason], [false, 'BAD_SIGNATURE']);
    const both = await server.api('/api/seals/verify', { method: 'POST', body: { keyId: sig.keyId, signature: sig.signature } });
    assert.equal(both.status, 400);
    const b64 = await server.api('/api/seals/verify', {
      method: 'POST',
      body: { keyId: sig.keyId, dataBase64: Buffer.from(MESSAGE).toString('base64'), signature: sig.signature },
    });
    assert.equal(b64.body.valid, true);
  });

  test('every signature is in the audit chain, with the key and the digest of the bytes', async () => {
    const rows = await server.ctx.db.query<{ details: { keyId: string; sm3: string } }>(
      `select details from audit_log where action = 'seal.sign' and object_id = $1`,
      [sealId],
    );
    assert.ok(rows.length >= 4, `${rows.length} signature entries`);
    assert.ok(rows.every((r) => /^[0-9a-f]{16}$/.test(r.details.keyId) && /^[0-9a-f]{64}$/.test(r.details.sm3)));
    assert.equal((await verifyAudit(server.ctx.db)).ok, true);
  });

  test('access: staff of another department cannot sign; persons and anonymous cannot manage', async () => {
    const foreignApprover: Actor = {
      kind: 'staff',
      id: '00000000-0000-7000-8000-000000000001',
      name: 'x',
      username: 'x',
      departmentId: other.id,
      departmentName: null,
      regionCode: other.regionCode,
      roles: [{ role: 'approver', regionCode: other.regionCode, departmentId: other.id }],
    };
    await assert.rejects(
      signWithSeal(server.ctx, foreignApprover, { sealId }, MESSAGE),
      (e: { code?: string }) => e.code === 'FORBIDDEN',
    );
    const ownApprover: Actor = {
      ...foreignApprover,
      departmentId: scjgj.id,
      roles: [{ role: 'approver', regionCode: scjgj.regionCode, departmentId: scjgj.id }],
    };
    assert.match((await signWithSeal(server.ctx, ownApprover, { sealId }, MESSAGE)).keyId, /^[0-9a-f]{16}$/);
    await assert.rejects(
      signWithSeal(server.ctx, { kind: 'anonymous' }, { sealId }, MESSAGE),
      (e: { code?: string }) => e.code === 'UNAUTHENTICATED',
    );
    await assert.rejects(
      signWithSeal(server.ctx, { kind: 'person', id: 'p', name: 'p' }, { sealId }, MESSAGE),
      (e: { code?: string }) => e.code === 'FORBIDDEN',
    );

    assert.equal((await createSeal(scjgj.id, 'official', deptadmin)).status, 403, 'department admin may not make seals');
    const countyadmin = await server.login('countyadmin');
    assert.equal(
      (await createSeal(scjgj.id, 'official', countyadmin)).status,
      403,
      'a county administrator cannot make city seals',
    );
    assert.equal((await server.api(`/api/seals/${sealId}`, { cookie: countyadmin })).status, 404, 'nor see them');
    assert.equal(
      (await server.api('/api/seals', { method: 'POST', body: { departmentId: scjgj.id, kind: 'official' } })).status,
      401,
    );
    assert.equal((await server.api('/api/seals', { cookie: approver })).status, 403, 'approver cannot list seals');
    const own = await server.api('/api/seals', { cookie: deptadmin });
    assert.equal(own.status, 200);
    assert.ok(
      own.body.items.every((s: { departmentId: string }) => s.departmentId === scjgj.id),
      'department admin sees only own seals',
    );
    const hidden = await server.api(`/api/seals?departmentId=${other.id}`, { cookie: deptadmin });
    assert.equal(hidden.body.total, 0);
    const bad = await createSeal(scjgj.id, 'stamp');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'VALIDATION_FAILED');
    const badDates = await server.api('/api/seals', {
      method: 'POST',
      body: { departmentId: scjgj.id, kind: 'business', validFrom: '2030-01-01T00:00:00Z', validTo: '2029-01-01T00:00:00Z' },
      cookie: admin,
    });
    assert.equal(badDates.status, 400);
  });

  test('suspended seals refuse to sign; revocation is final', async () => {
    const seal = (await server.api(`/api/seals/${sealId}`, { cookie: admin })).body;
    const suspended = await server.api(`/api/seals/${sealId}/status`, {
      method: 'POST',
      body: { status: 'suspended', version: seal.version, reason: '测试' },
      cookie: admin,
    });
    assert.equal(suspended.body.status, 'suspended');
    await assert.rejects(
      signWithSeal(server.ctx, system, { sealId }, MESSAGE),
      (e: { code?: string }) => e.code === 'SEAL_NOT_USABLE',
    );
    await assert.rejects(
      signWithSeal(server.ctx, system, { departmentId: scjgj.id, kind: 'approval' }, MESSAGE),
      (e: { code?: string }) => e.code === 'SEAL_MISSING',
    );
    const revoked = await server.api(`/api/seals/${sealId}/status`, {
      method: 'POST',
      body: { status: 'revoked', version: suspended.body.version },
      cookie: admin,
    });
    assert.equal(revoked.body.status, 'revoked');
    const resume = await server.api(`/api/seals/${sealId}/status`, {
      method: 'POST',
      body: { status: 'active', version: revoked.body.version },
      cookie: admin,
    });
    assert.equal(resume.status, 409);
    assert.equal(resume.body.error.code, 'SEAL_REVOKED');
    // A revoked seal may be replaced by a new one of the same kind.
    assert.equal((await createSeal(scjgj.id, 'approval')).status, 201);
  });

  test('seal coverage per department for the indicators', async () => {
    const res = await server.api('/api/seals/coverage?regionCode=445300000000', { cookie: leader });
    assert.equal(res.status, 200);
    assert.ok(res.body.departments >= 30);
    assert.ok(res.body.covered >= 2);
    assert.equal(res.body.rate, Math.round((res.body.covered / res.body.departments) * 1000) / 10);
    const mine = res.body.items.find((i: { departmentId: string }) => i.departmentId === scjgj.id);
    assert.equal(mine.covered, true);
    assert.equal((await server.api('/api/seals/coverage', { cookie: approver })).status, 403);
  });
});
