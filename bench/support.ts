import autocannon from 'autocannon';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/kernel/config.ts';
import { startServer, type RunningServer } from '../src/server.ts';

export const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
export const CONNECTIONS = 10;

export interface Throughput {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  /** CPU a request cost this process (server and load generator) and the PostgreSQL server's processes, in µs */
  cpu?: { node: number; db: number | null };
}

const CLOCK_TICK_US = 10_000; // USER_HZ = 100 on Linux

/**
 * CPU time of every PostgreSQL server process on this machine so far, in µs (Linux /proc;
 * null elsewhere or with none running — PGlite's work is inside this process's own figure).
 */
function postgresCpu(): number | null {
  let total = 0;
  let found = false;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_US; // utime, stime
      found = true;
    }
  } catch {
    return null;
  }
  return found ? total : null;
}

export interface MeasureOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Rotate through these requests (e.g. many search queries) instead of repeating one. */
  requests?: { method?: 'GET' | 'POST'; path: string }[];
}

/** autocannon against one route after a short warm-up, so every route starts with JIT and caches in the same state. */
export async function measure(url: string, options: MeasureOptions = {}): Promise<Throughput> {
  await autocannon({ url, connections: CONNECTIONS, duration: 1, ...options });
  const node0 = process.cpuUsage();
  const db0 = postgresCpu();
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, ...options });
  const node = process.cpuUsage(node0);
  const db1 = postgresCpu();
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  const requests = Math.max(1, result.requests.total);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    cpu: { node: (node.user + node.system) / requests, db: db0 === null || db1 === null ? null : (db1 - db0) / requests },
  };
}

/** One line of a benchmark table: throughput, p99 and the ratio to the same run's baseline. */
export const ratioRow = (name: string, r: Throughput, baseline: Throughput) =>
  `${name.padEnd(44)} ${r.rps.toFixed(0).padStart(8)} req/s   p99 ${String(r.p99).padStart(4)} ms   ratio to bare ${(r.rps / baseline.rps).toFixed(3)}   ${cpuText(r)}`;

/** Where a request's CPU went: this process (server and load generator together) and PostgreSQL. */
export const cpuText = ({ cpu }: Throughput) =>
  cpu ? `CPU/req: node ${cpu.node.toFixed(0)} µs${cpu.db === null ? '' : `, postgres ${cpu.db.toFixed(0)} µs`}` : '';

/** The whole platform with the demo city on a throwaway data directory (or DATABASE_URL). */
export async function withBenchServer(run: (server: RunningServer) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-bench-'));
  const server = await startServer(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      YIWANG_DATA_DIR: dataDir,
      YIWANG_WORKERS: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      // a bench's database is throwaway and its people synthetic: the public development key will do
      ...(process.env.YIWANG_MASTER_KEY
        ? { YIWANG_MASTER_KEY: process.env.YIWANG_MASTER_KEY }
        : { YIWANG_ALLOW_DEV_MASTER_KEY: '1' }),
    }),
  );
  try {
    await run(server);
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
