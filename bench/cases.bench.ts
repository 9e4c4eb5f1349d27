/**
 * Cases (办件) on PostgreSQL, all in the same run on the same server:
 *   - end-to-end throughput of submit → accept → (review → decide) → completed over HTTP, for a
 *     即办 item (completes at acceptance) and a three-step item, by CONNECTIONS applicants and staff
 *     at once; the baseline is pgbench's default TPC-B-like script with as many clients on the same
 *     server for as long: the figure is cases/s ÷ pgbench tps;
 *   - p50/p99 latency of the submit request;
 *   - the workbench inbox with BENCH_CASES (default 1,000,000) generated cases in the table:
 *     HTTP latency for a department approver and a city-wide clerk, and EXPLAIN ANALYZE of the
 *     inbox statements with the indexes they use (migrations 003 and 005).
 * BENCH_SECONDS shortens every timed phase. The HTTP clients run in the server's process.
 */
import type { Actor } from '../src/kernel/actor.ts';
import type { Queryable } from '../src/kernel/db/index.ts';
import { DEV_MASTER_KEY } from '../src/kernel/config.ts';
import { personalData } from '../src/kernel/pii.ts';
import { inbox } from '../src/modules/cases/queries.ts';
import { signIn } from '../test/support/browserless.ts';
import { generateCases } from './cases-generate.ts';
import { benchPostgres, pgbenchTps } from './pgbench.ts';
import { CONNECTIONS, DURATION, measure, withBenchServer } from './support.ts';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
/** 食品安全违法行为举报奖励: 受理 → 审查 → 决定, three materials. */
interface BenchItem {
  code: string;
  materials: string[];
  form: Record<string, string>;
}
const THREE_STEP: BenchItem = { code: '000H2453000000-445300000000-000-11445300530000243C-1-00', materials: ['m1', 'm2', 'm3'], form: { report_number: 'JB2026-0001', bank_account: '6222020000000000001' } };
/** 营业执照遗失补领、换发: 即办. */
const IMMEDIATE: BenchItem = {
  code: '000A2401006000-445300000000-000-11445300530000243C-1-00',
  materials: ['m1', 'm2'],
  form: { entity_name: '云浮市某某商行', entity_uscc: '91445302MA4UJ0001B', entity_address: '云浮市云城区', legal_representative: '陈小云', agent_name: '陈小云', agent_id_number: '44530219900101001X', agent_phone: '13800000001', reason: '遗失补领' },
};
const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF\n'));

const pctl = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};

const pg = await benchPostgres();
try {
  await withBenchServer(async (server) => {
    const base = server.url;
    const citizen = await signIn(base, '13800000001', 'Yiwang@2026citizen');
    const clerk = await signIn(base, 'clerk', 'Yiwang@2026clerk');
    const approver = await signIn(base, 'approver', 'Yiwang@2026approver');

    async function call(path: string, cookie: string, body?: unknown): Promise<any> {
      const res = await fetch(base + path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? { cookie } : { cookie, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await res.json();
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    }

    /** One case from draft to completed; returns the submit request's latency in ms. */
    async function lifecycle(item: BenchItem, steps: number): Promise<number> {
      const draft = (await call('/api/cases', citizen, { item: item.code, formData: item.form })).case;
      for (const key of item.materials) {
        const res = await fetch(`${base}/api/cases/${draft.id}/materials/${key}?name=${key}.pdf`, { method: 'PUT', headers: { cookie: citizen, 'content-type': 'application/pdf' }, body: PDF });
        if (res.status !== 201) throw new Error(`upload ${res.status}`);
      }
      const t0 = performance.now();
      let c = (await call(`/api/cases/${draft.id}/submit`, citizen, { version: draft.version })).case;
      const submitMs = performance.now() - t0;
      c = await call(`/api/cases/${c.id}/actions/accept`, clerk, { version: c.version });
      for (let i = 0; i < steps; i++) c = await call(`/api/cases/${c.id}/actions/approve`, approver, { version: c.version, opinion: '同意' });
      if (c.status !== 'completed') throw new Error(`case ended in ${c.status}`);
      return submitMs;
    }

    async function throughput(item: BenchItem, steps: number) {
      await lifecycle(item, steps); // warm-up
      const submits: number[] = [];
      const stopAt = performance.now() + DURATION * 1000;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (performance.now() < stopAt) submits.push(await lifecycle(item, steps));
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      return { perSecond: submits.length / seconds, done: submits.length, submits };
    }

    const tps = await pgbenchTps(pg.url, CONNECTIONS, DURATION);
    const immediate = await throughput(IMMEDIATE, 0);
    const threeStep = await throughput(THREE_STEP, 2);
    const submits = [...immediate.submits, ...threeStep.submits];
    console.log(`PostgreSQL, ${CONNECTIONS} concurrent applicants, ${DURATION} s per phase`);
    console.log(`pgbench (TPC-B-like, scale 10, ${CONNECTIONS} clients)            ${tps.toFixed(0).padStart(8)} tps`);
    for (const [name, r] of [['即办 submit → accept (completed)', immediate], ['three-step submit → accept → review → decide', threeStep]] as const) {
      console.log(`${name.padEnd(48)} ${r.perSecond.toFixed(1).padStart(8)} cases/s (${r.done} cases)   ratio to pgbench ${(r.perSecond / tps).toFixed(4)}`);
    }
    console.log(`submit latency: p50 ${pctl(submits, 50).toFixed(1)} ms, p99 ${pctl(submits, 99).toFixed(1)} ms (${submits.length} submits)`);

    const { db } = server.ctx;
    const seconds = await generateCases(db, CASES);
    const total = (await db.one<{ n: number }>('select count(*)::int as n from case_record'))!.n;
    const open = (await db.one<{ n: number }>(`select count(*)::int as n from case_record where status in ('submitted', 'processing')`))!.n;
    console.log(`generated ${CASES.toLocaleString('en')} cases in ${seconds.toFixed(1)} s (table: ${total.toLocaleString('en')} cases, ${open.toLocaleString('en')} open)`);

    for (const [who, cookie] of [['approver (one department)', approver], ['clerk (whole city)', clerk]] as const) {
      const r = await measure(`${base}/api/cases/inbox?view=all`, { headers: { cookie } });
      const me = (await call('/api/auth/me', cookie)).user;
      const page = await call('/api/cases/inbox?view=all', cookie);
      console.log(`inbox ${who.padEnd(26)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms   (${page.total.toLocaleString('en')} cases in scope)`);
      await explainInbox(db, { kind: 'staff', id: me.id, name: me.name, username: me.username, departmentId: me.departmentId, departmentName: me.departmentName, regionCode: me.regionCode, roles: me.roles });
    }
  });
} finally {
  pg.stop();
}

/** Runs the inbox service once, capturing its statements, then EXPLAIN ANALYZE of each with the indexes the plan uses. */
async function explainInbox(db: Queryable, actor: Actor) {
  const statements: { sql: string; params: unknown[] }[] = [];
  const spy: Queryable = {
    query: (sql, params = []) => (statements.push({ sql, params }), db.query(sql, params)),
    one: (sql, params = []) => (statements.push({ sql, params }), db.one(sql, params)),
    exec: (sql) => db.exec(sql),
  };
  // no search text: the blind-index key is not used
  await inbox(spy, personalData(DEV_MASTER_KEY), actor, { view: 'all', page: 1, pageSize: 20 });
  const names = ['total ', 'page  ', 'counts'];
  for (const [i, s] of statements.entries()) {
    const plan = (await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, costs off) ${s.sql}`, s.params)).map((r) => r['QUERY PLAN']);
    const indexes = [...new Set(plan.flatMap((l) => [...l.matchAll(/(?:Index(?: Only)? Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/g)].map((m) => m[1]!)))];
    const ms = /Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1];
    console.log(`  EXPLAIN ${names[i] ?? i}: ${ms} ms, indexes: ${indexes.join(', ') || 'none (sequential scan)'}`);
  }
}
