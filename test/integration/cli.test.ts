import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openDb } from '../../src/kernel/db/index.ts';
import { runCli } from '../support/cli.ts';
import { backend, freshDatabaseUrl } from '../support/db.ts';

/** The environment of one operator's node: a PostgreSQL database, or an embedded data dir. */
async function nodeEnv(): Promise<{ env: Record<string, string>; open: () => ReturnType<typeof openDb> }> {
  if (backend === 'postgres') {
    const url = await freshDatabaseUrl();
    return { env: { DATABASE_URL: url }, open: () => openDb({ databaseUrl: url, dataDir: '' }) };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-cli-'));
  return { env: { YIWANG_DATA_DIR: dataDir }, open: () => openDb({ databaseUrl: '', dataDir }) };
}

test('seed a county-level city, verify the audit log, detect tampering', async () => {
  const node = await nodeEnv();
  const seeded = await runCli(['seed', '--city', '445381'], node.env);
  assert.equal(seeded.code, 0, seeded.output);
  assert.match(seeded.output, /罗定市 \(445381000000\)/);
  assert.match(seeded.output, /admin\s+Yiwang@2026admin\s+administrator/);

  const again = await runCli(['seed', '--city', '445300'], node.env);
  assert.equal(again.code, 1);
  assert.match(again.output, /CITY_ALREADY_SET_UP/);

  const intact = await runCli(['audit', 'verify'], node.env);
  assert.equal(intact.code, 0, intact.output);
  assert.match(intact.output, /audit log intact: \d+ entries/);

  const db = await node.open();
  const regions = await db.one<{ n: number; towns: number }>(
    `select count(*) as n, count(*) filter (where level = 4) as towns from region where code like '445381%'`,
  );
  assert.ok(regions!.towns >= 10, `towns ${regions!.towns}`);
  const departments = await db.one<{ n: number }>('select count(*) as n from department');
  assert.ok(departments!.n >= 30);
  await db.query(`update audit_log set action = 'city.setup.forged' where seq = 1`);
  await db.close();

  const tampered = await runCli(['audit', 'verify'], node.env);
  assert.equal(tampered.code, 2, tampered.output);
  assert.match(tampered.output, /audit entry 1: HASH_MISMATCH/);
});

test('unknown city codes are refused with a clear message', async () => {
  const node = await nodeEnv();
  for (const code of ['110000', '445302', 'abc']) {
    const r = await runCli(['seed', '--city', code], node.env);
    assert.equal(r.code, 1, `${code}: ${r.output}`);
    assert.match(r.output, /UNKNOWN_CITY/);
  }
});

test('calendar import says when the package has no data for a year', async () => {
  const node = await nodeEnv();
  const covered = await runCli(['calendar', 'import', '2025'], node.env);
  assert.equal(covered.code, 0, covered.output);
  assert.match(covered.output, /2025: \d+ holidays and \d+ make-up working days imported/);
  const missing = await runCli(['calendar', 'import', '2099'], node.env);
  assert.equal(missing.code, 3);
  assert.match(missing.output, /no data for this year/);
  const usage = await runCli(['frobnicate'], node.env);
  assert.equal(usage.code, 1);
  assert.match(usage.output, /Usage:/);
});

test('client add registers a department system and prints its secret once; a bad redirect is refused', async () => {
  const node = await nodeEnv();
  const bad = await runCli(['client', 'add', 'hr-system', '--name', '人社业务系统', '--redirect', 'http://hr.example.gov.cn/cb'], node.env);
  assert.equal(bad.code, 1);
  assert.match(bad.output, /REDIRECT_URI_INVALID/);
  const ok = await runCli(['client', 'add', 'hr-system', '--name', '人社业务系统', '--redirect', 'https://hr.example.gov.cn/cb', '--level', '2'], node.env);
  assert.equal(ok.code, 0, ok.output);
  const secret = ok.output.trim().split('\n').pop()!;
  assert.match(secret, /^[A-Za-z0-9_-]{43}$/);
  const db = await node.open();
  try {
    const row = await db.one<{ min_assurance_level: number; secret_enc: string }>("select min_assurance_level, secret_enc from oidc_client where client_id = 'hr-system'");
    assert.equal(row?.min_assurance_level, 2);
    assert.ok(row && !row.secret_enc.includes(secret), 'stored encrypted');
  } finally {
    await db.close();
  }
});
