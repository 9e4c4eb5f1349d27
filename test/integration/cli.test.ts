import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { openDb } from '../../src/kernel/db/index.ts';
import { runCli } from '../support/cli.ts';
import { backend, freshDataDir, type FreshDataDir } from '../support/db.ts';
import { haveTemplates } from '../support/templates.ts';

/**
 * The environment of one operator's node: a PostgreSQL database, or an embedded data dir. `fresh`
 * is an empty node the first command migrates; otherwise the node starts migrated (as after
 * `yiwang migrate`). Both come from the phase's templates when the runner built them, so each
 * command here costs its own work and not initdb's or the schema's.
 */
const nodes: FreshDataDir[] = [];
after(() => nodes.forEach((node) => node.remove()));

async function nodeEnv(fresh = false): Promise<{ env: Record<string, string>; open: () => ReturnType<typeof openDb> }> {
  const node = await freshDataDir(haveTemplates() ? (fresh ? 'empty' : 'migrated') : undefined);
  nodes.push(node);
  if (backend === 'postgres') return { env: { DATABASE_URL: node.databaseUrl }, open: () => openDb(node) };
  return { env: { YIWANG_DATA_DIR: node.dataDir }, open: () => openDb({ databaseUrl: '', dataDir: node.dataDir }) };
}

test('seed a county-level city on an empty node, verify the audit log, detect tampering', async () => {
  const node = await nodeEnv(true);
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
  // rekeying (for chains written before the chain was keyed) never launders a tampered chain
  const rekey = await runCli(['audit', 'rekey'], node.env);
  assert.equal(rekey.code, 2, rekey.output);
  assert.match(rekey.output, /audit log TAMPERED: nothing rekeyed/);
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
  const ok = await runCli(['client', 'add', 'hr-system', '--name', '人社业务系统', '--redirect', 'https://hr.example.gov.cn/cb', '--level', '2'], node.env);
  assert.equal(ok.code, 0, ok.output);
  const secret = ok.output.trim().split('\n').pop()!;
  assert.match(secret, /^[A-Za-z0-9_-]{43}$/);
  const db = await node.open();
  try {
    const row = await db.one<{ min_assurance_level: number; secret_enc: string }>("select min_assurance_level, secret_enc from oidc_client where client_id = 'hr-system'");
    assert.equal(row?.min_assurance_level, 2);
    assert.ok(row && !row.secret_enc.includes(secret), 'stored encrypted');
    // audited like a registration on the admin page, with the operator's command as the actor
    const audit = await db.query<{ actor_kind: string; actor_id: string; details: Record<string, unknown> }>(
      "select actor_kind, actor_id, details from audit_log where action = 'oidc_client.create' and object_id = 'hr-system'",
    );
    assert.deepEqual(audit, [
      { actor_kind: 'system', actor_id: 'cli', details: { grantTypes: ['authorization_code', 'refresh_token'], scopes: ['openid', 'profile', 'yiwang'], minAssuranceLevel: 2 } },
    ]);
  } finally {
    await db.close();
  }
  const intact = await runCli(['audit', 'verify'], node.env);
  assert.equal(intact.code, 0, intact.output);
});

test('client add refuses what the admin page refuses, with the same error codes, and registers nothing', async () => {
  const node = await nodeEnv();
  const add = (...args: string[]) => runCli(['client', 'add', 'hr-system', '--name', '人社业务系统', ...args], node.env);
  const refusals: [string[], RegExp][] = [
    [['--redirect', 'http://hr.example.gov.cn/cb'], /^REDIRECT_URI_INVALID: /m],
    [['--redirect', 'https://hr.example.gov.cn/cb#token'], /^REDIRECT_URI_INVALID: /m],
    [['--redirect', 'https://hr.example.gov.cn/cb', '--scope', 'openid admin'], /^VALIDATION_FAILED: .*scopes\.1/m],
    [['--redirect', 'https://hr.example.gov.cn/cb', '--grant', 'password'], /^VALIDATION_FAILED: .*grantTypes\.0/m],
    [['--redirect', 'https://hr.example.gov.cn/cb', '--level', '4'], /^VALIDATION_FAILED: .*minAssuranceLevel/m],
    [['--redirect', 'https://hr.example.gov.cn/cb', '--scope', 'profile'], /^SCOPE_OPENID_REQUIRED: /m],
    [[], /^REDIRECT_URI_REQUIRED: /m],
  ];
  for (const [args, expected] of refusals) {
    const r = await add(...args);
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.output}`);
    assert.match(r.output, expected, args.join(' '));
  }
  const db = await node.open();
  try {
    assert.equal((await db.one<{ n: number }>('select count(*)::int as n from oidc_client'))!.n, 0);
    assert.equal((await db.one<{ n: number }>("select count(*)::int as n from audit_log where object_type = 'oidc_client'"))!.n, 0);
  } finally {
    await db.close();
  }
});
