/**
 * Catalogue search over the demo city plus a generated catalogue of 5,000 items:
 *   - HTTP: GET /api/catalog/search with realistic citizen queries (rotating) against the
 *     exact-code lookup GET /api/catalog/published/:code in the same run (the baseline ratio);
 *   - in process: p50 / p95 / p99 of SearchIndex.search over the same queries, and the index
 *     build time;
 *   - relevance: top-1 / top-3 hit rate of the demo query set over the enlarged catalogue.
 */
import { searchIndex } from '../src/modules/catalog/search/service.ts';
import { departmentRefsInRegion } from '../src/modules/org/index.ts';
import { importAndPublish } from '../src/seed/catalog.ts';
import { demoQueries } from '../src/seed/catalog-data.ts';
import { generateRows } from '../src/seed/catalog-generate.ts';
import { CONNECTIONS, DURATION, measure, withBenchServer, type Throughput } from './support.ts';

const SYNTHETIC = Number(process.env.BENCH_ITEMS ?? 5000);
/** Rows per import file: well inside the import's limits of 2,000 rows and 10 MB. */
const PER_FILE = 1000;
const DEMO_QUERIES = demoQueries();

await withBenchServer(async (server) => {
  const db = server.ctx.db;
  const started = performance.now();
  const rows = generateRows(SYNTHETIC, await departmentRefsInRegion(db, '445300000000'));
  const files = Array.from({ length: Math.ceil(rows.length / PER_FILE) }, (_, i) => ({
    name: `generated-${i + 1}.json`,
    data: Buffer.from(JSON.stringify(rows.slice(i * PER_FILE, (i + 1) * PER_FILE))),
  }));
  const load = await importAndPublish(db, files);
  const loadMs = performance.now() - started;
  const buildStart = performance.now();
  const index = await searchIndex(db);
  const buildMs = performance.now() - buildStart;
  const queries = DEMO_QUERIES.map((q) => q.text);
  const codes = (
    await db.query<{ code: string }>(`select code from catalog_item where status = 'published' order by code limit 50`)
  ).map((r) => r.code);

  // In-process latency of the search function alone.
  const samples: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of queries) {
      const t0 = performance.now();
      index.search(q, {}, 20);
      samples.push(performance.now() - t0);
    }
  }
  samples.sort((a, b) => a - b);
  const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!.toFixed(2);

  // Relevance over the enlarged catalogue.
  const items = await db.query<{ code: string; implementation_code: string; basic_code: string; name: string }>(
    `select i.code, i.implementation_code, i.basic_code, v.name from catalog_item i join catalog_item_version v on v.id = i.published_version_id`,
  );
  const byImpl = new Map(items.map((i) => [i.implementation_code, i]));
  const byCode = new Map(items.map((i) => [i.code, i]));
  let top1 = 0;
  let top3 = 0;
  for (const q of DEMO_QUERIES) {
    const expected = q.expectedCodes.map((c) => byImpl.get(c) ?? byCode.get(c)).filter((x) => x !== undefined);
    const hits = index.search(q.text, {}, 3).hits.map((h) => h.doc);
    const same = (d: { code: string; basicCode: string; name: string }) =>
      expected.some((e) => e.code === d.code || (e.basic_code === d.basicCode && e.name === d.name));
    if (hits[0] && same(hits[0])) top1++;
    if (hits.some(same)) top3++;
  }

  const lookup = await measure(server.url, {
    requests: codes.map((c) => ({ path: `/api/catalog/published/${encodeURIComponent(c)}` })),
  });
  const search = await measure(server.url, {
    requests: queries.map((q) => ({ path: `/api/catalog/search?q=${encodeURIComponent(q)}` })),
  });

  console.log(
    `${db.backend}; catalogue ${index.size} published documents (${load.published} generated published of ${load.items}); load ${(loadMs / 1000).toFixed(1)} s; index build ${buildMs.toFixed(0)} ms`,
  );
  console.log(`search function (in process, ${samples.length} runs): p50 ${pct(50)} ms  p95 ${pct(95)} ms  p99 ${pct(99)} ms`);
  const row = (name: string, r: Throughput) =>
    `${name.padEnd(40)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50} ms  p90 ${r.p90} ms  p99 ${r.p99} ms`;
  console.log(`HTTP, ${CONNECTIONS} connections, ${DURATION}s per route:`);
  console.log(row('GET /api/catalog/published/:code (baseline)', lookup));
  console.log(row(`GET /api/catalog/search (${queries.length} queries)`, search));
  console.log(`search throughput ÷ exact-code lookup: ${(search.rps / lookup.rps).toFixed(3)}`);
  const n = DEMO_QUERIES.length;
  console.log(
    `query set over the enlarged catalogue: ${n} queries, top-1 ${((100 * top1) / n).toFixed(1)} %, top-3 ${((100 * top3) / n).toFixed(1)} %`,
  );
});
