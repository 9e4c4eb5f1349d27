/**
 * Throughput of two typical org reads against a bare route of the same server, same run:
 *   - GET /api/regions/:code/children (public, one indexed query)
 *   - GET /api/org/departments?page=1 (session lookup, scope filter, join, count)
 *   - GET /healthz (baseline: the HTTP stack alone, no database)
 * The ratios say what the database work and auth cost on top of the framework.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/kernel/config.ts';
import { startServer } from '../src/server.ts';
import { signIn } from '../test/support/browserless.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;

async function measure(url: string, headers: Record<string, string> = {}) {
  // short warm-up so JIT and caches are in the same state for every route
  await autocannon({ url, connections: CONNECTIONS, duration: 1, headers });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-bench-'));
const server = await startServer(
  loadConfig({ PORT: '0', HOST: '127.0.0.1', YIWANG_DATA_DIR: dataDir, YIWANG_WORKERS: '0', LOG_LEVEL: 'warn', DATABASE_URL: process.env.DATABASE_URL ?? '' }),
);
try {
  const cookie = await signIn(server.url, 'admin', 'Yiwang@2026admin');

  const bare = await measure(`${server.url}/healthz`);
  const children = await measure(`${server.url}/api/regions/445302000000/children`);
  const departments = await measure(`${server.url}/api/org/departments?page=1&pageSize=20`, { cookie });

  const row = (name: string, r: { rps: number; p99: number }) =>
    `${name.padEnd(44)} ${r.rps.toFixed(0).padStart(8)} req/s   p99 ${String(r.p99).padStart(4)} ms   ratio to bare ${(r.rps / bare.rps).toFixed(3)}`;
  console.log(`${server.ctx.db.backend}, ${CONNECTIONS} connections, ${DURATION}s per route`);
  console.log(row('GET /healthz (bare baseline)', bare));
  console.log(row('GET /api/regions/445302000000/children', children));
  console.log(row('GET /api/org/departments?page=1 (admin)', departments));
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
