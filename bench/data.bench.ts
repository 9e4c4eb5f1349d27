/**
 * The data platform's exchange gateway on PostgreSQL (#15), against the same server in the same run:
 *   - gateway lookups of one person's record through a grant, with field masking, the quota count,
 *     the call log and the person's ledger entry, 10 callers at once: calls/s as a ratio of the
 *     bare authenticated route (GET /api/auth/me with the same bearer token). Goal ≥ 0.5× and
 *     ≥ 1,000 calls/s on 2 cores;
 *   - the ledger page (我的数据使用记录) of a person with 10,000 uses: p99 (goal < 50 ms);
 *   - bulk export through the gateway, rows/s, against PostgreSQL's own COPY of the same table.
 * DATABASE_URL names the server; without it a throwaway PostgreSQL is started.
 */
import { spawnSync } from 'node:child_process';
import * as oidc from 'openid-client';
import { systemActor } from '../src/kernel/actor.ts';
import * as clock from '../src/kernel/clock.ts';
import { approveDemand, bindSystem, loadRecords, submitDemand } from '../src/modules/data/index.ts';
import { registerClient } from '../src/modules/identity/index.ts';
import { seedAdministrator } from '../src/seed/actor.ts';
import { signIn } from '../test/support/browserless.ts';
import { populationRow } from '../test/support/data.ts';
import { idNumberCheckChar } from '../src/kernel/validate/idcard.ts';
import { CONNECTIONS, DURATION, measure, ratioRow, withBenchServer } from './support.ts';
import { benchPostgres } from './pgbench.ts';

const CITY = '445300000000';
const EXTRA_ROWS = 40_000;
const pg = await benchPostgres();

try {
  await withBenchServer(async (server) => {
    const { db } = server.ctx;
    const admin = seedAdministrator(CITY);
    const population = (await db.one<{ id: string; code: string }>(
      `select id, code from data_resource where name = '常住人口基本信息'`,
    ))!;
    const gjj = (await db.one<{ id: string }>(`select id from department where code = '445300-GJJ'`))!;

    // a larger library: 40,000 more people, loaded as a provider loads them
    const ids: string[] = [];
    for (let part = 0; part < EXTRA_ROWS / 20_000; part++) {
      const rows = Array.from({ length: 20_000 }, (_, i) => {
        const n = part * 20_000 + i;
        const first17 = `445302${1950 + (n % 50)}0${1 + (Math.floor(n / 50) % 9)}${10 + (Math.floor(n / 450) % 18)}${String(100 + Math.floor(n / 8100)).padStart(3, '0')}`;
        const id = first17 + idNumberCheckChar(first17);
        return populationRow(id, `压测${n}`, '445302000000');
      });
      const unique = [...new Map(rows.map((r) => [r.id_number, r])).values()];
      ids.push(...unique.map((r) => r.id_number));
      const report = await loadRecords(server.ctx, admin, population.id, { format: 'json', content: JSON.stringify(unique) });
      if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
    }

    // 公积金中心's system, granted the population library: names in clear, ID numbers masked
    const { clientSecret } = await registerClient(server.ctx, systemActor('bench'), {
      clientId: 'bench-gjj',
      name: '公积金业务系统',
      redirectUris: [],
      grantTypes: ['client_credentials'],
      scopes: [],
    });
    await bindSystem(server.ctx, admin, { clientId: 'bench-gjj', departmentId: gjj.id, rateLimit: 100_000 });
    const fields = ['id_number', 'name', 'birth_date', 'household_region', 'status'];
    const demand = await submitDemand(server.ctx, admin, {
      resourceId: population.id,
      requesterDepartmentId: gjj.id,
      fields,
      purpose: '住房公积金提取核验',
      legalBasis: '《住房公积金管理条例》',
    });
    await approveDemand(server.ctx, admin, demand.id, {
      version: demand.version,
      fields,
      clearFields: ['name'],
      validTo: `${Number(clock.today().slice(0, 4)) + 1}-12-31`,
      dailyQuota: 1_000_000,
      bulk: true,
    });
    const config = await oidc.discovery(new URL(`${server.url}/oidc`), 'bench-gjj', clientSecret, undefined, {
      execute: [oidc.allowInsecureRequests],
    });
    const { access_token: token } = await oidc.clientCredentialsGrant(config);
    const bearer = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const bare = await measure(`${server.url}/api/auth/me`, { headers: bearer });
    const lookups = await measure(`${server.url}/api/data/gateway/query`, {
      requests: ids.slice(0, 500).map((key) => ({
        method: 'POST' as const,
        path: '/api/data/gateway/query',
        headers: bearer,
        body: JSON.stringify({ resource: population.code, key, purpose: '提取核验' }),
      })),
    });

    // the ledger of 陈小云 with 10,000 uses
    const chen = await signIn(server.url, '13800000001', 'Yiwang@2026citizen');
    const me = (await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie: chen } })).json()) as {
      user: { id: string };
    };
    const index = (await db.one<{ id_number_index: string }>('select id_number_index from person where id = $1', [me.user.id]))!
      .id_number_index;
    await db.query(
      `insert into data_use (person_index, at, kind, department_id, department_name, system, resource_code, resource_name, fields, purpose, legal_basis)
       select $1, clock_now() - (n || ' minutes')::interval, 'gateway', $2, '云浮市住房公积金管理中心', '公积金业务系统', $3, '常住人口基本信息',
              array['公民身份号码', '姓名'], '住房公积金提取核验', '《住房公积金管理条例》' from generate_series(1, 10000) n`,
      [index, gjj.id, population.code],
    );
    const ledger = await measure(`${server.url}/api/my/data-uses?page=1&pageSize=20`, { headers: { cookie: chen } });

    // bulk export: every row of the library through the gateway, pages of 5,000, against COPY
    const started = performance.now();
    let exported = 0;
    let after: string | null = null;
    do {
      const res: Response = await fetch(`${server.url}/api/data/gateway/export`, {
        method: 'POST',
        headers: bearer,
        body: JSON.stringify({ resource: population.code, limit: 5000, ...(after ? { after } : {}) }),
      });
      const page = (await res.json()) as { rows: unknown[]; next: string | null };
      exported += page.rows.length;
      after = page.next;
    } while (after);
    const exportSeconds = (performance.now() - started) / 1000;
    const copyStarted = performance.now();
    const copy = spawnSync(
      'psql',
      [pg.url, '-c', `copy (select * from data_record where resource_id = '${population.id}') to stdout`],
      { encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    if (copy.status !== 0) throw new Error(copy.stderr);
    const copyRows = copy.stdout.split('\n').filter(Boolean).length;
    const copySeconds = (performance.now() - copyStarted) / 1000;
    const records = Number(
      (await db.one<{ n: string }>('select count(*) as n from data_record where resource_id = $1', [population.id]))!.n,
    );

    console.log(
      `${db.backend}, ${CONNECTIONS} connections, ${DURATION}s per route, ${records} records in the population library`,
    );
    console.log(ratioRow('GET /api/auth/me, bearer (bare authenticated)', bare, bare));
    console.log(ratioRow('POST /api/data/gateway/query (lookup)', lookups, bare));
    console.log(`  goal ≥ 0.5× and ≥ 1,000 calls/s: ${lookups.rps >= 1000 && lookups.rps / bare.rps >= 0.5 ? 'met' : 'not met'}`);
    console.log(ratioRow('GET /api/my/data-uses (10,000 uses)', ledger, bare));
    console.log(`  goal p99 < 50 ms: ${ledger.p99 < 50 ? 'met' : 'not met'} (p99 ${ledger.p99} ms)`);
    console.log(
      `bulk export, pages of 5,000 (JSON, masked, logged)`.padEnd(44) +
        ` ${(exported / exportSeconds).toFixed(0).padStart(8)} rows/s   (${exported} rows)   COPY of the same table ${(copyRows / copySeconds).toFixed(0)} rows/s   ratio ${(exported / exportSeconds / (copyRows / copySeconds)).toFixed(3)}`,
    );
  });
} finally {
  pg.stop();
}
